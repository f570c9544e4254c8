#!/usr/bin/env python3
"""Re-fetch the vendored browser libraries from the npm registry and check them.

    python scripts/vendor.py           # download, verify, (re)write frontend/vendor/
    python scripts/vendor.py --check   # no network: the files on disk match the pins

The tarball is fetched with `npm pack` and must match the sha512 integrity pinned
below (the registry's `dist.integrity`); each file written must match its pinned
sha256. Running it twice writes identical files. To upgrade: change VERSION and
INTEGRITY (`npm view katex@<version> dist.integrity`), run with --print-pins and
paste the digests it prints into FILES.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIR = ROOT / "frontend" / "vendor" / "katex"

VERSION = "0.16.47"
INTEGRITY = "sha512-Eeo8Ys1doU1z+x8AZsPpQu+p/QcZBI5PeOo7QGQdy2x2m0MU/hYagBbGOmXwr5KVbEfVuWv9LpnQWeehogurjg=="

# Written file (relative to frontend/vendor/katex/) -> sha256 of what is written.
FILES = {
    "LICENSE": "766ccc1f306c885aa45542a9846bbd0a505b27a0374f146778171c2254ce18e3",
    "katex.mjs": "09a78a9812d1e7d3ace85033512e6a450127b9554ef281b4b6567408694c6e36",
    "katex.min.css": "c9eac1c75c95f7dcbb6db0210cf0a49a150d07aaf599292e5f9ca099c596a119",
    "fonts/KaTeX_AMS-Regular.woff2": "0cdd387c9590a1a9f9794560022dbb59654a7d86f187aa0c81495ad42d3a7308",
    "fonts/KaTeX_Caligraphic-Bold.woff2": "de7701e42cf1f4cf0b766c03fb27977207eee2f4fd5d76fa82188406da43ea4c",
    "fonts/KaTeX_Caligraphic-Regular.woff2": "5d53e70ad607c2352162dec9e0923fb54ecdafaccbf604cd8dcf7d00facb989b",
    "fonts/KaTeX_Fraktur-Bold.woff2": "74444efd593c005e3f4573b44524704c0af0a937fe911cca9e94068d0d140d3f",
    "fonts/KaTeX_Fraktur-Regular.woff2": "51814d270d06ff0255dba0799994fa4d8c84d11f09951d47595f4abb1f3602dc",
    "fonts/KaTeX_Main-Bold.woff2": "0f60d1b897938ec918c8ce073092411baf9438f6739465693ff18b0f9d20b021",
    "fonts/KaTeX_Main-BoldItalic.woff2": "99cd42a3c072d918f2f44984a807cf7aa16e13545fd0875fc07c6c65f99e715b",
    "fonts/KaTeX_Main-Italic.woff2": "97479ca6cce906abc961ecac96faa5f9ca2e61b8e7670d475826bcdee9a7c267",
    "fonts/KaTeX_Main-Regular.woff2": "c2342cd8b869e01752a9321dc17213fc40d4d04c79688c1d43f2cf316abd7866",
    "fonts/KaTeX_Math-BoldItalic.woff2": "dc47344dbb6cb5b655c8460d561f4df5f501b90c804ad3c6cec65fe322351ab1",
    "fonts/KaTeX_Math-Italic.woff2": "7af58c5ec8f132a2ddde9027c6d7814decce4d3b822a11192a42a20e2e973264",
    "fonts/KaTeX_SansSerif-Bold.woff2": "e99ae51144bf1232efcc1bfe5add36262c6866b0faab24fa75740e1b98577a62",
    "fonts/KaTeX_SansSerif-Italic.woff2": "00b26ac825e2095056396e0553b8ac26d3f8ad158c3826e28b4c45b385c4714a",
    "fonts/KaTeX_SansSerif-Regular.woff2": "68e8c73ef42afd3ccec58bf0fba302cce448938e7fc020a5e31f8a952eee1342",
    "fonts/KaTeX_Script-Regular.woff2": "036d4e95149b69ff9bcc0cd55771efeb25ffa3947293e69acd78d5ac328c684b",
    "fonts/KaTeX_Size1-Regular.woff2": "6b47c40166b6dbe21a5dfca7718413f2147fd2399be1ba605d8ad39cedf25dfe",
    "fonts/KaTeX_Size2-Regular.woff2": "d04c54219f9eaec6d4d4fd42dfb28785975a4794d6b2fc71e566b9cd6db842dd",
    "fonts/KaTeX_Size3-Regular.woff2": "73d591271b1604960cb10bb90fee021670af7297017e0e98480b332d11f51995",
    "fonts/KaTeX_Size4-Regular.woff2": "a4af7d414440a1c1790825cfb700cf9cf43b0f2c4b04f0ebc523011ad9853ec0",
    "fonts/KaTeX_Typewriter-Regular.woff2": "71d517d67827787cfabdf186914cc3358eda539e37931941f2b2fd4a21f68c0b",
}
FONTS = [rel[len("fonts/"):-len(".woff2")] for rel in FILES if rel.startswith("fonts/")]

# Where each written file comes from in the tarball.
SOURCES = {"LICENSE": "package/LICENSE", "katex.mjs": "package/dist/katex.mjs",
           "katex.min.css": "package/dist/katex.min.css"}
SOURCES.update({f"fonts/{name}.woff2": f"package/dist/fonts/{name}.woff2" for name in FONTS})

# Files in KATEX_DIR the script does not own (they make the folders Python packages).
KEEP = {"__init__.py", "fonts/__init__.py"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_tarball() -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("vendor.py: npm is needed to fetch the tarball")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "pack", f"katex@{VERSION}", "--pack-destination", tmp, "--silent"],
                       check=True, stdout=subprocess.DEVNULL)
        return (Path(tmp) / f"katex-{VERSION}.tgz").read_bytes()


def check_integrity(data: bytes) -> None:
    algo, _, expected = INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        sys.exit(f"vendor.py: katex-{VERSION}.tgz integrity mismatch: got {algo}-{actual}")


def fetch_tarball_checked() -> bytes:
    data = fetch_tarball()
    check_integrity(data)
    return data


def strip_legacy_fonts(css: str) -> str:
    """Only the woff2 source of each @font-face: every browser we support takes it first."""
    css = re.sub(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    urls = set(re.findall(r"url\(([^)]*)\)", css))
    expected = {f"fonts/{name}.woff2" for name in FONTS}
    if urls != expected:
        sys.exit(f"vendor.py: katex.min.css names fonts {sorted(urls ^ expected)} unexpectedly")
    return css


def extract(data: bytes) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for rel, member in SOURCES.items():
            f = tar.extractfile(member)
            if f is None:
                sys.exit(f"vendor.py: {member} is not a file in the tarball")
            out[rel] = f.read()
    out["katex.min.css"] = strip_legacy_fonts(out["katex.min.css"].decode("utf-8")).encode("utf-8")
    return out


def check(files: dict[str, bytes]) -> list[str]:
    """Problems with ``files`` against the pins (empty when all match)."""
    problems = []
    for rel, pin in FILES.items():
        if rel not in files:
            problems.append(f"{rel}: missing")
        elif sha256(files[rel]) != pin:
            problems.append(f"{rel}: sha256 {sha256(files[rel])} != pinned {pin or '(none)'}")
    return problems


def on_disk() -> dict[str, bytes]:
    return {rel: (KATEX_DIR / rel).read_bytes() for rel in FILES if (KATEX_DIR / rel).is_file()}


def write(files: dict[str, bytes]) -> None:
    (KATEX_DIR / "fonts").mkdir(parents=True, exist_ok=True)
    for path in sorted(KATEX_DIR.rglob("*")):  # drop what an older version left behind
        rel = path.relative_to(KATEX_DIR).as_posix()
        if path.is_file() and rel not in files and rel not in KEEP:
            path.unlink()
    for rel, data in files.items():
        target = KATEX_DIR / rel
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = check(on_disk())
        print("\n".join(problems) or f"katex {VERSION}: {len(FILES)} files match their pins")
        return 1 if problems else 0
    files = extract(fetch_tarball_checked())
    if "--print-pins" in argv:
        for rel in FILES:
            print(f"{rel}  {sha256(files[rel])}")
        return 0
    problems = check(files)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    write(files)
    print(f"katex {VERSION}: wrote {len(files)} files to {KATEX_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
