"""How AppTest reads a table: Streamlit 1.67's ``Dataframe`` node, ``.value`` the whole input frame."""
from __future__ import annotations

from typing import Any

from appcore.testing.element_tree import Dataframe as StreamlitDataframe
from appcore.testing.element_tree import Element

from ._frames import TABLES


def _frame(node: Any) -> Any:
    store = node._at.session.stash.get(TABLES)
    table = store.get(node.props.get("token", "")) if store is not None else None
    if table is None:
        raise LookupError("this table is no longer kept by the session")
    return table.frame


class Dataframe(StreamlitDataframe):
    """``st.dataframe`` and ``st.data_editor``: ``.value`` is the input as a pandas DataFrame
    (all of it, also when the page got it in windows), ``.editing_mode`` ``"read_only"`` or the
    editor's ``num_rows``."""

    @property
    def value(self) -> Any:
        return _frame(self)

    @property
    def editing_mode(self) -> str:
        return self.props.get("editing_mode", "read_only")


class Table(Element):
    """``st.table``: Streamlit 1.67's ``Table`` node, ``.value`` the input as a pandas DataFrame."""

    @property
    def value(self) -> Any:
        return _frame(self)
