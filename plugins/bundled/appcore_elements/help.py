"""st.help: an object's name, type, signature, docstring and members."""
from __future__ import annotations

import ast
import inspect
import linecache
import re
import sys
import types
from typing import Any

import appcore  # st.help() with no argument describes the appcore module, as Streamlit's does its own
from appcore.plugin import Container, add_element, check_width

__all__ = ["help"]
ELEMENT_TYPES = {"help": "help"}
TEST_TYPES = {"help": "help_info"}  # Streamlit's AppTest node type

_MEM_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")


def is_mem_address_str(text: str) -> bool:
    return bool(_MEM_ADDRESS.match(text))


def _type_name(obj: Any) -> str:
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _docstring(obj: Any) -> str | None:
    doc = inspect.getdoc(obj)
    # An instance without its own docstring shows its type's, as Streamlit does.
    if doc is None and type(obj) not in (type, types.ModuleType) and not inspect.isfunction(obj) \
            and not inspect.ismethod(obj):
        doc = inspect.getdoc(type(obj))
    return doc.strip() if doc else None


def _shorten(text: str, length: int = 300) -> str:
    text = text.strip()
    return text[:length] + "..." if len(text) > length else text


def _readable_value(value: Any) -> str | None:
    if inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    try:
        text = repr(value)
    except Exception:  # a member whose repr fails (st.secrets with no secrets file) is listed without value
        return None
    if not isinstance(value, str) and is_mem_address_str(text):
        return None
    return _shorten(text)


def _signature(obj: Any) -> str | None:
    if not inspect.isclass(obj) and not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return None


def _value(obj: Any, var_name: str | None) -> str | None:
    readable = _readable_value(obj)
    if readable is not None:
        return readable
    named = obj if (getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)) else type(obj)
    name = getattr(named, "__qualname__", None) or getattr(named, "__name__", None)
    if not name:
        return None
    module = getattr(named, "__module__", None)
    text = f"{module}.{name}{_signature(named) or ''}" if module else f"{name}{_signature(named) or ''}"
    return None if text == var_name else text


def _members(obj: Any) -> list[dict[str, Any]]:
    found = []
    for name in dir(obj):
        if name.startswith("_"):
            continue
        try:
            if any(isinstance(getattr(cls, name, None), property) or inspect.isgetsetdescriptor(getattr(cls, name, None))
                   for cls in inspect.getmro(type(obj))):
                weight, kind, doc, value = 0, "property", _docstring(getattr(type(obj), name)), None
            else:
                attr = getattr(obj, name)
                weight = 3 if inspect.ismodule(attr) else 2 if inspect.isclass(attr) else 1 if callable(attr) else 0
                kind = _type_name(attr)
                value = _readable_value(attr)
                doc = _docstring(attr) if value is None else None
        except AttributeError:
            continue
        if kind == "module":
            continue
        found.append((weight, name, {"name": name, "type": kind, "value": value,
                                     "doc": doc.partition("\n")[0] if doc else None}))
    return [member for _, _, member in sorted(found, key=lambda m: (m[0], m[1]))]


def _variable_name() -> str | None:
    """The expression the script passed, read from its source line: ``st.help(df)`` names ``df``."""
    frame = sys._getframe(2)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith(("appcore", "appcore_")):
        frame = frame.f_back
    if frame is None:
        return None
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
    try:
        tree = ast.parse(line)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)) and node.args:
            called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if called not in ("help", "write") or len(node.args) > 1:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.NamedExpr):
                return arg.target.id
            if isinstance(arg, ast.Constant):
                return None
            return ast.unparse(arg)
    return None


def help_props(obj: Any, var_name: str | None) -> dict[str, Any]:
    return {"name": var_name, "type": _type_name(obj), "doc": _docstring(obj), "value": _value(obj, var_name),
            "members": _members(obj)}


def help(obj: Any = appcore, *, width: str | int = "stretch") -> Container:
    """Show what ``obj`` is: its type, signature, docstring and public members."""
    props = help_props(obj, _variable_name())
    props["width"] = check_width(width)
    return add_element("help", props)
