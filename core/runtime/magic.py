"""Magic, as in Streamlit: a bare expression on its own line is drawn with ``st.write``.

Function calls, docstrings, ``yield`` and ``await`` are left alone; a tuple
(``df,``) writes its items.
"""
from __future__ import annotations

import ast
from typing import Any

MAGIC_NAME = "__appcore_magic__"

_BODIES = ("body", "orelse", "finalbody")


def add_magic(tree: ast.Module) -> ast.Module:
    _rewrite(tree.body, docstring_allowed=True)
    return ast.fix_missing_locations(tree)


def _rewrite(body: list[ast.stmt], docstring_allowed: bool) -> None:
    for index, node in enumerate(body):
        if isinstance(node, ast.Expr):
            replacement = _magic_call(node, docstring=docstring_allowed and index == 0)
            if replacement is not None:
                body[index] = replacement
            continue
        function = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        if isinstance(node, ast.ClassDef):
            # A class body is not drawn, but its methods are, as in Streamlit.
            for member in node.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _rewrite(member.body, docstring_allowed=True)
            continue
        for field in _BODIES:
            inner = getattr(node, field, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                _rewrite(inner, docstring_allowed=function and field == "body")
        for handler in getattr(node, "handlers", []):
            _rewrite(handler.body, docstring_allowed=False)
        for case in getattr(node, "cases", []):
            _rewrite(case.body, docstring_allowed=False)


def _magic_call(node: ast.Expr, docstring: bool) -> ast.stmt | None:
    value = node.value
    if isinstance(value, (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)):
        return None
    if docstring and isinstance(value, ast.Constant) and isinstance(value.value, str):
        return None
    args = value.elts if isinstance(value, ast.Tuple) else [value]
    call = ast.Call(func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()), args=args, keywords=[])
    return ast.copy_location(ast.Expr(value=call), node)


def magic_write(*args: Any) -> None:
    """What a bare expression calls: ``st.write`` from whichever plugin provides it."""
    from .context import lookup_api

    lookup_api("write")(*args)
