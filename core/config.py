"""Configuration: `.appcore/config.toml` beside the app, env vars, CLI flags.

Precedence: CLI flag > ``APPCORE_<SECTION>_<KEY>`` env var > file > default.
A bad file names the key, the line and the reason.
"""
from __future__ import annotations

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


class ConfigError(Exception):
    pass


@dataclass
class ServerConfig:
    port: int = 8501
    address: str = "localhost"
    headless: bool = False
    run_on_save: bool = True
    max_message_mb: float = 200.0
    allowed_origins: list[str] = field(default_factory=list)
    base_url_path: str = ""
    session_grace_seconds: float = 120.0
    streamlit_alias: bool = True


@dataclass
class ThemeConfig:
    base: str = "light"
    primary_color: str = "#ff4b4b"


@dataclass
class PluginsConfig:
    disable: list[str] = field(default_factory=list)


@dataclass
class Config:
    server: ServerConfig = field(default_factory=ServerConfig)
    theme: ThemeConfig = field(default_factory=ThemeConfig)
    plugins: PluginsConfig = field(default_factory=PluginsConfig)
    source: str | None = None

    @classmethod
    def load(cls, app_dir: Path | None = None, env: dict[str, str] | None = None,
             overrides: dict[str, dict[str, Any]] | None = None) -> Config:
        config = cls()
        env = os.environ if env is None else env
        if app_dir is not None:
            path = app_dir / CONFIG_FILE
            if path.is_file():
                config.source = str(path)
                config._apply_file(path)
        for section in _SECTIONS:
            for f in fields(getattr(config, section)):
                name = f"APPCORE_{section.upper()}_{f.name.upper()}"
                if name in env:
                    config._set(section, f.name, _from_env(env[name], f.type), origin=f"env var {name}")
        for section, values in (overrides or {}).items():
            for key, value in values.items():
                if value is not None:
                    config._set(section, key, value, origin=f"--{key.replace('_', '-')}")
        return config

    def _apply_file(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: not valid TOML: {error}") from None
        for section, values in data.items():
            if section not in _SECTIONS:
                raise ConfigError(f"{path}, line {_line_of(text, None, section)}: unknown section "
                                  f"[{section}]; known: {', '.join(f'[{s}]' for s in _SECTIONS)}.")
            if not isinstance(values, dict):
                raise ConfigError(f"{path}: '{section}' must be a table ([{section}]).")
            for key, value in values.items():
                origin = f"{path}, line {_line_of(text, section, key)}"
                self._set(section, key, value, origin=origin)

    def _set(self, section: str, key: str, value: Any, origin: str) -> None:
        table = getattr(self, section)
        kinds = {f.name: f.type for f in fields(table)}
        if key not in kinds:
            raise ConfigError(f"{origin}: unknown key '{section}.{key}'; known: {', '.join(sorted(kinds))}.")
        setattr(table, key, _check(section, key, value, kinds[key], origin))


_SECTIONS = ("server", "theme", "plugins")


def _check(section: str, key: str, value: Any, kind: str, origin: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{origin}: '{section}.{key}' must be {expected}, got {value!r}.")

    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("a whole number")
        if key == "port" and not 0 <= value <= 65535:
            raise bad("a port number from 0 to 65535")
    elif kind == "float":
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
        if key == "primary_color" and not re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", value):
            raise bad('a hex colour such as "#ff4b4b"')
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
    if kind == "float":
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
