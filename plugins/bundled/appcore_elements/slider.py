"""st.slider: a number, date, datetime or time, or a range of two of them.

Numbers go over the wire as JSON numbers; dates, datetimes and times as ISO
strings (a datetime's wall-clock time, its timezone kept on the server). The
browser works in microseconds since 1970 for timelike sliders, as Streamlit's
does, so the props carry ``min``/``max``/``step`` in those units.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from numbers import Integral, Real
from typing import Any

from appcore.plugin import MAX_FLOAT, MAX_SAFE_INTEGER, MISSING, AppcoreAPIError, Args, Bind, Codec, DateCodec, \
    DateTimeCodec, Help, Key, Kwargs, LabelVisibility, NumberCodec, OnChange, PersistState, TimeCodec, \
    WidthWithoutContent, input_widget, invalid_type, invalid_value, min_max_error

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


def slider(label: str, min_value: SliderScalar | None = None, max_value: SliderScalar | None = None,
           value: SliderValue | None = None, step: SliderStep | None = None, format: str | None = None,
           key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
           kwargs: Kwargs = None, *, disabled: bool = False, label_visibility: LabelVisibility = "visible",
           width: WidthWithoutContent = "stretch", bind: Bind = None, persist_state: PersistState = None) -> Any:
    """A slider; a list or tuple of two values makes a range slider that returns a tuple."""
    return input_widget("slider", locals(), lambda stored: _codec(min_value, max_value, value, step, format, stored),
                        identity={"min_value": min_value, "max_value": max_value, "step": step},
                        id_parts={"min_value": min_value, "max_value": max_value, "value": value, "step": step,
                                  "format": format}).value


def _codec(min_value: Any, max_value: Any, value: Any, step: Any, format: Any, stored: Any) -> Codec:
    """Streamlit's slider rules: the kind and the bounds from the arguments, a range from a pair."""
    if value is None:
        single = stored is MISSING or _is_scalar(stored)
        if single:
            value = min_value if min_value is not None else 0
        else:
            value = [min_value if min_value is not None else 0, max_value if max_value is not None else 100]

    single = _is_scalar(value)
    is_range = isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)
    if not single and not is_range:
        if isinstance(value, (list, tuple)):
            raise invalid_value("value", ["int", "float", "date", "time", "datetime",
                                        "a list containing up to two such values",
                                        "a tuple containing up to two such values"])
        raise invalid_type("value", type(value).__name__, ["int", "float", "date", "time", "datetime", "list",
                                                         "tuple"])
    prepared: list[Any] = [value] if single else list(value)
    try:
        kinds = {_data_type(v) for v in prepared}
    except KeyError:
        kinds = {"?", "!"}
    if len(kinds) > 1:
        raise invalid_type("value", ", ".join(type(v).__name__ for v in prepared),
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
            raise invalid_value("step", ["a timedelta"], "Zero is not allowed.")
    elif step == 0:
        raise invalid_value("step", ["a number"], "Zero is not allowed.")

    bounds = [min_value, max_value, step]
    int_args = all(isinstance(a, Integral) for a in bounds)
    float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    timelike_args = (data_type in _TIMELIKE and isinstance(step, timedelta)
                     and type(min_value) is type(max_value))
    if not int_args and not float_args and not timelike_args:
        raise invalid_type("value", f"min_value={type(min_value).__name__}, max_value={type(max_value).__name__}, "
                                  f"step={type(step).__name__}", ["matching numeric types", "matching date/time types"])
    all_ints = data_type == "int" and int_args
    all_floats = data_type == "float" and float_args
    all_timelikes = data_type in _TIMELIKE and timelike_args
    if not all_ints and not all_floats and not all_timelikes:
        raise invalid_type("value", f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
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
    ranged = {"range": None if single else (count, count), "strict": True, "nullable": False}
    codec: Codec
    if data_type in ("int", "float"):
        codec = NumberCodec(default, min_value, max_value, integer=data_type == "int", **ranged)
    elif data_type == "date":
        codec = DateCodec(default, min_value, max_value, **ranged)
    elif data_type == "datetime":
        codec = DateTimeCodec(default, min_value, max_value, tz=orig_tz, **ranged)
    else:
        codec = TimeCodec(default, min_value, max_value, tz=orig_tz, iso=True, **ranged)
    return codec.with_props(data_type=data_type, min=lo, max=hi, range=not single, format=format,
                            step=step_micros if data_type in _TIMELIKE else step)
