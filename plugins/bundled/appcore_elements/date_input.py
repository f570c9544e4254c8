"""st.date_input: one date, or a range given as a tuple or list of up to two.

The browser sends ISO dates: ``"2024-05-01"`` for one date, a list of zero to
two of them for a range.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Literal

from appcore.plugin import register_widget

from ._inputs import (
    above_max,
    adjust_years,
    base_props,
    below_min,
    check_common,
    keyed_identity,
    min_max_error,
    reset,
    stored,
    type_error,
    value_error,
)

__all__ = ["date_input"]
ELEMENT_TYPES = {"date_input": "date_input"}

_FORMATS = ["YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY", "YYYY-MM-DD",
            "DD-MM-YYYY", "MM-DD-YYYY"]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

DateScalar = date | datetime | str | None
DateValue = DateScalar | Sequence[DateScalar]


def _to_date(value: Any, parameter: str = "value") -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value == "today":
        return date.today()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    if parameter == "value":
        raise type_error("value", type(value).__name__, ["date", "datetime", "ISO string", '"today"'])
    raise type_error(parameter, type(value).__name__, ["date", "datetime", "ISO string", "None"])


class _Parsed:
    """Streamlit's _DateInputValues: the value as dates, range or not, and the bounds."""

    def __init__(self, value: Any, min_value: Any, max_value: Any):
        if value is None:
            dates, self.is_range = None, False
        elif isinstance(value, Sequence) and not isinstance(value, str):
            if len(value) not in (0, 1, 2):
                raise type_error("value", type(value).__name__,
                                 ["date", "datetime", "sequence of 0 to 2 date or datetime values"])
            dates, self.is_range = [_to_date(v) for v in value], True
        else:
            dates, self.is_range = [_to_date(value)], False
        self.min = (_to_date(min_value, "min_value") if min_value is not None
                    else adjust_years(dates[0] if dates else date.today(), -10))
        self.max = (_to_date(max_value, "max_value") if max_value is not None
                    else adjust_years(dates[-1] if dates else date.today(), 10))
        if isinstance(value, str) and value == "today" and dates:
            dates = [min(max(dates[0], self.min), self.max)]
        self.dates = dates
        if self.min > self.max:
            raise min_max_error(self.min, self.max)
        if dates:
            if dates[0] < self.min:
                raise below_min(dates[0], self.min)
            if dates[-1] > self.max:
                raise above_max(dates[-1], self.max)

    @property
    def default(self) -> Any:
        if not self.dates:
            return () if self.is_range else None
        return tuple(self.dates) if self.is_range else self.dates[0]


def date_input(
    label: str,
    value: DateValue = "today",
    min_value: DateScalar = None,
    max_value: DateScalar = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Any:
    """A date field: returns a date (or None), or a tuple of up to two dates for a range."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    if not isinstance(format, str):
        raise type_error("format", type(format).__name__, ["str"])
    if format not in _FORMATS:
        raise value_error("format", [repr(f) for f in _FORMATS], f"Provided value: {format!r}.")
    id_value = None if isinstance(value, str) and value == "today" else (
        [_id_part(v) for v in value] if isinstance(value, Sequence) and not isinstance(value, str) else _id_part(value))
    id_parts = {"label": label, "value": id_value, "min_value": _id_part(min_value),
                "max_value": _id_part(max_value), "help": help, "format": format, "width": width,
                "required": required}
    keyed_identity("date_input", key, {"format": format})

    parsed = _Parsed(value, min_value, max_value)
    has_bounds = min_value is not None or max_value is not None
    present, current = stored(key)
    if isinstance(value, str) and value == "today" and present:
        parsed = _Parsed(current, min_value, max_value)
    if present and current is not None and has_bounds and not _fits(current, parsed):
        reset(key, parsed.default)
    clearable = parsed.dates is None

    def parse_day(raw: Any) -> date:
        if not isinstance(raw, str):
            raise TypeError(f"a date is sent as an ISO string, got {type(raw).__name__}")
        if not _ISO_DATE.fullmatch(raw):
            raise ValueError(f"{raw!r} is not an ISO date (YYYY-MM-DD)")
        day = date.fromisoformat(raw)
        if day < parsed.min or day > parsed.max:
            raise ValueError(f"{raw} is outside [{parsed.min}, {parsed.max}]")
        return day

    def parse(raw: Any) -> Any:
        if not parsed.is_range:
            if raw is None:
                if not clearable:
                    raise ValueError("this date_input cannot be empty: it has a default value")
                return None
            return parse_day(raw)
        if not isinstance(raw, list) or len(raw) > 2:
            raise ValueError("a date range is sent as a list of up to two ISO dates")
        days = tuple(parse_day(v) for v in raw)
        if len(days) == 2 and days[0] > days[1]:
            raise ValueError("the start of the range is after its end")
        return days

    def to_json(v: Any) -> Any:
        if v is None:
            return [] if parsed.is_range else None
        if parsed.is_range:
            return [_day(d).isoformat() for d in v]
        return _day(v).isoformat()

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(min=parsed.min.isoformat(), max=parsed.max.isoformat(), format=format, range=parsed.is_range,
                 required=bool(required), clearable=clearable)
    result = register_widget(
        "date_input", props, key=key, default=parsed.default, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore",
        args=args, kwargs=kwargs, id_parts=id_parts,
    ).value
    if parsed.is_range and isinstance(result, list):
        result = tuple(result)
    return result


def _id_part(v: Any) -> Any:
    if isinstance(v, str) and v == "today":
        return None
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v if isinstance(v, str) else None


def _day(v: Any) -> date:
    return v.date() if isinstance(v, datetime) else v


def _fits(current: Any, parsed: _Parsed) -> bool:
    """Streamlit's _validate_date_value: the right shape and within the bounds."""
    if parsed.is_range and isinstance(current, (tuple, list)):
        if not current:
            return True
        if not all(isinstance(d, date) for d in current):
            return False
        return _day(current[0]) >= parsed.min and _day(current[-1]) <= parsed.max
    if not parsed.is_range and isinstance(current, date):
        return parsed.min <= _day(current) <= parsed.max
    return False
