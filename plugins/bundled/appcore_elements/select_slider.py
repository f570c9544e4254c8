"""st.select_slider: a slider over a list of options; the browser sends an index, or two for a range."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from appcore.plugin import MISSING, AppcoreAPIError, Args, Bind, Codec, Help, IndexCodec, Key, Kwargs, \
    LabelVisibility, OnChange, PersistState, WidthWithoutContent, input_widget

__all__ = ["select_slider"]
ELEMENT_TYPES = {"select_slider": "select_slider"}


def _is_range(value: Any) -> bool:
    return isinstance(value, (list, tuple))


class SelectSliderCodec(Codec):
    """One option, or with ``range`` a tuple of two in the options' order, sent as indices."""

    def __init__(self, options: IndexCodec, default: Any, range: bool):
        self.options = options  # what finds an option by value or label
        self.default = default
        self.range = range

    def parse(self, raw: Any) -> Any:
        if not self.range:
            return self.options.parse_item(raw)[1]
        if not isinstance(raw, list) or len(raw) != 2 or any(isinstance(i, str) for i in raw):
            raise ValueError("a range is sent as a list of two indices")
        start, end = (self.options.parse_item(i)[0] for i in raw)
        if start > end:
            raise ValueError("the start of a range is after its end")
        return self.options.options[start], self.options.options[end]

    def to_json(self, value: Any) -> Any:
        if self.range:
            return [self.options.item_to_json(v) for v in value]
        return self.options.item_to_json(value)

    def keep(self, stored: Any, by_user: bool) -> Any:
        if _is_range(stored) != self.range or (self.range and len(stored) != 2):
            raise ValueError(f"{stored!r} does not have this slider's shape")
        self.to_json(stored)  # an option no longer offered starts over
        return stored

    def query_many(self) -> bool:
        return self.range

    def query_item(self, text: str) -> Any:
        return self.options.query_item(text)

    def query_text(self, item: Any) -> str:
        return self.options.query_text(item)

    def returned(self, value: Any) -> Any:
        if self.range:
            return tuple(self.options.this_run(v) for v in value)
        return self.options.this_run(value)

    def props(self) -> dict[str, Any]:
        return {"options": self.options.labels, "range": self.range, "min": 0, "max": len(self.options.options) - 1,
                "step": 1, "data_type": "int"}


def _codec(found: IndexCodec, value: Any, stored: Any) -> SelectSliderCodec:
    opt = found.options
    if not opt:
        raise AppcoreAPIError("The `options` parameter is required. Provide at least one option.")

    def index(v: Any) -> int:
        for i, option in enumerate(opt):  # Streamlit's index_: equality, then numpy-style truthiness
            if option is v or option == v:
                return i
        raise ValueError(f"{v} is not in iterable")

    if _is_range(value):
        start, end = (index(v) for v in value)  # Streamlit's own unpacking error for three values
        indices = sorted((start, end))
        default: Any = (opt[indices[0]], opt[indices[1]])
    else:
        default = opt[0] if value is None else opt[index(value)]
    # A range kept in session_state stays a range, whatever `value` says (as Streamlit does).
    shape = _is_range(stored) if stored is not MISSING else _is_range(value)
    if shape != _is_range(default):
        default = (default, default) if shape else default[0]
    return SelectSliderCodec(found, default, shape)


def select_slider(label: str, options: Any = (), value: Any = None, format_func: Callable[[Any], Any] = str,
                  key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
                  kwargs: Kwargs = None, *, disabled: bool = False, label_visibility: LabelVisibility = "visible",
                  width: WidthWithoutContent = "stretch", bind: Bind = None, persist_state: PersistState = None) -> Any:
    """A slider over ``options``; a pair as ``value`` makes a range slider that returns a tuple."""
    found = IndexCodec(options, None, format_func)
    return input_widget("select_slider", locals(), lambda stored: _codec(found, value, stored),
                        id_parts={"options": found.labels, "value": repr(value)}).value
