"""st.slider: a number, date, datetime or time, or a range of two of them.

Numbers go over the wire as JSON numbers; dates, datetimes and times as ISO
strings (a datetime's wall-clock time, its timezone kept on the server). The
browser works in microseconds since 1970 for timelike sliders, as Streamlit's
does, so the props carry ``min``/``max``/``step`` in those units.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from numbers import Integral, Real
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

from ._inputs import (
    MAX_FLOAT,
    MAX_SAFE_INTEGER,
    above_max,
    base_props,
    below_min,
    check_common,
    keyed_identity,
    min_max_error,
    reset,
    set_by_user,
    stored,
    type_error,
    value_error,
    wire_number,
)

__all__ = ["slider"]
ELEMENT_TYPES = {"slider": "slider"}

SliderScalar = int | float | date | time | datetime
SliderValue = SliderScalar | Sequence[SliderScalar]
SliderStep = int | float | timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TIMELIKE = ("datetime", "date", "time")
_SAFE_SPAN = timedelta(microseconds=MAX_SAFE_INTEGER)
_MIN_SAFE_DAY = (datetime(1970, 1, 1) - _SAFE_SPAN).date() + timedelta(days=1)
_MAX_SAFE_DAY = (datetime(1970, 1, 1) + _SAFE_SPAN).date() - timedelta(days=1)


def _data_type(v: Any) -> str:
    if isinstance(v, Integral):
        return "int"
    if isinstance(v, Real):
        return "float"
    if isinstance(v, datetime):
        return "datetime"
    if isinstance(v, date):
        return "date"
    if isinstance(v, time):
        return "time"
    raise KeyError(type(v))


def _is_scalar(v: Any) -> bool:
    return isinstance(v, (Integral, Real, datetime, date, time))


def _micros(v: Any, data_type: str) -> int:
    """Microseconds since 1970 of the wall-clock value (Streamlit's _datetime_to_micros)."""
    if data_type == "time":
        v = datetime.combine(date(2000, 1, 1), v)
    elif data_type == "date":
        v = datetime.combine(v, time())
    delta = v.replace(tzinfo=UTC) - _EPOCH
    return delta.microseconds + delta.seconds * 1_000_000 + delta.days * 86_400_000_000


def _iso(v: Any, data_type: str) -> Any:
    if data_type in ("int", "float"):
        return v
    if data_type == "date":
        return (v.date() if isinstance(v, datetime) else v).isoformat()
    return v.replace(tzinfo=None).isoformat()


def _window_around(anchor: date, days: int) -> tuple[date, date]:
    if isinstance(anchor, datetime):
        floor = datetime.combine(_MIN_SAFE_DAY, time.min, tzinfo=anchor.tzinfo)
        ceiling = datetime.combine(_MAX_SAFE_DAY, time.max, tzinfo=anchor.tzinfo)
    else:
        floor, ceiling = _MIN_SAFE_DAY, _MAX_SAFE_DAY
    window = timedelta(days=days)
    try:
        low = min(anchor, max(anchor - window, floor))
    except OverflowError:
        low = anchor
    try:
        high = max(anchor, min(anchor + window, ceiling))
    except OverflowError:
        high = anchor
    return low, high


def slider(
    label: str,
    min_value: SliderScalar | None = None,
    max_value: SliderScalar | None = None,
    value: SliderValue | None = None,
    step: SliderStep | None = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A slider; a list or tuple of two values makes a range slider that returns a tuple."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    id_parts = {"label": label, "min_value": min_value, "max_value": max_value, "value": value, "step": step,
                "format": format, "help": help, "width": width}
    keyed_identity("slider", key, {"min_value": min_value, "max_value": max_value, "step": step})
    present, current = stored(key)

    if value is None:
        single = not present or _is_scalar(current)
        if single:
            value = min_value if min_value is not None else 0
        else:
            value = [min_value if min_value is not None else 0, max_value if max_value is not None else 100]

    single = _is_scalar(value)
    is_range = isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)
    if not single and not is_range:
        if isinstance(value, (list, tuple)):
            raise value_error("value", ["int", "float", "date", "time", "datetime",
                                        "a list containing up to two such values",
                                        "a tuple containing up to two such values"])
        raise type_error("value", type(value).__name__, ["int", "float", "date", "time", "datetime", "list",
                                                         "tuple"])
    prepared: list[Any] = [value] if single else list(value)
    try:
        kinds = {_data_type(v) for v in prepared}
    except KeyError:
        kinds = {"?", "!"}
    if len(kinds) > 1:
        raise type_error("value", ", ".join(type(v).__name__ for v in prepared),
                         ["list or tuple containing values of the same type"])
    data_type = "int" if not prepared else _data_type(prepared[0])

    dt_min: Any = time.min
    dt_max: Any = time.max
    if data_type == "time":
        dt_min = time.min.replace(tzinfo=prepared[0].tzinfo)
        dt_max = time.max.replace(tzinfo=prepared[0].tzinfo)
    if data_type in ("datetime", "date"):
        dt_min, dt_max = _window_around(prepared[0], 14)
    defaults = {
        "int": (0, 100, 1, "%d"),
        "float": (0.0, 1.0, 0.01, "%0.2f"),
        "datetime": (dt_min, dt_max, timedelta(days=1), "YYYY-MM-DD"),
        "date": (dt_min, dt_max, timedelta(days=1), "YYYY-MM-DD"),
        "time": (dt_min, dt_max, timedelta(minutes=15), "HH:mm"),
    }[data_type]
    if min_value is None:
        min_value = defaults[0]
    if max_value is None:
        max_value = defaults[1]
    if step is None:
        step = defaults[2]
        if data_type in ("datetime", "date") and abs(max_value - min_value) < timedelta(days=1):
            step = timedelta(minutes=15)
    if format is None:
        format = defaults[3]
    if isinstance(step, timedelta):
        if step == timedelta(0):
            raise value_error("step", ["a timedelta"], "Zero is not allowed.")
    elif step == 0:
        raise value_error("step", ["a number"], "Zero is not allowed.")

    bounds = [min_value, max_value, step]
    int_args = all(isinstance(a, Integral) for a in bounds)
    float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    timelike_args = (data_type in _TIMELIKE and isinstance(step, timedelta)
                     and type(min_value) is type(max_value))
    if not int_args and not float_args and not timelike_args:
        raise type_error("value", f"min_value={type(min_value).__name__}, max_value={type(max_value).__name__}, "
                                  f"step={type(step).__name__}", ["matching numeric types", "matching date/time types"])
    all_ints = data_type == "int" and int_args
    all_floats = data_type == "float" and float_args
    all_timelikes = data_type in _TIMELIKE and timelike_args
    if not all_ints and not all_floats and not all_timelikes:
        raise type_error("value", f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
                                  f"max_value={type(max_value).__name__}", ["value and arguments with matching types"])

    if min_value > max_value:
        min_value, max_value = max_value, min_value
    if len(prepared) == 1:
        min_value = min(prepared[0], min_value)
        max_value = max(prepared[0], max_value)
    elif len(prepared) == 2:
        start, end = prepared
        if start > end:
            prepared = [end, start]
        min_value = min(prepared[0], min_value)
        max_value = max(prepared[1], max_value)
    else:
        prepared = [min_value, max_value]

    if all_ints:
        for name, bound in (("`min_value`", min_value), ("`max_value`", max_value)):
            if bound < -MAX_SAFE_INTEGER:
                raise AppcoreAPIError(f"{name} ({bound}) must be >= -((1 << 53) - 1)")
            if bound > MAX_SAFE_INTEGER:
                raise AppcoreAPIError(f"{name} ({bound}) must be <= (1 << 53) - 1")
    elif all_floats:
        for name, bound in (("`min_value`", min_value), ("`max_value`", max_value)):
            if abs(bound) > MAX_FLOAT:
                raise AppcoreAPIError(f"{name} ({bound}) must be {'>= -' if bound < 0 else '<= '}1.797e+308")

    orig_tz: tzinfo | None = None
    if data_type in _TIMELIKE:
        if data_type in ("time", "datetime"):
            orig_tz = prepared[0].tzinfo
        lo, hi = _micros(min_value, data_type), _micros(max_value, data_type)
        if lo == hi:
            raise min_max_error(min_value, max_value)
        for name, micros in (("`min_value`", lo), ("`max_value`", hi)):
            if abs(micros) > MAX_SAFE_INTEGER:
                raise AppcoreAPIError(f"{name} is too far from 1970 for appcore to represent exactly. Use a value "
                                      f"between {_MIN_SAFE_DAY:%Y-%m-%d} and {_MAX_SAFE_DAY:%Y-%m-%d}.")
        step_micros = step // timedelta(microseconds=1)
    else:
        if min_value == max_value:
            raise min_max_error(min_value, max_value)
        lo, hi = min_value, max_value

    count = 1 if single else len(prepared)
    default: Any = prepared[0] if single else tuple(prepared)

    def position(v: Any) -> Any:
        return _micros(v, data_type) if data_type in _TIMELIKE else v

    def valid(v: Any) -> bool:
        try:
            return _data_type(v) == data_type or (data_type == "float" and _data_type(v) == "int")
        except KeyError:
            return False

    def fits(v: Any) -> bool:
        items = [v] if single else list(v) if isinstance(v, (list, tuple)) else None
        return items is not None and len(items) == count and all(valid(x) for x in items)

    # A value set through session_state must fit; one kept from before starts over if it does not.
    if present and value is not None and current is not None:
        if not fits(current):
            reset(key, default)
        else:
            for item in [current] if single else list(current):
                if position(item) < lo:
                    if set_by_user(key):
                        raise below_min(item, min_value)
                    reset(key, default)
                    break
                if position(item) > hi:
                    if set_by_user(key):
                        raise above_max(item, max_value)
                    reset(key, default)
                    break

    def parse_one(raw: Any) -> Any:
        if data_type in ("int", "float"):
            number = wire_number(raw, integer=data_type == "int")
            if number < lo or number > hi:
                raise ValueError(f"{number} is outside [{lo}, {hi}]")
            return number
        if not isinstance(raw, str):
            raise TypeError(f"a {data_type} is sent as an ISO string, got {type(raw).__name__}")
        parsed: Any
        if data_type == "date":
            parsed = date.fromisoformat(raw)
        elif data_type == "datetime":
            parsed = datetime.fromisoformat(raw)
        else:
            parsed = time.fromisoformat(raw)
        if data_type != "date" and parsed.tzinfo is not None:
            raise ValueError("send the wall-clock time, without a timezone")
        micros = _micros(parsed, data_type)
        if micros < lo or micros > hi:
            raise ValueError(f"{raw} is outside [{_iso(min_value, data_type)}, {_iso(max_value, data_type)}]")
        return parsed.replace(tzinfo=orig_tz) if data_type != "date" else parsed

    def parse(raw: Any) -> Any:
        if single:
            return parse_one(raw)
        if not isinstance(raw, list) or len(raw) != count:
            raise ValueError(f"a range is sent as a list of {count} values")
        values = tuple(parse_one(v) for v in raw)
        if count == 2 and position(values[0]) > position(values[1]):
            raise ValueError("the start of a range is after its end")
        return values

    def to_json(v: Any) -> Any:
        if single:
            return _iso(v, data_type)
        return [_iso(x, data_type) for x in v]

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(data_type=data_type, min=lo, max=hi, step=step_micros if data_type in _TIMELIKE else step,
                 format=format, range=not single)
    result = register_widget(
        "slider", props, key=key, default=default, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore", args=args,
        kwargs=kwargs, id_parts=id_parts,
    ).value
    if not single and isinstance(result, list):
        result = tuple(result)
    return result
