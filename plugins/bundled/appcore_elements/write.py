"""st.write: draws each argument with the element that suits its type, as Streamlit does."""
from __future__ import annotations

import dataclasses
import inspect
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from io import StringIO
from typing import Any

from appcore.plugin import api, AppcoreAPIError, Container, current_run, is_dataframe_like

from .help import is_mem_address_str
from .json import is_namedtuple, is_pydantic_model
from .latex import is_sympy_expression

__all__ = ["write"]

_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType,
               types.ModuleType)
_JSON_TYPES = (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList, ItemsView,
               KeysView, ValuesView)


def _longest_run(text: str, char: str) -> int:
    longest = current = 0
    for c in text:
        current = current + 1 if c == char else 0
        longest = max(longest, current)
    return longest


def _as_code(text: str) -> str:
    """Wrap in enough backticks that the text's own backticks stay literal."""
    if "\n" in text:
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    ticks = "`" * (_longest_run(text, "`") + 1)
    return f"{ticks}{text}{ticks}"


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write each argument in the way that suits it: text as Markdown, a dict as JSON,
    a DataFrame as a table, an exception with its traceback, a function with its help."""
    markdown = api("markdown")
    if len(args) == 1 and isinstance(args[0], str):
        markdown(args[0], unsafe_allow_html=unsafe_allow_html)
        return
    if len(args) > 1 and current_run().target().slot:
        raise AppcoreAPIError(
            "Cannot replace a single element with multiple elements.\n\nThe `write()` method only supports "
            "multiple elements when inserting elements rather than replacing. That is, only when called as "
            "`st.write()` or `st.sidebar.write()`.")

    text_run: list[str] = []

    def flush_text() -> None:
        if text_run:
            markdown(" ".join(text_run), unsafe_allow_html=unsafe_allow_html)
            text_run.clear()

    for arg in args:
        if isinstance(arg, str):
            text_run.append(arg)
            continue
        if isinstance(arg, Exception):
            flush_text()
            api("exception")(arg)
        elif isinstance(arg, Container):
            flush_text()
            api("help")(arg)
        elif is_dataframe_like(arg):
            flush_text()
            api("dataframe")(arg)
        elif is_sympy_expression(arg):
            flush_text()
            api("latex")(arg)
        elif isinstance(arg, _JSON_TYPES) or is_namedtuple(arg) or is_pydantic_model(arg):
            flush_text()
            api("json")(arg)
        elif isinstance(arg, StringIO):
            flush_text()
            markdown(arg.getvalue())
        elif inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg) or inspect.isasyncgen(arg) \
                or inspect.isasyncgenfunction(arg):
            flush_text()
            api("write_stream")(arg)  # as Streamlit's st.write does
        elif isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
            flush_text()
            api("help")(arg)
        elif unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
            flush_text()
            markdown(arg._repr_html_(), unsafe_allow_html=True)
        elif callable(getattr(arg, "to_pandas", None)) or callable(getattr(arg, "__dataframe__", None)):
            flush_text()
            api("dataframe")(arg)
        else:
            text = str(arg)
            if is_mem_address_str(text):
                flush_text()
                api("help")(arg)
            else:
                text_run.append(_as_code(text))
    flush_text()
