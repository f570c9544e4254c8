"""Selections of ``st.dataframe(on_select=...)``: Streamlit 1.67's modes, state object and rules.

Rows are positions in the input frame (also when the page shows it sorted or
searched), columns are names, cells are ``(row, column name)``. What the page
sends and what the script assigns to ``st.session_state[key]`` go through the
same check, which keeps the valid entries as Streamlit's does.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from appcore.plugin import (
    AppcoreAPIError,
    Codec,
    StreamlitIncompatibleParametersError,
    StreamlitValueError,
)

SELECTION_MODES = ("single-row", "single-row-required", "multi-row", "single-column", "multi-column",
                   "single-cell", "multi-cell")
ROW_MODES = {"single-row", "single-row-required", "multi-row"}
READ_ONLY = ("Widget state is read-only because modifying nested values has no effect on the app. For widget "
             "states that support programmatic updates (e.g. st.dataframe selections), assign a new dictionary "
             "to the Session State key instead, for example:\n"
             "    st.session_state['my_key'] = {'selection': {'rows': [0]}}")
BAD_STATE = ("Selection state must be a dictionary with a 'selection' key containing 'rows', 'columns', and "
             "'cells' arrays.")


class _ReadOnlyState(dict):
    """A dict with attribute access that refuses changes (Streamlit's ReadOnlyAttributeDictionary)."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{key}'") from None

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(READ_ONLY)

    __setattr__ = __setitem__ = __delitem__ = __delattr__ = _refuse
    update = setdefault = pop = popitem = clear = _refuse

    def __reduce__(self) -> Any:  # picklable for a session store, though its setters refuse
        return (type(self), (dict(self),))


class DataframeSelectionState(_ReadOnlyState):
    """``event.selection``: ``rows`` (positions), ``columns`` (names), ``cells`` ((row, name) tuples)."""


class DataframeState(_ReadOnlyState):
    """What ``st.dataframe(on_select=...)`` returns: ``event.selection.rows`` and the rest."""


def normalize_modes(selection_mode: str | Iterable[str]) -> set[str]:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= set(SELECTION_MODES):
        raise StreamlitValueError("selection_mode", [f"'{m}'" for m in sorted(SELECTION_MODES)])
    rows = sorted(modes & ROW_MODES)
    if len(rows) > 1:
        raise StreamlitIncompatibleParametersError(*(f"selection_mode='{m}'" for m in rows),
                                                   explanation="Only one row selection mode can be specified.")
    if {"single-column", "multi-column"} <= modes:
        raise StreamlitIncompatibleParametersError("selection_mode='single-column'", "selection_mode='multi-column'")
    if {"single-cell", "multi-cell"} <= modes:
        raise StreamlitIncompatibleParametersError("selection_mode='single-cell'", "selection_mode='multi-cell'")
    return modes


def state(rows: list[int], columns: list[str], cells: list[tuple[int, str]]) -> DataframeState:
    return DataframeState({"selection": DataframeSelectionState(
        {"rows": list(rows), "columns": list(columns), "cells": [tuple(c) for c in cells]})})


class SelectionCodec(Codec):
    """The selection as a widget value: the page sends ``{"selection": {rows, columns, cells}}``."""

    def __init__(self, modes: set[str], total: int, columns: list[str], default: Any = None):
        self.modes, self.total, self.columns = modes, total, set(columns)
        self.default = self.check(default) if default is not None else self.check(
            {"selection": {"rows": [], "columns": [], "cells": []}})

    def check(self, value: Any) -> DataframeState:
        """Streamlit's rules: keep the valid entries for the enabled modes, drop the rest."""
        if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
            raise AppcoreAPIError(BAD_STATE)
        selection, modes = value["selection"], self.modes
        rows: list[int] = []
        raw = selection.get("rows")
        if isinstance(raw, list) and modes & ROW_MODES:
            rows = list(dict.fromkeys(r for r in raw if type(r) is int and 0 <= r < self.total))
            rows = rows if "multi-row" in modes else rows[:1]
        if "single-row-required" in modes and self.total > 0 and not rows:
            rows = [0]
        columns: list[str] = []
        raw = selection.get("columns")
        if isinstance(raw, list) and modes & {"single-column", "multi-column"}:
            columns = list(dict.fromkeys(c for c in raw if isinstance(c, str) and c in self.columns))
            columns = columns if "multi-column" in modes else columns[:1]
        cells: list[tuple[int, str]] = []
        raw = selection.get("cells")
        if isinstance(raw, list) and modes & {"single-cell", "multi-cell"}:
            cells = list(dict.fromkeys(
                (c[0], c[1]) for c in raw if isinstance(c, (list, tuple)) and len(c) == 2 and type(c[0]) is int
                and 0 <= c[0] < self.total and isinstance(c[1], str) and c[1] in self.columns))
            cells = cells if "multi-cell" in modes else cells[:1]
        return state(rows, columns, cells)

    def parse(self, raw: Any) -> DataframeState:
        try:
            return self.check(raw)
        except AppcoreAPIError as error:
            raise ValueError(str(error)) from None

    def to_json(self, value: Any) -> Any:
        selection = value["selection"]
        return {"selection": {"rows": list(selection.get("rows", [])), "columns": list(selection.get("columns", [])),
                              "cells": [list(c) for c in selection.get("cells", [])]}}

    def keep(self, stored: Any, by_user: bool) -> Any:
        if by_user:
            return self.check(stored)  # the script's own assignment: a wrong shape is its error
        return self.parse(self.to_json(stored))

    def props(self) -> dict[str, Any]:
        return {"selection_mode": sorted(self.modes)}
