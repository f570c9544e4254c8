"""Bundled plugin: ``st.secrets``, the app's secrets.toml, as Streamlit reads it.

Files, later ones winning key by key: ``~/.streamlit/secrets.toml``,
``~/.appcore/secrets.toml``, then beside the app ``.streamlit/secrets.toml`` and
``.appcore/secrets.toml``. Read on first use and again when a file changes.
Top-level string values are also set as environment variables, as Streamlit does.
"""
from __future__ import annotations

from typing import Any

from appcore.plugin import AppView, hookimpl

from .secrets import AttrDict, Secrets, secrets

__all__ = ["AttrDict", "Secrets", "secrets"]


@hookimpl
def appcore_register_api(app: AppView) -> dict[str, Any]:
    return {"secrets": Secrets(app.app_dir)}
