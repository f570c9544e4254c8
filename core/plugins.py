"""Loading plugins: the `appcore` entry-point group into a per-App pluggy manager."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from . import hookspecs

if sys.version_info >= (3, 12):
    from importlib.metadata import entry_points
else:
    from importlib_metadata import entry_points

log = logging.getLogger("appcore.plugins")

ENTRY_POINT_GROUP = "appcore"


@dataclass
class PluginInfo:
    name: str
    # The distribution that installed it (importlib.metadata's), read only when its name or
    # version is asked for: parsing METADATA costs start-up a few milliseconds a distribution.
    # Or the (name, version) to show, for a plugin given directly.
    origin: Any
    module: Any = None
    error: str | None = None
    hooks: list[str] = field(default_factory=list)

    @property
    def distribution(self) -> str:
        return _distribution_label(self.origin)[0]

    @property
    def version(self) -> str:
        return _distribution_label(self.origin)[1]


def load_plugin_manager(
    disable: Iterable[str] = (),
    extra: Iterable[Any] = (),
    autoload: bool = True,
) -> tuple[pluggy.PluginManager, list[PluginInfo]]:
    """A fresh manager with every installed plugin but ``disable``, plus ``extra``.

    A plugin that fails to import is reported with its error and skipped;
    the rest load. ``extra`` are plugin objects (modules, instances) given
    directly, as tests do.
    """
    from . import defaults

    disabled = set(disable)
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    pm.register(defaults, name="appcore.defaults")
    infos: list[PluginInfo] = []
    if autoload:
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            info = PluginInfo(ep.name, getattr(ep, "dist", None) or ("?", "?"))
            infos.append(info)
            if ep.name in disabled:
                info.error = "disabled"  # never imported: a disabled plugin runs no code at all
                continue
            if pm.get_plugin(ep.name) is not None:
                continue
            try:
                info.module = ep.load()
                pm.register(info.module, name=ep.name)
            except Exception as error:  # a broken plugin must not take the app down
                info.error = f"{type(error).__name__}: {error}"
                log.error("plugin %r (%s) failed to load: %s", ep.name, info.distribution, info.error)
    for plugin in extra:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        if name in disabled:
            continue
        pm.register(plugin, name=name)
        infos.append(PluginInfo(name, ("(given)", ""), module=plugin))
    pm.check_pending()
    for info in infos:
        if info.module is not None:
            info.hooks = sorted(h.name for h in pm.get_hookcallers(info.module) or [])
            _warn_unmarked(pm, info)
    return pm, infos


def _warn_unmarked(pm: pluggy.PluginManager, info: PluginInfo) -> None:
    """pluggy registers only what ``@hookimpl`` marks: a function that merely has a hook's name
    would be ignored without a word, and its author left wondering why it never runs."""
    for name in dir(info.module):
        if name.startswith("appcore_") and callable(getattr(info.module, name, None)) \
                and pm.parse_hookimpl_opts(info.module, name) is None:
            log.warning("plugin %r: %s is not marked @hookimpl (from appcore.plugin import hookimpl), "
                        "so it is not a hook and never runs", info.name, name)


_LABELS: dict[Any, tuple[str, str]] = {}


def _distribution_label(origin: Any) -> tuple[str, str]:
    """A distribution's name and version. Its METADATA is parsed once: every bundled plugin is
    an entry point of the one ``appcore`` distribution."""
    if isinstance(origin, tuple):
        return origin
    where = getattr(origin, "_path", None) or id(origin)
    if where not in _LABELS:
        metadata = origin.metadata
        _LABELS[where] = (metadata["Name"], metadata["Version"])
    return _LABELS[where]
