"""What the input widgets share (not an element: no API names).

Streamlit's argument checks and error messages, its handling of ``options``,
and keeping a keyed widget's stored value valid when its definition changes.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from enum import EnumMeta
from typing import Any

from appcore.plugin import AppcoreAPIError, StashKey, current_run

log = logging.getLogger("appcore.elements")

ON_CHANGE_MODES = ("rerun", "ignore")
MAX_SAFE_INTEGER = (1 << 53) - 1
MAX_FLOAT = 1.7976931348623157e308
_IDENTITY = StashKey[dict[str, tuple[str, str]]]("keyed widgets' identities")


# -- argument checks, with Streamlit's messages ---------------------------------------

def value_error(parameter: str, valid: Iterable[str], detail: str | None = None) -> AppcoreAPIError:
    message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid)}."
    return AppcoreAPIError(f"{message} {detail}" if detail else message)


def type_error(parameter: str, provided: str, expected: Iterable[str], detail: str | None = None) -> AppcoreAPIError:
    message = (f"Invalid `{parameter}` type. Expected one of: {', '.join(expected)}. "
               f"Provided type: {provided}.")
    return AppcoreAPIError(f"{message} {detail}" if detail else message)


def out_of_range(parameter: str, value: Any, low: Any, high: Any) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `{parameter}` parameter, set to {value}, is outside the required range "
                           f"[{low}, {high}].")


def below_min(value: Any, min_value: Any) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `value` {value} is less than the `min_value` {min_value}.")


def above_max(value: Any, max_value: Any) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `value` {value} is greater than the `max_value` {max_value}.")


def min_max_error(min_value: Any, max_value: Any) -> AppcoreAPIError:
    if min_value == max_value:
        return AppcoreAPIError(f"The `min_value` and `max_value` parameters are both set to {min_value}. "
                               "They must not be equal.")
    return AppcoreAPIError(f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
                           f"set to {max_value}.")


def check_on_change(on_change: Any) -> Callable[..., Any] | None:
    """The callback to register: a mode string ("rerun", "ignore") registers none."""
    if on_change is None or callable(on_change):
        return on_change
    if isinstance(on_change, str) and on_change in ON_CHANGE_MODES:
        return None
    raise value_error("on_change", [*(repr(m) for m in ON_CHANGE_MODES), "a callback function"])


def check_label(label: Any, label_visibility: Any) -> str:
    text = "" if label is None else str(label)
    if not text:
        log.warning("`label` got an empty value. This is discouraged for accessibility reasons and may be "
                    "disallowed in the future by raising an exception. Please provide a non-empty label and "
                    "hide it with label_visibility if needed.")
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise value_error("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])
    return text


def _check_size(name: str, value: Any, allow_content: bool) -> None:
    words = ["stretch", "content"] if allow_content else ["stretch"]
    if isinstance(value, str) and value in words:
        return
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return
    valid = ("a positive integer (pixels), 'stretch', or 'content'" if allow_content
             else "a positive integer (pixels) or 'stretch'")
    raise AppcoreAPIError(f"Invalid {name} value: {value!r}. {name.capitalize()} must be either {valid}.")


def check_width(width: Any, *, allow_content: bool = False) -> None:
    _check_size("width", width, allow_content)


def check_height(height: Any) -> None:
    _check_size("height", height, allow_content=True)


def check_bind_and_persist(bind: Any, persist_state: Any, key: str | None) -> None:
    if bind is not None and bind != "query-params":
        raise value_error("bind", ["'query-params'", "None"])
    if bind == "query-params" and key is None:
        raise AppcoreAPIError("The `key` parameter is required. When using bind='query-params', the widget must "
                              "have a unique 'key' parameter specified. This 'key' will be used as the name of "
                              "the query parameter.")
    if persist_state is not None:
        if persist_state not in ("page", "session"):
            raise value_error("persist_state", ["'page'", "'session'", "None"])
        if key is None:
            raise AppcoreAPIError("The `key` parameter is required. When using persist_state, the widget must "
                                  "have a unique 'key' parameter specified so its value can be preserved across "
                                  "reruns and page switches.")


def check_common(key: Any, on_change: Any, label: Any, label_visibility: Any, width: Any, bind: Any,
                 persist_state: Any, *, allow_content: bool = False) -> tuple[str | None, Callable[..., Any] | None, str]:
    """The checks every input widget starts with: ``(key, callback, label)``."""
    key = to_key(key)
    callback = check_on_change(on_change)
    label = check_label(label, label_visibility)
    check_width(width, allow_content=allow_content)
    check_bind_and_persist(bind, persist_state, key)
    return key, callback, label


def to_key(key: Any) -> str | None:
    return None if key is None else str(key)


def base_props(label: str, help: Any, disabled: bool, label_visibility: str, width: Any,
               on_change: Any) -> dict[str, Any]:
    return {"label": label, "help": None if help is None else str(help), "disabled": bool(disabled),
            "label_visibility": label_visibility, "width": width,
            "on_change": "ignore" if on_change == "ignore" else "rerun"}


# -- the stored value -------------------------------------------------------------------

def _state() -> Any:
    return current_run().session.state


def stored(key: str | None) -> tuple[bool, Any]:
    """``(True, value)`` when a keyed widget already has a value in session_state."""
    if key is None:
        return False, None
    values = _state().values
    return (True, values[key]) if key in values else (False, None)


def set_by_user(key: str | None) -> bool:
    """The script or a callback assigned ``st.session_state[key]`` in this run."""
    return key is not None and key in _state().user_set_keys


def reset(key: str | None, value: Any) -> None:
    if key is not None:
        _state().values[key] = value


def keyed_identity(type: str, key: str | None, identity: Mapping[str, Any]) -> None:
    """Streamlit keeps some parameters in a keyed widget's identity (a slider's
    min/max/step): when they change, the widget starts over from its default,
    unless the script has just set its value."""
    if key is None:
        return
    session = current_run().session
    known = session.stash.setdefault(_IDENTITY, {})
    fingerprint = (type, repr(sorted(identity.items())))
    before = known.get(key)
    known[key] = fingerprint
    if before is not None and before != fingerprint and not set_by_user(key):
        session.state.values.pop(key, None)


# -- options ----------------------------------------------------------------------------

def to_options(options: Any) -> list[Any]:
    """Streamlit's convert_anything_to_list, for what apps pass as options."""
    if options is None:
        return []
    if isinstance(options, (str, int, float, bool)):
        return [options]
    if isinstance(options, EnumMeta):
        return [m.value if isinstance(m, str) else m for m in options]
    if isinstance(options, Mapping):
        return list(options.keys())
    columns = getattr(options, "columns", None)
    if columns is not None and hasattr(options, "iloc"):  # a DataFrame: its first column
        return [] if len(columns) == 0 else list(options.iloc[:, 0])
    if getattr(options, "ndim", 1) == 2:  # a 2-D array: its first column
        return [row[0] for row in options]
    try:
        return list(options)
    except TypeError:
        return [options]


def check_comparable(options: Sequence[Any]) -> None:
    if not options:
        return
    try:
        bool(options[0] == options[0])
    except ValueError:
        raise AppcoreAPIError(
            "Invalid option type provided. Options must be comparable, returning a boolean when used with *==*. "
            f"\n\nGot **{type(options[0]).__name__}**, which cannot be compared. Refactor your code to use "
            "elements of comparable types as options, e.g. use indices instead."
        ) from None


def format_options(options: Sequence[Any], format_func: Callable[[Any], Any]) -> list[str]:
    return [str(format_func(option)) for option in options]


def option_index(options: Sequence[Any], labels: Sequence[str], value: Any,
                 format_func: Callable[[Any], Any]) -> int | None:
    """Where ``value`` sits among the options: equal to one, or formatted like one
    (an Enum member of the previous run's class formats like this run's)."""
    for i, option in enumerate(options):
        try:
            if value == option:
                return i
        except Exception:
            continue
        if isinstance(value, float) and isinstance(option, float) and abs(value - option) < 5e-12:
            return i
    try:
        label = str(format_func(value))
    except Exception:
        label = None
    if label is not None and label in labels:
        return labels.index(label)
    # AppTest's select_index passes the label itself, as Streamlit's does.
    if isinstance(value, str) and value in labels:
        return labels.index(value)
    return None


def default_indices(options: Sequence[Any], default: Any) -> list[int]:
    if default is None:
        return []
    if isinstance(default, (str, bytes)) or not isinstance(default, Iterable):
        values = [default]
    else:
        values = to_options(default)
    indices = []
    for value in values:
        if value not in options:
            raise AppcoreAPIError(f"The default value '{value}' is not part of the options. Please make sure that "
                                  "every default value also exists in the options.")
        indices.append(options.index(value))
    return indices


def check_index(index: Any, options: Sequence[Any]) -> None:
    if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
        raise type_error("index", type(index).__name__, ["int", "None"])
    if index is not None and options and not 0 <= index < len(options):
        raise out_of_range("index", index, 0, len(options) - 1)


def wire_index(raw: Any, count: int) -> int:
    """An option's index as the browser sends it: an int within the options."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise TypeError(f"an option is sent as its index, got {type(raw).__name__}")
    if not 0 <= raw < count:
        raise ValueError(f"index {raw} is outside the {count} options")
    return raw


def check_filter_mode(filter_mode: Any, accept_new_options: bool) -> None:
    try:
        valid = filter_mode in ("fuzzy", "contains", "prefix", None)
    except TypeError:
        valid = False
    if not valid:
        raise value_error("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise AppcoreAPIError("`filter_mode=None` and `accept_new_options=True` cannot be used together. "
                              "`filter_mode` cannot be `None` when `accept_new_options=True`. Set `filter_mode` "
                              "to `fuzzy`, `contains`, or `prefix`.")


# -- numbers and dates ------------------------------------------------------------------

def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def wire_number(raw: Any, integer: bool) -> int | float:
    """A number as the browser sends it: JSON has no int/float split, so an int
    widget takes a whole float; bools and non-finite values are refused."""
    if not is_number(raw):
        raise TypeError(f"a number is sent as a JSON number, got {type(raw).__name__}")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError(f"{raw} is not a finite number")
    if integer:
        if isinstance(raw, float):
            if not raw.is_integer():
                raise ValueError(f"{raw} is not a whole number")
            raw = int(raw)
        return raw
    return float(raw)


def adjust_years(day: date, years: int) -> date:
    target = day.year + years
    if target > date.max.year:
        return date.max
    if target < date.min.year:
        return date.min
    try:
        return day.replace(year=target)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=target, day=28)
