"""st.multiselect: the browser sends the list of chosen indices (and, with
``accept_new_options``, the text of new items)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from numbers import Integral
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

from ._inputs import (
    base_props,
    check_common,
    check_comparable,
    check_filter_mode,
    default_indices,
    format_options,
    keyed_identity,
    option_index,
    reset,
    stored,
    to_options,
    type_error,
    value_error,
    wire_index,
)

__all__ = ["multiselect"]
ELEMENT_TYPES = {"multiselect": "multiselect"}

_SELECT_ALL_ALWAYS = -1
_DEFAULT_SELECT_ALL = 1000
_SELECT_ALL_MAX = 2**31 - 1


def multiselect(
    label: str,
    options: Any,
    default: Any | None = None,
    format_func: Callable[[Any], str] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    accept_new_options: bool = False,
    filter_mode: Literal["fuzzy", "contains", "prefix"] | None = "fuzzy",
    select_all: bool | int = _DEFAULT_SELECT_ALL,
    width: int | Literal["stretch"] = "stretch",
    wrap: bool | None = None,
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> list[Any]:
    """A list of options to pick several of; returns the chosen ones in the order they were picked."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    if max_selections is not None and (isinstance(max_selections, bool) or not isinstance(max_selections, Integral)
                                       or max_selections < 1):
        detail = ("To disable `st.multiselect`, use `disabled=True`."
                  if isinstance(max_selections, Integral) and max_selections == 0 else None)
        raise value_error("max_selections", ["a positive integer"], detail)
    opt = to_options(options)
    check_comparable(opt)
    labels = format_options(opt, format_func)
    defaults = default_indices(opt, default)
    if placeholder == "":
        placeholder = " "
    check_filter_mode(filter_mode, accept_new_options)
    select_all_threshold = _encode_select_all(select_all)
    keyed_identity("multiselect", key, {"max_selections": max_selections, "accept_new_options": accept_new_options})
    default_values = [opt[i] for i in defaults]

    present, current = stored(key)
    if present and current is not None:
        chosen = [current] if isinstance(current, (str, bytes)) or not isinstance(current, Iterable) else list(current)
        _check_max_selections(chosen, max_selections)
        if not accept_new_options:
            chosen = [v for v in chosen if option_index(opt, labels, v, format_func) is not None]
        if chosen != current:
            reset(key, chosen)
    else:
        _check_max_selections(default_values, max_selections)

    def parse(raw: Any) -> list[Any]:
        if not isinstance(raw, list):
            raise TypeError(f"the chosen options are sent as a list, got {type(raw).__name__}")
        if max_selections is not None and len(raw) > max_selections:
            raise ValueError(f"{len(raw)} options chosen, max_selections={max_selections}")
        chosen: list[Any] = []
        seen: set[Any] = set()
        for item in raw:
            if isinstance(item, str):
                if not accept_new_options:
                    raise TypeError("options are sent as indices; new options need accept_new_options=True")
                marker: Any = labels.index(item) if item in labels else ("new", item)
            else:
                marker = wire_index(item, len(opt))
            if marker in seen:
                raise ValueError(f"{item!r} is chosen twice")
            seen.add(marker)
            chosen.append(opt[marker] if isinstance(marker, int) else item)
        return chosen

    def to_json(values: Any) -> list[int | str]:
        wire: list[int | str] = []
        for value in values or []:
            found = option_index(opt, labels, value, format_func)
            if found is not None:
                wire.append(found)
            elif accept_new_options:
                wire.append(value if isinstance(value, str) else str(format_func(value)))
            else:
                raise ValueError(f"{value!r} is not one of the options")
        return wire

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(options=labels, max_selections=max_selections, placeholder=placeholder,
                 accept_new_options=bool(accept_new_options), filter_mode=filter_mode,
                 select_all=select_all_threshold, wrap=wrap)
    result = register_widget(
        "multiselect", props, key=key, default=default_values, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore",
        args=args, kwargs=kwargs,
        id_parts={"label": label, "options": labels, "default": defaults, "help": help,
                  "max_selections": max_selections, "placeholder": placeholder,
                  "accept_new_options": accept_new_options, "filter_mode": filter_mode,
                  "select_all": select_all_threshold, "width": width},
    ).value
    chosen = []
    for value in result or []:
        found = option_index(opt, labels, value, format_func)
        chosen.append(opt[found] if found is not None else value)
    return chosen


def _check_max_selections(selections: list[Any], max_selections: int | None) -> None:
    if max_selections is None or len(selections) <= max_selections:
        return
    count = len(selections)
    raise AppcoreAPIError(
        f"Multiselect has {count} {'option' if count == 1 else 'options'} selected but `max_selections` is set to "
        f"{max_selections}. This happened because you either gave too many options to `default` or you "
        "manipulated the widget's state through `st.session_state`. Note that the latter can happen before the "
        f"line indicated in the traceback. Please select at most {max_selections} "
        f"{'option' if max_selections == 1 else 'options'}."
    )


def _encode_select_all(select_all: Any) -> int:
    if isinstance(select_all, bool):
        return _SELECT_ALL_ALWAYS if select_all else 0
    if isinstance(select_all, int):
        if select_all < 0:
            raise value_error("select_all", ["True", "False", "a non-negative integer"],
                              "When using an int, `select_all` must be a non-negative integer.")
        return min(select_all, _SELECT_ALL_MAX)
    raise type_error("select_all", type(select_all).__name__, ["bool", "int"])
