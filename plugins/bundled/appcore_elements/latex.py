"""st.latex: a display-mode formula (typeset in the browser by the vendored KaTeX)."""
from __future__ import annotations

from typing import Any

from appcore.plugin import Container, add_element, check_width

from ._display import clean_text, help_html

__all__ = ["latex"]
ELEMENT_TYPES = {"latex": "latex"}


def is_sympy_expression(obj: Any) -> bool:
    module = type(obj).__module__ or ""
    if not module.startswith("sympy"):
        return False
    try:
        import sympy
    except ImportError:
        return False
    return isinstance(obj, sympy.Expr)


def latex(body: Any, *, help: str | None = None, width: str | int = "stretch") -> Container:
    """A display-mode formula from LaTeX source (or a SymPy expression)."""
    if is_sympy_expression(body):
        import sympy

        body = sympy.latex(body)
    help = None if help is None else clean_text(help)
    return add_element("latex", {"body": clean_text(body), "help": help, "help_html": help_html(help),
                                 "width": check_width(width, allow_content=True)})
