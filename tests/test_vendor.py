"""The vendored browser libraries are what scripts/vendor.py pins (no network here).

A hand edit of a vendored file, a file gone missing or a pin changed without
re-running the script fails here; `python scripts/vendor.py` puts things right.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_vendor_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("appcore_vendor_script", ROOT / "scripts" / "vendor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


vendor = load_vendor_script()
PINS = vendor.pinned()


def test_the_pins_name_the_expected_versions_and_sha512_tarballs() -> None:
    versions = {p.name: p.version for p in vendor.PACKAGES}
    assert re.fullmatch(r"0\.16\.\d+", versions["katex"])
    assert re.fullmatch(r"3\.\d+\.\d+", versions["htm"])
    assert re.fullmatch(r"10\.\d+\.\d+", versions["preact"])
    assert re.fullmatch(r"11\.\d+\.\d+", versions["@highlightjs/cdn-assets"])
    assert all(p.integrity.startswith("sha512-") for p in vendor.PACKAGES)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in PINS.values())


def test_every_package_keeps_its_licence() -> None:
    for package in vendor.PACKAGES:
        assert "LICENSE" in package.files, f"{package.name} is vendored without its licence"


def test_each_package_writes_only_what_it_takes_from_its_tarball() -> None:
    for package in vendor.PACKAGES:
        assert set(package.sources) == set(package.files), package.name
        assert set(package.transforms) <= set(package.files), package.name


@pytest.mark.parametrize("rel", sorted(PINS))
def test_each_vendored_file_matches_its_pinned_sha256(rel: str) -> None:
    path = vendor.VENDOR_DIR / rel
    assert path.is_file(), f"{rel} is missing: run python scripts/vendor.py"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == PINS[rel], (
        f"{rel} differs from the pinned file: run python scripts/vendor.py")


def test_the_vendor_folder_holds_nothing_unpinned() -> None:
    present = {p.relative_to(vendor.VENDOR_DIR).as_posix() for p in vendor.VENDOR_DIR.rglob("*") if p.is_file()}
    present = {rel for rel in present if "__pycache__" not in rel}
    assert present - set(PINS) == vendor.KEEP


def test_the_katex_stylesheet_names_only_vendored_woff2_fonts() -> None:
    css = (vendor.BY_FOLDER["katex"].dir / "katex.min.css").read_text(encoding="utf-8")
    urls = set(re.findall(r"url\(([^)]*)\)", css))
    assert urls, "katex.min.css names no fonts"
    assert all(url.startswith("fonts/") and url.endswith(".woff2") for url in urls), urls
    assert {f"katex/{url}" for url in urls} <= set(PINS)


def test_htm_standalone_exports_what_the_runtime_imports() -> None:
    source = (vendor.BY_FOLDER["htm"].dir / "standalone.mjs").read_text(encoding="utf-8")
    exported = set(re.findall(r"\w+ as (\w+)", source.rsplit("export{", 1)[1]))
    runtime = (ROOT / "frontend" / "runtime.js").read_text(encoding="utf-8")
    imported = re.search(r'import \{([^}]*)\} from "\./vendor/htm/standalone\.mjs"', runtime)
    assert imported, "runtime.js no longer imports the vendored htm/preact"
    names = {part.split(" as ")[0].strip() for part in imported.group(1).split(",") if part.strip()}
    assert names <= exported, names - exported


@pytest.mark.parametrize(("rel", "theme"), [("a11y-light.css", "light"), ("github-dark.css", "dark")])
def test_each_highlight_theme_applies_only_under_its_data_theme(rel: str, theme: str) -> None:
    css = (vendor.BY_FOLDER["highlight"].dir / rel).read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", rules) for s in block.split(",")
                 if not s.strip().startswith("@media")]
    assert selectors
    assert all(s.startswith(f'[data-theme="{theme}"] ') for s in selectors), selectors


def test_scoping_refuses_a_theme_it_cannot_scope() -> None:
    with pytest.raises(SystemExit):
        vendor.scoped("dark")(b"@import url(x.css);.hljs{color:red}")


def test_the_check_mode_agrees() -> None:
    assert vendor.check(vendor.on_disk()) == []


def test_the_wheel_ships_the_vendored_files() -> None:
    """setup.py ships package data by glob, and only for folders that are packages."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    for pattern in ('"*.mjs"', '"*.css"', '"*.woff2"', '"LICENSE"'):
        assert pattern in setup, f"setup.py ASSETS lacks {pattern}"
    folders = {(vendor.VENDOR_DIR / rel).parent for rel in PINS}
    for folder in folders | {vendor.VENDOR_DIR}:
        assert (folder / "__init__.py").is_file(), f"{folder} is not a package: its files would not ship"


def test_the_vega_and_deck_gl_builds_are_es_modules_that_import_only_each_other() -> None:
    for package in (vendor.BY_FOLDER[folder] for folder in ("vega", "vega_lite", "vega_embed", "deck", "deck_json")):
        rel = next(name for name in package.files if name.endswith(".mjs"))
        source = (package.dir / rel).read_text(encoding="utf-8")
        assert source.rstrip().endswith("export default module.exports;"), rel
        for target in re.findall(r'^import \w+ from "([^"]+)";$', source, flags=re.M):
            resolved = (package.dir / target).resolve().relative_to(vendor.VENDOR_DIR.resolve()).as_posix()
            assert resolved in PINS, f"{package.name} imports {target}, which is not vendored"
        assert "sourceMappingURL" not in source[-200:]


def test_wrapping_refuses_a_build_that_needs_an_unvendored_package() -> None:
    build = b'!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?t(exports,require("d3")):0}(this,0);'
    with pytest.raises(SystemExit):
        vendor.es_module({"vega": "../vega/vega.mjs"})(build)
    assert b'import dep0 from "../d3.mjs"' in vendor.es_module({"d3": "../d3.mjs"})(build)


def test_deck_gls_json_converter_is_handed_deck_gl_for_the_global_it_reads() -> None:
    source = (vendor.BY_FOLDER["deck_json"].dir / "deck-json.mjs").read_text(encoding="utf-8")
    assert source.startswith('import global0 from "../deck/deck.mjs";') and "globalThis.deck}" not in source
    build = b"(function webpackUniversalModuleDefinition(root, factory) {})(globalThis, function () {});"
    with pytest.raises(SystemExit):  # it should read globalThis.deck once, and reads it never
        vendor.webpack_module({"deck": "../deck/deck.mjs"})(build)
    with pytest.raises(SystemExit):  # not a webpack bundle at all
        vendor.webpack_module({})(b"!function(){}();")
