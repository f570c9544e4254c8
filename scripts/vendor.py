#!/usr/bin/env python3
"""Re-fetch the vendored browser libraries from the npm registry and check them.

    python scripts/vendor.py                # download, verify, (re)write frontend/vendor/
    python scripts/vendor.py --check        # no network: the files on disk match the pins
    python scripts/vendor.py --print-pins   # download, print each package's files table

The pins, and why each package is vendored, are in scripts/vendor.toml, a table each.
Each package's tarball is fetched with `npm pack` and must match its pinned sha512
integrity (the registry's `dist.integrity`); each file written must match its pinned
sha256. Running it twice writes identical files. To upgrade a package: change its
version and integrity in vendor.toml (`npm view <name>@<version> dist.integrity`), run
with --print-pins and paste the table it prints over the package's files. To add one,
add its table (with "" for each digest until --print-pins gives them). A file changed
on the way in names one of the transforms defined in this script.
"""
from __future__ import annotations

import base64
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "frontend" / "vendor"
PINS_FILE = Path(__file__).resolve().with_name("vendor.toml")


@dataclass(frozen=True)
class Package:
    """One npm tarball and the files taken from it into ``VENDOR_DIR / folder``."""

    name: str
    version: str
    integrity: str
    folder: str
    # Written file (relative to the folder) -> sha256 of what is written.
    files: dict[str, str]
    # Written file -> its member in the tarball.
    sources: dict[str, str]
    # Written file -> a function applied to the member's bytes before writing.
    transforms: dict[str, Callable[[bytes], bytes]] = field(default_factory=dict)

    @property
    def dir(self) -> Path:
        return VENDOR_DIR / self.folder

    @property
    def tarball(self) -> str:
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


# -- Transforms, by the names vendor.toml gives them ------------------------------------

TRANSFORMS: dict[str, Callable[..., Any]] = {}


def transform(function: Callable[..., Any]) -> Callable[..., Any]:
    """Lets vendor.toml name ``function``."""
    TRANSFORMS[function.__name__] = function
    return function


@transform
def strip_legacy_fonts(data: bytes) -> bytes:
    """KaTeX's stylesheet with only the woff2 source of each @font-face: every browser we
    support takes it first, so the woff and ttf files are not vendored."""
    css = data.decode("utf-8")
    css = re.sub(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    urls = set(re.findall(r"url\(([^)]*)\)", css))
    expected = {rel for rel in BY_FOLDER["katex"].files if rel.startswith("fonts/")}
    if urls != expected:
        sys.exit(f"vendor.py: katex.min.css names fonts {sorted(urls ^ expected)} unexpectedly")
    return css.encode("utf-8")


@transform
def scoped(theme: str) -> Callable[[bytes], bytes]:
    """A highlight.js theme whose every selector applies only under ``[data-theme=<theme>]``.

    The themes are flat lists of rules, at most inside ``@media`` blocks; anything else
    (another at-rule, nesting) stops the script rather than being scoped wrongly.
    Comments (the theme's credits) are kept.
    """
    prefix = f'[data-theme="{theme}"]'
    token = re.compile(r"\s*(?:(/\*.*?\*/)|(@media[^{]*)\{((?:[^{}]*\{[^{}]*\})*)\}|([^{}@/]+)\{([^{}]*)\})\s*", re.S)

    def scope(css: str) -> str:
        out = []
        at = 0
        while at < len(css):
            m = token.match(css, at)
            if not m or m.end() == at:
                sys.exit(f"vendor.py: cannot scope the {theme} theme at {css[at:at + 40]!r}")
            at = m.end()
            comment, media, inner, selectors, body = m.groups()
            if comment:
                out.append(comment + "\n")
            elif media:
                out.append(media.strip() + "{\n" + scope(inner) + "}\n")
            else:
                names = [name.strip() for name in selectors.split(",")]
                if not all(names):
                    sys.exit(f"vendor.py: the {theme} theme has a rule that cannot be scoped: {selectors!r}")
                out.append(",".join(f"{prefix} {name}" for name in names) + "{" + body + "}\n")
        return "".join(out)

    return lambda data: scope(data.decode("utf-8")).encode("utf-8")


@transform
def es_module(imports: dict[str, str]) -> Callable[[bytes], bytes]:
    """A UMD build as an ES module whose default export is what it exports.

    The build's CommonJS branch is taken: `module`, `exports` and a `require` that
    answers only the packages in ``imports`` (npm name -> the vendored module that
    gives it) are defined around it, so it sets no global. Its source-map comment
    goes (the map is not vendored). A build that asks ``require`` for anything else,
    or has no UMD header, stops the script.
    """
    def wrap(data: bytes) -> bytes:
        source = data.decode("utf-8")
        if not source.startswith("!function(") or 'typeof exports' not in source[:300]:
            sys.exit("vendor.py: a Vega build is not the UMD bundle expected")
        asked = set(re.findall(r'require\("([^"]+)"\)', source))
        if asked != set(imports):
            sys.exit(f"vendor.py: a Vega build requires {sorted(asked)}, expected {sorted(imports)}")
        source = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", source)
        names = {name: "dep" + str(i) for i, name in enumerate(sorted(imports))}
        head = "".join(f'import {names[n]} from "{imports[n]}";\n' for n in sorted(imports))
        table = ", ".join(f'"{n}": {names[n]}' for n in sorted(imports))
        head += ("const module = { exports: {} }, exports = module.exports;\n"
                 f"const require = (name) => ({{ {table} }})[name];\n")
        return (head + source + "export default module.exports;\n").encode("utf-8")

    return wrap


@transform
def as_module(global_name: str) -> Callable[[bytes], bytes]:
    """A UMD bundle that sets ``self.<global_name>`` as an ES module exporting it."""
    def wrap(data: bytes) -> bytes:
        if not data.rstrip().endswith(b"}));"):
            sys.exit(f"vendor.py: the {global_name} bundle no longer ends as a UMD wrapper")
        return data.rstrip() + f"\nexport default self.{global_name};\n".encode()
    return wrap


@transform
def webpack_module(globals_: dict[str, str]) -> Callable[[bytes], bytes]:
    """A webpack UMD bundle (deck.gl's) as an ES module whose default export is what it exports.

    As ``es_module``: its CommonJS branch is taken, so it does not set itself as a global.
    A bundle that reaches another one through a global (``globalThis.deck``) is handed
    that one's vendored module instead, by name: ``globals_`` maps the global to it, and
    each must be read exactly once, as written.
    """
    def wrap(data: bytes) -> bytes:
        source = data.decode("utf-8")
        if not source.startswith("(function webpackUniversalModuleDefinition(root, factory) {"):
            sys.exit("vendor.py: a deck.gl build is not the webpack UMD bundle expected")
        head = ""
        for i, (name, module) in enumerate(sorted(globals_.items())):
            read = f"globalThis.{name}}})"
            if source.count(read) != 1:
                sys.exit(f"vendor.py: a deck.gl build reads globalThis.{name} {source.count(read)} times, expected once")
            source = source.replace(read, f"global{i}}})")
            head += f'import global{i} from "{module}";\n'
        source = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", source)
        head += "const module = { exports: {} }, exports = module.exports;\n"
        return (head + source + "\nexport default module.exports;\n").encode("utf-8")

    return wrap


@transform
def credits_as_licence(licence: str) -> Callable[[bytes], bytes]:
    """A package without a LICENSE file: its bundle's opening credits and the licence its
    package.json names, as the vendored LICENSE."""
    def take(data: bytes) -> bytes:
        m = re.match(rb"/\*!(.*?)\*/", data, re.S)
        if not m:
            sys.exit("vendor.py: the bundle no longer opens with its credits")
        return m.group(1).strip() + f"\n\nLicensed under the {licence} licence (the package's package.json).\n".encode()
    return take


@transform
def arrow_as_module(data: bytes) -> bytes:
    """Arrow's UMD bundle hands its exports to ``global.Arrow``, where ``global`` is the
    script's ``this``: undefined in a module. Given a holder object instead, it sets no global."""
    head = b"}(this, (function (exports) {"
    if data.count(head) != 1:
        sys.exit("vendor.py: the Arrow bundle no longer opens as a UMD wrapper")
    body = re.sub(rb"\n//# sourceMappingURL=\S+\s*$", b"\n", data.replace(head, b"}(holder, (function (exports) {"))
    return b"const holder = {};\n" + body + b"export default holder.Arrow;\n"


# -- The pins -----------------------------------------------------------------------------

KEYS = ("name", "version", "integrity", "files", "sources")  # and, if any, transforms


def load(path: Path = PINS_FILE) -> list[Package]:
    """The packages ``path`` pins, in its order."""
    packages = []
    for folder, table in tomllib.loads(path.read_text(encoding="utf-8")).items():
        if not set(KEYS) <= set(table) <= {*KEYS, "transforms"}:
            sys.exit(f"vendor.py: [{folder}] in {path.name} has {sorted(table)}; it takes {', '.join(KEYS)} and transforms")
        files = table["files"]
        sources: dict[str, str] = {}
        for rel, member in table["sources"].items():
            if rel.endswith("/"):  # a folder: each pinned file under it
                sources.update({name: member + name[len(rel):] for name in files if name.startswith(rel)})
            else:
                sources[rel] = member
        transforms = {rel: resolve_transform(f"{folder}/{rel}", spec) for rel, spec in table.get("transforms", {}).items()}
        packages.append(Package(name=table["name"], version=table["version"], integrity=table["integrity"],
                                folder=folder, files=files, sources=sources, transforms=transforms))
    return packages


def resolve_transform(where: str, spec: str | dict[str, Any]) -> Callable[[bytes], bytes]:
    """``"name"`` is the transform of that name; ``{ name = argument }``, the one it makes from the argument."""
    if isinstance(spec, str) and spec in TRANSFORMS:
        return TRANSFORMS[spec]
    if isinstance(spec, dict) and len(spec) == 1 and next(iter(spec)) in TRANSFORMS:
        ((name, argument),) = spec.items()
        return TRANSFORMS[name](argument)
    sys.exit(f"vendor.py: {where} names no transform of vendor.py: {spec!r}")


PACKAGES = load()
BY_FOLDER = {p.folder: p for p in PACKAGES}


# Files in the vendor folders the script does not own: each folder holding a vendored file
# is a Python package, or its files would not ship in the wheel.
KEEP = {"__init__.py"} | {str(PurePosixPath(p.folder, rel).parent / "__init__.py") for p in PACKAGES for rel in p.files}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pinned() -> dict[str, str]:
    """Every written file, relative to VENDOR_DIR -> its pinned sha256."""
    return {f"{p.folder}/{rel}": digest for p in PACKAGES for rel, digest in p.files.items()}


def fetch_tarball(package: Package) -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("vendor.py: npm is needed to fetch the tarballs")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "pack", f"{package.name}@{package.version}", "--pack-destination", tmp, "--silent"],
                       check=True, stdout=subprocess.DEVNULL)
        return (Path(tmp) / package.tarball).read_bytes()


def check_integrity(package: Package, data: bytes) -> None:
    algo, _, expected = package.integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        sys.exit(f"vendor.py: {package.tarball} integrity mismatch: got {algo}-{actual}")


def extract(package: Package, data: bytes) -> dict[str, bytes]:
    """The package's written files, relative to VENDOR_DIR."""
    out: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for rel, member in package.sources.items():
            f = tar.extractfile(member)
            if f is None:
                sys.exit(f"vendor.py: {member} is not a file in {package.tarball}")
            content = f.read()
            transform = package.transforms.get(rel)
            out[f"{package.folder}/{rel}"] = transform(content) if transform else content
    return out


def check(files: dict[str, bytes]) -> list[str]:
    """Problems with ``files`` (relative to VENDOR_DIR) against the pins (empty when all match)."""
    problems = []
    for rel, pin in pinned().items():
        if rel not in files:
            problems.append(f"{rel}: missing")
        elif sha256(files[rel]) != pin:
            problems.append(f"{rel}: sha256 {sha256(files[rel])} != pinned {pin or '(none)'}")
    return problems


def on_disk() -> dict[str, bytes]:
    return {rel: (VENDOR_DIR / rel).read_bytes() for rel in pinned() if (VENDOR_DIR / rel).is_file()}


def write(files: dict[str, bytes]) -> None:
    for package in PACKAGES:  # drop what an older version left behind
        for path in sorted(package.dir.rglob("*")):
            rel = path.relative_to(VENDOR_DIR).as_posix()
            if path.is_file() and rel not in files and rel not in KEEP and "__pycache__" not in rel:
                path.unlink()
    for rel, data in files.items():
        target = VENDOR_DIR / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    for rel in KEEP:
        init = VENDOR_DIR / rel
        if not init.is_file():
            init.write_text('"""Vendored browser files (package data; see scripts/vendor.py)."""\n', encoding="utf-8")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    unknown = sorted(set(argv) - {"--check", "--print-pins"})
    if unknown:
        print(f"vendor.py: unknown options {unknown} (see --help)", file=sys.stderr)
        return 2
    if "--check" in argv:
        problems = check(on_disk())
        summary = ", ".join(f"{p.name} {p.version}" for p in PACKAGES)
        print("\n".join(problems) or f"{summary}: {len(pinned())} files match their pins")
        return 1 if problems else 0
    files: dict[str, bytes] = {}
    for package in PACKAGES:
        data = fetch_tarball(package)
        check_integrity(package, data)
        files.update(extract(package, data))
    if "--print-pins" in argv:
        for package in PACKAGES:  # as vendor.toml's files tables
            print(f"[{package.folder}.files]")
            for rel in package.files:
                print(f'"{rel}" = "{sha256(files[package.folder + "/" + rel])}"')
            print()
        return 0
    problems = check(files)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    write(files)
    print(f"wrote {len(files)} files to {VENDOR_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
