"""The vendored browser libraries are what scripts/vendor.py pins (no network here).

A hand edit of a vendored file, a file gone missing or a pin changed without
re-running the script fails here; `python scripts/vendor.py` puts things right.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_vendor_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("appcore_vendor_script", ROOT / "scripts" / "vendor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vendor = load_vendor_script()


def test_the_pins_name_a_0_16_katex_and_a_sha512_tarball() -> None:
    assert re.fullmatch(r"0\.16\.\d+", vendor.VERSION)
    assert vendor.INTEGRITY.startswith("sha512-")
    assert {"katex.mjs", "katex.min.css", "LICENSE"} <= set(vendor.FILES)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in vendor.FILES.values())


@pytest.mark.parametrize("rel", sorted(vendor.FILES))
def test_each_vendored_file_matches_its_pinned_sha256(rel: str) -> None:
    path = vendor.KATEX_DIR / rel
    assert path.is_file(), f"{rel} is missing: run python scripts/vendor.py"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == vendor.FILES[rel], (
        f"{rel} differs from the pinned file: run python scripts/vendor.py")


def test_the_vendor_folder_holds_nothing_unpinned() -> None:
    present = {p.relative_to(vendor.KATEX_DIR).as_posix() for p in vendor.KATEX_DIR.rglob("*") if p.is_file()}
    present = {rel for rel in present if "__pycache__" not in rel}
    assert present - set(vendor.FILES) == vendor.KEEP


def test_the_stylesheet_names_only_vendored_woff2_fonts() -> None:
    css = (vendor.KATEX_DIR / "katex.min.css").read_text(encoding="utf-8")
    urls = set(re.findall(r"url\(([^)]*)\)", css))
    assert urls, "katex.min.css names no fonts"
    assert all(url.startswith("fonts/") and url.endswith(".woff2") for url in urls), urls
    assert urls <= set(vendor.FILES)


def test_the_check_mode_agrees() -> None:
    assert vendor.check(vendor.on_disk()) == []


def test_the_wheel_ships_the_vendored_files() -> None:
    """setup.py ships package data by glob, and only for folders that are packages."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    for pattern in ('"*.mjs"', '"*.css"', '"*.woff2"', '"LICENSE"'):
        assert pattern in setup, f"setup.py ASSETS lacks {pattern}"
    for folder in (vendor.KATEX_DIR.parent, vendor.KATEX_DIR, vendor.KATEX_DIR / "fonts"):
        assert (folder / "__init__.py").is_file(), f"{folder} is not a package: its files would not ship"
