"""``import streamlit`` served by appcore: an import hook for unmodified Streamlit apps.

On for ``appcore run`` and AppTest (``[server] streamlit_alias = false`` or
``--no-streamlit-alias`` turns it off). ``streamlit`` is ``appcore``, and
``streamlit.<sub>`` is ``appcore.<sub>`` (``streamlit.testing.v1``,
``streamlit.errors``, ``streamlit.runtime.scriptrunner``...), whether the real
Streamlit is installed or not. A submodule appcore lacks fails with a message
that says so.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

ALIASED = "streamlit"
TARGET = "appcore"


class StreamlitAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != ALIASED and not fullname.startswith(ALIASED + "."):
            return None
        real = TARGET + fullname[len(ALIASED):]
        if importlib.util.find_spec(real) is None:
            raise ModuleNotFoundError(
                f"No module named '{fullname}': appcore runs Streamlit apps by serving `import streamlit` "
                f"with appcore, and appcore has no '{real}' (no installed plugin provides it yet).",
                name=fullname,
            )
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(TARGET + spec.name[len(ALIASED):])

    def exec_module(self, module: ModuleType) -> None:
        pass  # the appcore module is already executed


def install() -> None:
    """Serve ``import streamlit`` with appcore in this process (idempotent)."""
    if not any(isinstance(finder, StreamlitAlias) for finder in sys.meta_path):
        sys.meta_path.insert(0, StreamlitAlias())
    # A real Streamlit imported earlier would shadow the alias.
    # list() copies the keys in one step: another thread may be importing meanwhile.
    for name in [n for n in list(sys.modules) if n == ALIASED or n.startswith(ALIASED + ".")]:
        if not getattr(sys.modules[name], "__name__", "").startswith(TARGET):
            del sys.modules[name]


def installed() -> bool:
    return any(isinstance(finder, StreamlitAlias) for finder in sys.meta_path)
