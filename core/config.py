"""Configuration: `.appcore/config.toml` beside the app, env vars, CLI flags.

Precedence: CLI flag > ``APPCORE_<SECTION>_<KEY>`` env var >
``STREAMLIT_<SECTION>_<KEY>`` env var > ``.appcore/config.toml`` >
``.streamlit/config.toml`` > default. A bad appcore file names the key, the
line and the reason; of a Streamlit file, the keys in ``STREAMLIT_KEYS`` are
honoured and the rest are noted in the log (Streamlit has many more).
"""
from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

CONFIG_FILE = Path(".appcore") / "config.toml"
STREAMLIT_CONFIG_FILE = Path(".streamlit") / "config.toml"

# Streamlit's config keys appcore honours: (section, Streamlit's key) -> appcore's key.
STREAMLIT_KEYS = {
    ("theme", "base"): "base",
    ("theme", "primaryColor"): "primary_color",
    ("theme", "backgroundColor"): "background_color",
    ("theme", "secondaryBackgroundColor"): "secondary_background_color",
    ("theme", "textColor"): "text_color",
    ("theme", "font"): "font",
    ("server", "port"): "port",
    ("server", "address"): "address",
    ("server", "headless"): "headless",
    ("server", "runOnSave"): "run_on_save",
    ("server", "maxUploadSize"): "max_upload_mb",
    ("server", "maxMessageSize"): "max_message_mb",
    ("server", "baseUrlPath"): "base_url_path",
    ("client", "showSidebarNavigation"): "show_sidebar_navigation",
    ("client", "toolbarMode"): "toolbar_mode",
}

log = logging.getLogger("appcore.config")


class ConfigError(Exception):
    pass


@dataclass
class ServerConfig:
    port: int = 8501
    address: str = "localhost"
    headless: bool = False
    run_on_save: bool = True
    # What one websocket frame may carry: a widget's value, not a file (uploads go over HTTP).
    max_message_mb: float = 16.0
    allowed_origins: list[str] = field(default_factory=list)
    # Host names the server answers to (DNS rebinding); empty: loopback names when bound
    # to loopback, the bound address when bound to one, any host when bound to 0.0.0.0.
    allowed_hosts: list[str] = field(default_factory=list)
    # Sessions kept at once (connected or in their grace period), and sockets per client address.
    max_sessions: int = 1000
    max_connections_per_ip: int = 100
    # A socket that has not said hello by then is closed.
    hello_timeout_seconds: float = 5.0
    # Session count on /_appcore/health and /_appcore/plugins.json; off, health says only {"ok": true}.
    expose_details: bool = False
    base_url_path: str = ""
    session_grace_seconds: float = 120.0
    # SIGTERM drains: no new sessions, running scripts get this long to finish, then they are
    # stopped, every session is saved to the session store, and sockets close with 1001.
    drain_seconds: float = 5.0
    # What sessions whose tab went away may hold in all (their state, values and uploads,
    # estimated); past it the one that went away longest ago ends its grace period early.
    disconnected_sessions_mb: float = 1024.0
    streamlit_alias: bool = True
    max_upload_mb: float = 200.0
    # What one session's media (st.image, st.audio, ... from bytes) may hold in memory; a path is served from disk.
    max_media_mb: float = 200.0


@dataclass
class ThemeConfig:
    base: str = "light"
    primary_color: str = "#ff4b4b"
    # Unset: the base theme's own colours and font.
    background_color: str = ""
    secondary_background_color: str = ""
    text_color: str = ""
    font: str = ""

    def for_browser(self) -> dict[str, str]:
        """What the page needs: the base and every colour or font the config sets."""
        return {key: value for key, value in vars(self).items() if value}


@dataclass
class ClientConfig:
    # Read from .streamlit/config.toml and kept for the multipage and toolbar plugins.
    show_sidebar_navigation: bool = True
    toolbar_mode: str = "auto"


@dataclass
class RunnerConfig:
    # A run that takes longer is stopped, with a message in the page; unset: no limit.
    max_run_seconds: float | None = None


@dataclass
class PluginsConfig:
    disable: list[str] = field(default_factory=list)


@dataclass
class SessionStoreConfig:
    # Read by a session store plugin (appcore-redis): where sessions outlive their process.
    # Empty url: sessions live in this process only. ttl unset: [server] session_grace_seconds.
    url: str = ""
    ttl: float | None = None
    prefix: str = "appcore:session:"


@dataclass
class Config:
    server: ServerConfig = field(default_factory=ServerConfig)
    theme: ThemeConfig = field(default_factory=ThemeConfig)
    plugins: PluginsConfig = field(default_factory=PluginsConfig)
    client: ClientConfig = field(default_factory=ClientConfig)
    runner: RunnerConfig = field(default_factory=RunnerConfig)
    session_store: SessionStoreConfig = field(default_factory=SessionStoreConfig)
    source: str | None = None

    @classmethod
    def load(cls, app_dir: Path | None = None, env: dict[str, str] | None = None,
             overrides: dict[str, dict[str, Any]] | None = None,
             options: list[tuple[str, str]] | None = None) -> Config:
        """``options``: ``("server.port", "8080")`` pairs from ``--server.port 8080`` flags,
        named as in either config file; they win over everything but the named flags."""
        config = cls()
        env = os.environ if env is None else env
        if app_dir is not None:
            streamlit_path = app_dir / STREAMLIT_CONFIG_FILE
            if streamlit_path.is_file():
                config._apply_streamlit_file(streamlit_path)
            path = app_dir / CONFIG_FILE
            if path.is_file():
                config.source = str(path)
                config._apply_file(path)
        for (section, streamlit_key), key in STREAMLIT_KEYS.items():  # Streamlit's names, below appcore's
            name = f"STREAMLIT_{section.upper()}_{_snake(streamlit_key).upper()}"
            if name in env:
                kind = {f.name: f.type for f in fields(getattr(config, section))}[key]
                config._set(section, key, _from_env(env[name], kind), origin=f"env var {name}")
        for section in _SECTIONS:
            for f in fields(getattr(config, section)):
                name = f"APPCORE_{section.upper()}_{f.name.upper()}"
                if name in env:
                    config._set(section, f.name, _from_env(env[name], f.type), origin=f"env var {name}")
        for name, raw in options or ():
            config._set_option(name, raw)
        for section, values in (overrides or {}).items():
            for key, value in values.items():
                if value is not None:
                    config._set(section, key, value, origin=f"--{key.replace('_', '-')}")
        return config

    def _apply_file(self, path: Path) -> None:
        text, data = _read_toml(path)
        for section, values in data.items():
            if section not in _SECTIONS:
                raise ConfigError(f"{path}, line {_line_of(text, None, section)}: unknown section "
                                  f"[{section}]; known: {', '.join(f'[{s}]' for s in _SECTIONS)}.")
            if not isinstance(values, dict):
                raise ConfigError(f"{path}: '{section}' must be a table ([{section}]).")
            for key, value in values.items():
                origin = f"{path}, line {_line_of(text, section, key)}"
                self._set(section, key, value, origin=origin)

    def _apply_streamlit_file(self, path: Path) -> None:
        text, data = _read_toml(path)
        ignored = []
        for section, values in data.items():
            for key, value in (values.items() if isinstance(values, dict) else ()):
                ours = STREAMLIT_KEYS.get((section, key))
                if ours is None:
                    ignored.append(f"{section}.{key}")
                    continue
                self._set(section, ours, value, origin=f"{path}, line {_line_of(text, section, key)}")
        if ignored:
            log.info("%s: appcore does not use %s", path, ", ".join(ignored))

    def _set_option(self, name: str, raw: str) -> None:
        section, _, key = name.partition(".")
        key = STREAMLIT_KEYS.get((section, key), key)
        kinds = {f.name: f.type for f in fields(getattr(self, section))} if section in _SECTIONS else {}
        if key not in kinds:
            # Streamlit has many more options (--server.enableCORS ...): a command line written
            # for it still starts, and the log says what was not used.
            log.info("appcore does not use the option --%s", name)
            return
        self._set(section, key, _from_env(raw, kinds[key]), origin=f"--{name}")

    def _set(self, section: str, key: str, value: Any, origin: str) -> None:
        table = getattr(self, section)
        kinds = {f.name: f.type for f in fields(table)}
        if key not in kinds:
            raise ConfigError(f"{origin}: unknown key '{section}.{key}'; known: {', '.join(sorted(kinds))}.")
        setattr(table, key, _check(section, key, value, kinds[key], origin))


_SECTIONS = ("server", "theme", "plugins", "client", "runner", "session_store")


def _snake(name: str) -> str:
    """``maxUploadSize`` -> ``max_upload_size``: how Streamlit names its environment variables."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


_CSS_COLOR = re.compile(r"#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%]+\)|[a-zA-Z]+")


def _check(section: str, key: str, value: Any, kind: str, origin: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{origin}: '{section}.{key}' must be {expected}, got {value!r}.")

    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("a whole number")
        if key == "port" and not 0 <= value <= 65535:
            raise bad("a port number from 0 to 65535")
        if key.startswith("max_") and value < 1:
            raise bad("a whole number of at least 1")
    elif kind in ("float", "float | None"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise bad("a positive number")
        value = float(value)
    elif kind == "bool":
        if not isinstance(value, bool):
            raise bad("true or false")
    elif kind == "str":
        if not isinstance(value, str):
            raise bad("a string")
        if (section, key) == ("theme", "base") and value not in ("light", "dark"):
            raise bad('"light" or "dark"')
        if key.endswith("_color") and (value or key == "primary_color") and not _CSS_COLOR.fullmatch(value):
            raise bad('a colour such as "#0e1117", "rgb(14, 17, 23)" or "navy"')
        if key == "font" and value and not re.fullmatch(r"[\w ,'\"-]+", value):
            raise bad('a font such as "sans serif", "serif", "monospace" or a font family name')
        if key == "toolbar_mode" and value not in ("auto", "developer", "viewer", "minimal"):
            raise bad('"auto", "developer", "viewer" or "minimal"')
    elif kind == "list[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of strings")
    return value


def _from_env(raw: str, kind: str) -> Any:
    if kind == "int":
        try:
            return int(raw)
        except ValueError:
            return raw
    if kind in ("float", "float | None"):
        try:
            return float(raw)
        except ValueError:
            return raw
    if kind == "bool":
        return {"true": True, "1": True, "false": False, "0": False}.get(raw.lower(), raw)
    if kind == "list[str]":
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _line_of(text: str, section: str | None, key: str) -> int:
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([\w.-]+)\s*\]", stripped)
        if header:
            current = header.group(1)
            if section is None and current == key:
                return number
            continue
        if current == section and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return 0
