"""st.echo: a context manager that shows the code of its own block, then (or after) runs it."""
from __future__ import annotations

import ast
import linecache
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from appcore.plugin import api, AppcoreAPIError

__all__ = ["echo"]


def _block_source(filename: str, line: int) -> str:
    """The body of the ``with`` statement on ``line`` of ``filename``, dedented."""
    lines = linecache.getlines(filename)
    if not lines:
        raise OSError(f"cannot read {filename}")
    for node in ast.walk(ast.parse("".join(lines))):
        if isinstance(node, (ast.With, ast.AsyncWith)) and node.lineno == line and node.body:
            first = node.body[0]
            start = min([first.lineno, *(d.lineno for d in getattr(first, "decorator_list", []))])
            return textwrap.dedent("".join(lines[start - 1:node.end_lineno]))
    raise OSError(f"no `with` statement at line {line} of {filename}")


@contextmanager
def echo(code_location: Literal["above", "below"] = "above") -> Iterator[None]:
    """``with st.echo():`` shows the block's code above (or below) what the block draws."""
    if code_location not in ("above", "below"):
        raise AppcoreAPIError("Invalid `code_location` value. Supported values: 'above', 'below'.")
    placeholder = api("empty")() if code_location == "above" else None
    frame = sys._getframe(2)  # this generator <- contextlib's __enter__ <- the `with` line
    try:
        code: str | None = _block_source(frame.f_code.co_filename, frame.f_lineno)
        problem = None
    except (OSError, SyntaxError) as error:
        code, problem = None, f"Unable to display code. {error}"
    del frame
    yield  # the block runs even when its source could not be read
    show = placeholder if placeholder is not None else None
    if code is not None:
        (show.code if show is not None else api("code"))(code, "python")
    elif problem is not None:
        (show.warning if show is not None else api("warning"))(problem)
