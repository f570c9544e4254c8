"""The asset folders that packaged v2 components declare, as Streamlit reads them.

A package ships a ``pyproject.toml`` beside its code with::

    [[tool.streamlit.component.components]]
    name = "pagination"
    asset_dir = "pagination/frontend/build"

and registers ``st.components.v2.component("<project name>.pagination", js="index-*.js")``.
A ``js``/``css`` that looks like a path (Streamlit's rule: one line with a glob
character, a slash, or a .js/.mjs/.cjs/.css ending) names one file under that
``asset_dir``, which the component route then serves. The manifest is looked up
when a component names a file, by its project name, instead of scanning every
installed distribution at start-up as Streamlit does.
"""
from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from appcore.errors import StreamlitAPIException

if TYPE_CHECKING:
    from importlib.metadata import Distribution

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

log = logging.getLogger("appcore.components")

_GLOB = set("*?[]")
_ASSET_SUFFIXES = (".js", ".mjs", ".cjs", ".css")

# Component full name -> its asset folder, for the component route.
_asset_roots: dict[str, Path] = {}
_lock = threading.Lock()


def looks_like_path(value: str) -> bool:
    """Whether ``js``/``css`` names a file rather than holding the code itself (Streamlit's heuristic)."""
    text = value.strip()
    if "\n" in text or "\r" in text:
        return False
    return bool(_GLOB & set(text)) or "/" in text or "\\" in text or text.lower().endswith(_ASSET_SUFFIXES)


def asset_folder(name: str) -> Path | None:
    """The folder the component route serves for a v2 component, once it has named a file in it."""
    return _asset_roots.get(name)


def resolve_file(name: str, value: str, kind: str) -> str:
    """The path of ``value`` (a path or glob) relative to component ``name``'s ``asset_dir``."""
    root = _asset_root(name)
    if root is None:
        raise StreamlitAPIException(f"Component '{name}' must be declared in pyproject.toml with asset_dir "
                                    f"to use file-backed {kind}.")
    _refuse_traversal(value, kind)
    if _GLOB & set(value):
        matches = sorted(p for p in root.glob(value) if p.is_file() and _inside(p, root))
        if len(matches) != 1:
            found = ", ".join(p.relative_to(root).as_posix() for p in matches) or "no file"
            raise StreamlitAPIException(f"The {kind} pattern {value!r} of component '{name}' must match exactly "
                                        f"one file in its asset_dir {root}; it matched {found}.")
        path = matches[0]
    else:
        path = root / value
        if not path.is_file() or not _inside(path, root):
            raise StreamlitAPIException(f"The {kind} file {value!r} of component '{name}' is not a file in its "
                                        f"asset_dir {root}.")
    with _lock:
        _asset_roots[name] = root
    return path.resolve().relative_to(root).as_posix()


def _refuse_traversal(value: str, kind: str) -> None:
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or (len(value) > 1 and value[1] == ":"):
        raise StreamlitAPIException(f"Invalid {kind} path {value!r}: component paths are relative to the "
                                    "component's asset_dir and may not leave it.")


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def _asset_root(name: str) -> Path | None:
    project, _, component = name.partition(".")
    while component:
        manifest = _manifest(project)
        if manifest is not None:
            return _component_root(manifest, component)
        more, _, component = component.partition(".")
        project = f"{project}.{more}"
    return None


@lru_cache(maxsize=None)
def _manifest(project: str) -> tuple[Path, tuple[dict[str, Any], ...]] | None:
    """(package root, component entries) of an installed project's packaged pyproject.toml."""
    import importlib.metadata  # on a component's first use: importing it costs start-up 4 ms

    try:
        dist = importlib.metadata.distribution(project)
    except importlib.metadata.PackageNotFoundError:
        return None
    for pyproject in _pyproject_candidates(dist):
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            log.warning("Skipping %s: %s", pyproject, error)
            continue
        entries = data.get("tool", {}).get("streamlit", {}).get("component", {}).get("components")
        if isinstance(entries, list):
            return pyproject.parent.resolve(), tuple(e for e in entries if isinstance(e, dict))
    return None


def _pyproject_candidates(dist: Distribution) -> list[Path]:
    found = [Path(str(dist.locate_file(f))) for f in dist.files or () if f.name == "pyproject.toml"]
    # An editable install lists no package files: look beside the importable package.
    spec = importlib.util.find_spec(dist.metadata["Name"].replace("-", "_").replace(".", "_"))
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            found += [Path(folder) / "pyproject.toml", Path(folder).parent / "pyproject.toml"]
    return [p for p in found if p.is_file()]


def _component_root(manifest: tuple[Path, tuple[dict[str, Any], ...]], component: str) -> Path | None:
    package_root, entries = manifest
    for entry in entries:
        if entry.get("name") != component:
            continue
        asset_dir = entry.get("asset_dir")
        if not isinstance(asset_dir, str):
            return None
        _refuse_traversal(asset_dir, "asset_dir")
        root = (package_root / asset_dir).resolve()
        if not root.is_dir() or not root.is_relative_to(package_root):
            raise StreamlitAPIException(f"Declared asset_dir {asset_dir!r} for component '{component}' does not "
                                        f"exist or is not a directory under package root {package_root}.")
        return root
    return None
