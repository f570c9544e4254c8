"""st.write: draws each argument with the element that suits its type."""
from __future__ import annotations

from typing import Any

from appcore import __getattr__ as _st

__all__ = ["write"]


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    text_run: list[str] = []

    def flush_text() -> None:
        if text_run:
            _st("markdown")(" ".join(text_run), unsafe_allow_html=unsafe_allow_html)
            text_run.clear()

    for arg in args:
        if isinstance(arg, str):
            text_run.append(arg)
            continue
        flush_text()
        if isinstance(arg, BaseException):
            _st("exception")(arg)
        else:
            _st("markdown")(f"`{arg!r}`")
    flush_text()
