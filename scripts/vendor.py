#!/usr/bin/env python3
"""Re-fetch the vendored browser libraries from the npm registry and check them.

    python scripts/vendor.py           # download, verify, (re)write frontend/vendor/
    python scripts/vendor.py --check   # no network: the files on disk match the pins

Each package's tarball is fetched with `npm pack` and must match the sha512
integrity pinned below (the registry's `dist.integrity`); each file written must
match its pinned sha256. Running it twice writes identical files. To upgrade a
package: change its version and integrity (`npm view <name>@<version>
dist.integrity`), run with --print-pins and paste the digests it prints into its
files.

What is vendored, and why (docs/plugins.md, "The browser half"):
- katex: st.latex, loaded on first use;
- htm with Preact in one ES module (htm/preact/standalone): the runtime renders
  every element with it and re-exports it from "appcore";
- preact: only its licence, since htm's standalone module bundles Preact 10;
- highlight.js (its ES build with the common languages), with a light and a dark
  theme each scoped to its `data-theme`: st.code, loaded on first use. Chosen for
  contrast on our code background: a11y-light (GitHub's light colours fall under
  4.5:1 on it) and GitHub Dark (a11y-dark's keywords barely differ from plain text);
- Material Symbols, the rounded style Streamlit uses, woff2 only: `:material/name:`
  icons in Markdown, labels and icon parameters. Its stylesheet is linked when the
  first icon is drawn, and the browser fetches the font only for text set in it;
- vega, vega-lite and vega-embed: the charts plugin (st.line_chart ... st.altair_chart),
  loaded on the first chart. Their UMD builds are wrapped as ES modules that hand
  each other their exports (no globals, no build step): vega-embed's build already
  bundles vega-themes, vega-tooltip and its other small dependencies;
- plotly.js (plotly.js-dist-min, the version the plotly Python package bundles): st.plotly_chart,
  loaded on first use. Its UMD bundle sets `self.Plotly`; one line appended makes it an ES
  module whose default export is that object, so it loads as every other library does;
- Viz.js (@viz-js/viz: Graphviz compiled to WebAssembly, inlined in one ES module):
  st.graphviz_chart draws DOT in the browser, loaded on first use;
- Apache Arrow (its ES2015 UMD build, handed a holder object so it sets no global): the
  dataframes inside a v2 component's `data` reach its module as Arrow tables, as under
  Streamlit; loaded only when such data arrives.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "frontend" / "vendor"


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


# -- KaTeX ----------------------------------------------------------------------------

KATEX_FILES = {
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
KATEX_FONTS = [rel[len("fonts/"):-len(".woff2")] for rel in KATEX_FILES if rel.startswith("fonts/")]


def strip_legacy_fonts(data: bytes) -> bytes:
    """Only the woff2 source of each @font-face: every browser we support takes it first."""
    css = data.decode("utf-8")
    css = re.sub(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    urls = set(re.findall(r"url\(([^)]*)\)", css))
    expected = {f"fonts/{name}.woff2" for name in KATEX_FONTS}
    if urls != expected:
        sys.exit(f"vendor.py: katex.min.css names fonts {sorted(urls ^ expected)} unexpectedly")
    return css.encode("utf-8")


KATEX = Package(
    name="katex", version="0.16.47",
    integrity="sha512-Eeo8Ys1doU1z+x8AZsPpQu+p/QcZBI5PeOo7QGQdy2x2m0MU/hYagBbGOmXwr5KVbEfVuWv9LpnQWeehogurjg==",
    folder="katex", files=KATEX_FILES,
    sources={"LICENSE": "package/LICENSE", "katex.mjs": "package/dist/katex.mjs",
             "katex.min.css": "package/dist/katex.min.css",
             **{f"fonts/{name}.woff2": f"package/dist/fonts/{name}.woff2" for name in KATEX_FONTS}},
    transforms={"katex.min.css": strip_legacy_fonts},
)

# -- htm + Preact ---------------------------------------------------------------------

HTM = Package(
    name="htm", version="3.1.1",
    integrity="sha512-983Vyg8NwUE7JkZ6NmOqpCZ+sh1bKv2iYTlUkzlWmA5JD2acKoxd4KVxbMmxX/85mtfdnDmTFoNKcg5DGAvxNQ==",
    folder="htm",
    files={
        "LICENSE": "740725f7252e750af735d0028cc534970772f513331e9f68150fede8fb3ce00f",
        "standalone.mjs": "72284e8e9079c87817145df1110f74e8a2aa040b2fc384922e18dfcb46fc1fd7",
    },
    sources={"LICENSE": "package/LICENSE", "standalone.mjs": "package/preact/standalone.mjs"},
)

PREACT = Package(
    name="preact", version="10.7.2",
    integrity="sha512-GLjn0I3r6ka+NvxJUppsVFqb4V0qDTEHT/QxHlidPuClGaxF/4AI2Qti4a0cv3XMh5n1+D3hLScW10LRIm5msQ==",
    folder="preact",
    files={"LICENSE": "1fe6958409c8c257a70c587a18b6f7f412b179b456630790d30b2ec9a8e4b7d4"},
    sources={"LICENSE": "package/LICENSE"},
)

# -- highlight.js ---------------------------------------------------------------------


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


HIGHLIGHT = Package(
    name="@highlightjs/cdn-assets", version="11.12.0",
    integrity="sha512-KvOKXODaiFmId9xaq3xc5xCL66wVLUuOngDbO9B/kewbFTqdGbn2nJxNhN3H5R1cgDTVj6R8vH0zgiNDEGjpDw==",
    folder="highlight",
    files={
        "LICENSE": "6c081431591d9df696c82dc598fe1423765b8a299b200ed00b281afd0f64c490",
        "highlight.min.mjs": "1ed8fc5256b738b8875b74e4d3f0754f60d6411fb034d618dfbc4e6e6c9999d7",
        "a11y-light.css": "111bac833d0d8fc0fafe31a21ac48940c646073e5ff04937d0745eb3624264a9",
        "github-dark.css": "e67e52911b1bbb56823f4f6cc460ebf7897cdae7c1b23677519dd793c91c52b8",
    },
    sources={"LICENSE": "package/LICENSE", "highlight.min.mjs": "package/es/highlight.min.js",
             "a11y-light.css": "package/styles/a11y-light.min.css", "github-dark.css": "package/styles/github-dark.min.css"},
    transforms={"a11y-light.css": scoped("light"), "github-dark.css": scoped("dark")},
)

# -- Material Symbols -----------------------------------------------------------------

MATERIAL = Package(
    name="@material-symbols/font-400", version="0.47.5",
    integrity="sha512-lB7FnJydPq+f5X254JTD/tdyLjtx8GmS/ieVKSAxNSgZNPasTE2xw52S/1x2XYE5eNEUa+lwjeyw17cpFOXGDw==",
    folder="material_symbols",
    files={
        "LICENSE": "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30",
        "material-symbols-rounded.woff2": "860ce734f05340a89acd60b07b13498daf545710828618d1983284abfa772b0e",
        "rounded.css": "b849130fc8089e8bccfa07751681a4a162ba01ef3e038fa6b8c3dd783d6de96d",
    },
    sources={"LICENSE": "package/LICENSE", "material-symbols-rounded.woff2": "package/material-symbols-rounded.woff2",
             "rounded.css": "package/rounded.css"},
)

# -- Vega ------------------------------------------------------------------------------


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


VEGA = Package(
    name="vega", version="6.4.0",
    integrity="sha512-rHXCq2LpEWCLMjXBEj7hocY9G0/i5TGYRayGGSj06VTF4+l2IG2Z7oeZKCjWbUh/7hTE/mVhbaOPB72wCElh6g==",
    folder="vega",
    files={"LICENSE": "63727832aaf62004a2b249c933e327f3c90caf49e41a72f4bf436edf632cbda8",
           "vega.mjs": "125e63d74c355388f5cd3f07f9a4d74a98d173817ba1f3921342699968629a6b"},
    sources={"LICENSE": "package/LICENSE", "vega.mjs": "package/build/vega.min.js"},
    transforms={"vega.mjs": es_module({})},
)

VEGA_LITE = Package(
    name="vega-lite", version="6.5.0",
    integrity="sha512-fMXF6s0MrIg0UTWnLIfeFtgSLzVhyzSKobzGrh5rhS+mL6FOYFG3m7ouJ4U23gj65EK+gl9FIIT5w7wLNaAzkA==",
    folder="vega_lite",
    files={"LICENSE": "f618900fd0d64046963b29f40590cdd1e341a2f41449f99110d82fd81fea808c",
           "vega-lite.mjs": "d604f308a02a0ff56e29f20630cb183bcb28acaba4439354439aaee2280adecb"},
    sources={"LICENSE": "package/LICENSE", "vega-lite.mjs": "package/build/vega-lite.min.js"},
    transforms={"vega-lite.mjs": es_module({"vega": "../vega/vega.mjs"})},
)

VEGA_EMBED = Package(
    name="vega-embed", version="7.3.0",
    integrity="sha512-wQ8s5GaSzqoKgmRfbRolgBrjE2CP7ZKHXqH7NijxMqPjpdWxSs4Dn8tvp9g0giQvh2cK+3p56sxjWWM0wNngGw==",
    folder="vega_embed",
    files={"LICENSE": "32df67148f0fc3db0eb9e263a7b75d07f1eb14c61955005a4a39c6918d10d137",
           "vega-embed.mjs": "f149fc20380a5f302594908a8c5ae95cd70ee3ff1202c0fce788b296f965534e"},
    sources={"LICENSE": "package/LICENSE", "vega-embed.mjs": "package/build/vega-embed.min.js"},
    transforms={"vega-embed.mjs": es_module({"vega": "../vega/vega.mjs", "vega-lite": "../vega_lite/vega-lite.mjs"})},
)

# -- plotly.js ------------------------------------------------------------------------


def as_module(global_name: str) -> Callable[[bytes], bytes]:
    """A UMD bundle that sets ``self.<global_name>`` as an ES module exporting it."""
    def wrap(data: bytes) -> bytes:
        if not data.rstrip().endswith(b"}));"):
            sys.exit(f"vendor.py: the {global_name} bundle no longer ends as a UMD wrapper")
        return data.rstrip() + f"\nexport default self.{global_name};\n".encode()
    return wrap


PLOTLY = Package(
    name="plotly.js-dist-min", version="4.1.1",
    integrity="sha512-4Jg6n9FKcn5WBuqHESZmueEBYOLjGlsz8ivzMCl03WCX+GAAOgIALvdONwIi54JDMq0tkxbu+vs5Yj7QSPQtgg==",
    folder="plotly",
    files={
        "LICENSE": "8c45d9eaf50c2f72dd9c7ab9ef440788ba58a3538484b5c51c1f17d5128752e7",
        "plotly.mjs": "70a4171c871ad6c47f8f44dbbee5419da5b5010a0903da20f614bc0212dbab6e",
    },
    sources={"LICENSE": "package/LICENSE", "plotly.mjs": "package/plotly.min.js"},
    transforms={"plotly.mjs": as_module("Plotly")},
)

# -- Viz.js ---------------------------------------------------------------------------

def credits_as_licence(licence: str) -> Callable[[bytes], bytes]:
    """A package without a LICENSE file: its bundle's opening credits and the licence its
    package.json names, as the vendored LICENSE."""
    def take(data: bytes) -> bytes:
        m = re.match(rb"/\*!(.*?)\*/", data, re.S)
        if not m:
            sys.exit("vendor.py: the bundle no longer opens with its credits")
        return m.group(1).strip() + f"\n\nLicensed under the {licence} licence (the package's package.json).\n".encode()
    return take


VIZ = Package(
    name="@viz-js/viz", version="3.31.0",
    integrity="sha512-r7zlQdRvcwvIpjHGgs+KNWHeE/P5/Dq7k8ZAKaMCbZqomxCBJV78gVuQYaHzFVca+kB0mX0fMW9UFevCOBG50A==",
    folder="viz",
    files={
        "LICENSE": "60ab0d19ce0f2bdc37c00386952d9b7eed9fb80896f59d4d56cb87eaca50eef9",
        "viz.mjs": "b9840ae5b70681356c207510db8820ac3f883607740616455d9c7c47d67ea646",
    },
    sources={"LICENSE": "package/dist/viz.js", "viz.mjs": "package/dist/viz.js"},
    transforms={"LICENSE": credits_as_licence("MIT")},
)

# -- Apache Arrow ---------------------------------------------------------------------

def arrow_as_module(data: bytes) -> bytes:
    """Arrow's UMD bundle hands its exports to ``global.Arrow``, where ``global`` is the
    script's ``this``: undefined in a module. Given a holder object instead, it sets no global."""
    head = b"}(this, (function (exports) {"
    if data.count(head) != 1:
        sys.exit("vendor.py: the Arrow bundle no longer opens as a UMD wrapper")
    body = re.sub(rb"\n//# sourceMappingURL=\S+\s*$", b"\n", data.replace(head, b"}(holder, (function (exports) {"))
    return b"const holder = {};\n" + body + b"export default holder.Arrow;\n"


ARROW = Package(
    name="apache-arrow", version="21.1.0",
    integrity="sha512-kQrYLxhC+NTVVZ4CCzGF6L/uPVOzJmD1T3XgbiUnP7oTeVFOFgEUu6IKNwCDkpFoBVqDKQivlX4RUFqqnWFlEA==",
    folder="arrow",
    files={
        "LICENSE": "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30",
        "NOTICE": "f4cdb3db59bdaccc1447eae829905cde61dfd7508dca5c4ebff98a998c036ae6",
        "arrow.mjs": "e946886dd2f0764675a0b97fe76afc32ca6fd63511ac31d2a17525f60b663165",
    },
    sources={"LICENSE": "package/LICENSE.txt", "NOTICE": "package/NOTICE.txt", "arrow.mjs": "package/Arrow.es2015.min.js"},
    transforms={"arrow.mjs": arrow_as_module},
)

PACKAGES = [KATEX, HTM, PREACT, HIGHLIGHT, MATERIAL, VEGA, VEGA_LITE, VEGA_EMBED, PLOTLY, VIZ, ARROW]

# Files in the vendor folders the script does not own (they make the folders Python packages).
KEEP = {"__init__.py", "katex/__init__.py", "katex/fonts/__init__.py", "htm/__init__.py",
        "preact/__init__.py", "highlight/__init__.py", "material_symbols/__init__.py", "vega/__init__.py",
        "vega_lite/__init__.py", "vega_embed/__init__.py", "plotly/__init__.py", "viz/__init__.py", "arrow/__init__.py"}


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
        for rel in pinned():
            print(f"{rel}  {sha256(files[rel])}")
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
