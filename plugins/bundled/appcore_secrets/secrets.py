"""``st.secrets``: a read-only mapping over the secrets.toml files, by item or attribute."""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from appcore.plugin import StreamlitSecretNotFoundError

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

_HELP = ("Did you forget to add it to secrets.toml, mount it to secret directory, or the app settings "
         "on Streamlit Cloud? More info: https://docs.streamlit.io/deploy/streamlit-community-cloud/"
         "deploy-your-app/secrets-management")


class AttrDict(Mapping[str, Any]):
    """A table of secrets: ``section["key"]`` and ``section.key``."""

    def __init__(self, values: Mapping[str, Any]):
        self.__dict__["_values"] = {k: AttrDict(v) if isinstance(v, Mapping) else v for k, v in values.items()}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_HELP}') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)  # Python's own protocols (copy, pickle, inspect) never read the files
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_HELP}') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise TypeError("Secrets does not support item assignment.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def to_dict(self) -> dict[str, Any]:
        return {k: v.to_dict() if isinstance(v, AttrDict) else v for k, v in self._values.items()}

    def __repr__(self) -> str:
        return repr(self.to_dict())


class Secrets(AttrDict):
    """The secrets of one app (``app_dir``), or of the current folder for ``python app.py``."""

    def __init__(self, app_dir: Path | None = None):
        self.__dict__.update(_app_dir=app_dir, _lock=threading.Lock(), _versions=None, _given=None)
        super().__init__({})

    def paths(self) -> list[Path]:
        folder = self._app_dir if self._app_dir is not None else Path.cwd()
        home = Path.home()
        return [home / ".streamlit" / "secrets.toml", home / ".appcore" / "secrets.toml",
                folder / ".streamlit" / "secrets.toml", folder / ".appcore" / "secrets.toml"]

    def use(self, values: Mapping[str, Any] | None) -> None:
        """Secrets given directly instead of the files (AppTest's ``at.secrets``); None goes back to the files."""
        with self._lock:
            self.__dict__["_given"] = None if values is None else dict(values)
            self.__dict__["_versions"] = None

    @property
    def _values(self) -> dict[str, Any]:  # type: ignore[override]
        with self._lock:
            self._reload()
            return self.__dict__["_loaded"]

    def _reload(self) -> None:
        if self._given is not None:
            if self._versions != "given":
                self.__dict__.update(_loaded=AttrDict(self._given)._values, _versions="given")
            return
        paths = self.paths()
        versions = tuple(_version(path) for path in paths)
        if versions == self._versions:
            return
        if not any(versions):
            raise StreamlitSecretNotFoundError(
                "No secrets found. Valid paths for a secrets.toml file or secret directories are: "
                + ", ".join(str(p) for p in paths))
        merged: dict[str, Any] = {}
        for path, version in zip(paths, versions):
            if version:
                merged.update(_read(path))
        for key, value in merged.items():
            if isinstance(value, str):
                os.environ[key] = value  # as Streamlit: top-level strings are environment variables too
        self.__dict__.update(_loaded=AttrDict(merged)._values, _versions=versions)


def _version(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise StreamlitSecretNotFoundError(f"{path} is not valid TOML: {error}") from None


# st.secrets outside an app run (plain `python app.py`): the current folder's files.
secrets = Secrets()
