"""st.time_input: the browser sends ``"HH:MM"`` (or ``"HH:MM:SS"`` when the step has seconds)."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Literal

from appcore.plugin import Args, Bind, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, TimeCodec, \
    WidthWithoutContent, input_widget, invalid_type, invalid_value, out_of_range

__all__ = ["time_input"]
ELEMENT_TYPES = {"time_input": "time_input"}

TimeValue = time | datetime | str


def _to_time(value: Any) -> time:
    if isinstance(value, str) and value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value).replace(microsecond=0)
        except ValueError:
            try:
                return datetime.fromisoformat(value).time().replace(microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value
    raise invalid_type("value", type(value).__name__, ["datetime", "time", "ISO string"])


def time_input(label: str, value: TimeValue | Literal["now"] | None = "now", key: Key = None, help: Help = None,
               on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
               required: bool = False, label_visibility: LabelVisibility = "visible",
               step: int | timedelta = timedelta(minutes=15), format: Literal["12h", "24h", "localized"] = "24h",
               width: WidthWithoutContent = "stretch", bind: Bind = None,
               persist_state: PersistState = None) -> time | None:
    """A time field; returns a datetime.time (None when empty)."""
    codec = _codec(value, step, format)
    return input_widget("time_input", locals(), codec, identity={"step": step}, props={
        "step": codec.step, "format": format, "required": bool(required)}, id_parts={
        "value": codec.default if isinstance(value, (datetime, time)) else value, "step": step,
        "required": required}).value


class _TimeInput(TimeCodec):
    def __init__(self, default: time | None, step: int):
        super().__init__(default, seconds=step % 60 != 0, clearable=default is None)
        self.step = step


def step_seconds(step: Any, fewest: int = 1) -> int:
    """A picker's step (st.time_input, st.datetime_input) in seconds, from ``fewest`` to 23 hours."""
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise invalid_type("step", type(step).__name__, ["int", "timedelta"])
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not fewest <= seconds <= timedelta(hours=23).seconds:
        raise out_of_range("step", f"{seconds} seconds", "1 second" if fewest == 1 else f"{fewest} seconds",
                           "23 hours")
    return seconds


def _codec(value: Any, step: Any, format: Any) -> _TimeInput:
    parsed = None if value is None else _to_time(value)
    seconds = step_seconds(step)
    if parsed is not None and seconds % 60 == 0:
        parsed = parsed.replace(second=0, microsecond=0)
    if format not in ("12h", "24h", "localized"):
        raise invalid_value("format", ["'12h'", "'24h'", "'localized'"])
    return _TimeInput(parsed, seconds)
