"""st.date_input: one date, or a range given as a tuple or list of up to two.

The browser sends ISO dates: ``"2024-05-01"`` for one date, a list of zero to
two of them for a range.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from appcore.plugin import MISSING, Args, Bind, DateCodec, Help, Key, Kwargs, LabelVisibility, \
    OnChange, PersistState, WidthWithoutContent, above_max, below_min, input_widget, invalid_type, invalid_value, \
    min_max_error

__all__ = ["date_input"]
ELEMENT_TYPES = {"date_input": "date_input"}

_FORMATS = ["YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY", "YYYY-MM-DD",
            "DD-MM-YYYY", "MM-DD-YYYY"]

DateScalar = date | datetime | str | None
DateValue = DateScalar | Sequence[DateScalar]


def check_format(format: Any) -> str:
    """How a date field shows its dates (st.date_input, st.datetime_input)."""
    if not isinstance(format, str):
        raise invalid_type("format", type(format).__name__, ["str"])
    if format not in _FORMATS:
        raise invalid_value("format", [repr(f) for f in _FORMATS], f"Provided value: {format!r}.")
    return format


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
        raise invalid_type("value", type(value).__name__, ["date", "datetime", "ISO string", '"today"'])
    raise invalid_type(parameter, type(value).__name__, ["date", "datetime", "ISO string", "None"])


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


class _Parsed:
    """Streamlit's _DateInputValues: the value as dates, range or not, and the bounds."""

    def __init__(self, value: Any, min_value: Any, max_value: Any):
        if value is None:
            dates, self.is_range = None, False
        elif isinstance(value, Sequence) and not isinstance(value, str):
            if len(value) not in (0, 1, 2):
                raise invalid_type("value", type(value).__name__,
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


def date_input(label: str, value: DateValue = "today", min_value: DateScalar = None, max_value: DateScalar = None,
               key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
               kwargs: Kwargs = None, *, format: str = "YYYY/MM/DD", disabled: bool = False, required: bool = False,
               label_visibility: LabelVisibility = "visible", width: WidthWithoutContent = "stretch",
               bind: Bind = None, persist_state: PersistState = None) -> Any:
    """A date field: returns a date (or None), or a tuple of up to two dates for a range."""
    check_format(format)
    id_value = None if isinstance(value, str) and value == "today" else (
        [_id_part(v) for v in value] if isinstance(value, Sequence) and not isinstance(value, str) else _id_part(value))
    return input_widget("date_input", locals(), lambda stored: _codec(value, min_value, max_value, stored),
                        props={"format": format, "required": bool(required)}, identity={"format": format},
                        id_parts={"value": id_value, "min_value": _id_part(min_value),
                                  "max_value": _id_part(max_value), "format": format, "required": required}).value


class _DateInput(DateCodec):
    def __init__(self, parsed: _Parsed, bounded: bool):
        super().__init__(parsed.default, parsed.min, parsed.max, range=(0, 2) if parsed.is_range else None,
                         clearable=parsed.dates is None)
        self.bounded = bounded

    def keep(self, stored: Any, by_user: bool) -> Any:
        # Streamlit checks a stored date only against bounds the script gave.
        return super().keep(stored, by_user) if self.bounded or stored is None else stored

    def props(self) -> dict[str, Any]:
        return {**super().props(), "min": self.min_value.isoformat(), "max": self.max_value.isoformat()}


def _codec(value: Any, min_value: Any, max_value: Any, stored: Any) -> DateCodec:
    parsed = _Parsed(value, min_value, max_value)
    if isinstance(value, str) and value == "today" and stored is not MISSING:
        parsed = _Parsed(stored, min_value, max_value)  # a kept date decides, single or range
    return _DateInput(parsed, bounded=min_value is not None or max_value is not None)


def _id_part(v: Any) -> Any:
    if isinstance(v, str) and v == "today":
        return None
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v if isinstance(v, str) else None
