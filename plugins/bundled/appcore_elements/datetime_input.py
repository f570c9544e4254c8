"""st.datetime_input: a date and a time of day in one field, to the minute.

The browser sends the wall-clock text ``"YYYY-MM-DDTHH:MM"`` (a datetime-local
field's value); the value is a naive ``datetime``.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from appcore.plugin import Args, Bind, DateTimeCodec, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, \
    WidthWithoutContent, above_max, below_min, input_widget, invalid_type, min_max_error

from .date_input import adjust_years, check_format
from .time_input import step_seconds

__all__ = ["datetime_input"]
ELEMENT_TYPES = {"datetime_input": "datetime_input"}
TEST_TYPES = {"datetime_input": "date_time_input"}  # Streamlit's AppTest node type

DateTimeValue = datetime | date | time | str | None
_WIRE = "%Y-%m-%dT%H:%M"
_LAST_MINUTE = time(23, 59)


def _to_datetime(value: Any, *, end_of_day: bool = False) -> datetime:
    """Streamlit's reading of a value or a bound: to the minute, without a timezone; a date
    is its first minute (its last as ``max_value``), a time is today's."""
    if isinstance(value, str) and value == "now":
        moment = datetime.now()
    elif isinstance(value, datetime):
        moment = value.replace(tzinfo=None)
    elif isinstance(value, date):
        moment = datetime.combine(value, _LAST_MINUTE if end_of_day else time())
    elif isinstance(value, time):
        moment = datetime.combine(date.today(), value.replace(tzinfo=None))
    elif isinstance(value, str):
        moment = _from_text(value)
    else:
        moment = None
    if moment is None:
        # Streamlit names `value` whichever parameter it was.
        raise invalid_type("value", type(value).__name__, ["datetime", "date", "time", "ISO string", '"now"'])
    return moment.replace(second=0, microsecond=0)


def _from_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    try:
        return datetime.combine(date.today(), time.fromisoformat(text).replace(tzinfo=None))
    except ValueError:
        return None


def datetime_input(label: str, value: DateTimeValue = "now", min_value: DateTimeValue = None,
                   max_value: DateTimeValue = None, *, key: Key = None, help: Help = None,
                   on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None,
                   format: str = "YYYY/MM/DD", step: int | timedelta = timedelta(minutes=15),
                   disabled: bool = False, required: bool = False, label_visibility: LabelVisibility = "visible",
                   width: WidthWithoutContent = "stretch", bind: Bind = None,
                   persist_state: PersistState = None) -> datetime | None:
    """A date-and-time field; returns a naive datetime to the minute (None when empty)."""
    codec = _codec(value, min_value, max_value)
    check_format(format)
    seconds = step_seconds(step, fewest=60)
    return input_widget("datetime_input", locals(), codec, identity={"format": format, "step": seconds},
                        props={"format": format, "step": seconds, "required": bool(required)},
                        id_parts={"value": _id_part(value), "min_value": _id_part(min_value),
                                  "max_value": _id_part(max_value), "format": format, "step": seconds,
                                  "required": bool(required)}).value


class _DateTimeInput(DateTimeCodec):
    """To the minute, on the wire and in the value."""

    def from_text(self, raw: str) -> datetime:
        return datetime.strptime(raw, _WIRE)

    def one_to_json(self, value: Any) -> str:
        return value.strftime(_WIRE)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "min": self.one_to_json(self.min_value), "max": self.one_to_json(self.max_value)}


def _codec(value: Any, min_value: Any, max_value: Any) -> _DateTimeInput:
    default = None if value is None else _to_datetime(value)
    day = default.date() if default is not None else date.today()  # ten years either side of it
    low = datetime.combine(adjust_years(day, -10), time()) if min_value is None else _to_datetime(min_value)
    high = datetime.combine(adjust_years(day, 10), _LAST_MINUTE) if max_value is None \
        else _to_datetime(max_value, end_of_day=True)
    if low > high:
        raise min_max_error(low, high)
    if default is not None and default < low:
        raise below_min(default, low)
    if default is not None and default > high:
        raise above_max(default, high)
    return _DateTimeInput(default, low, high, clearable=default is None)


def _id_part(value: Any) -> Any:
    """A keyless widget's identity: what was asked for ("now" stays "now" from run to run)."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value if isinstance(value, str) else None
