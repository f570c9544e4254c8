"""st.time_input: the browser sends ``"HH:MM"`` (or ``"HH:MM:SS"`` when the step has seconds)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, Literal

from appcore.plugin import register_widget

from ._inputs import (
    base_props,
    check_common,
    keyed_identity,
    out_of_range,
    reset,
    stored,
    type_error,
    value_error,
)

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
    raise type_error("value", type(value).__name__, ["datetime", "time", "ISO string"])


def time_input(
    label: str,
    value: TimeValue | Literal["now"] | None = "now",
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    step: int | timedelta = timedelta(minutes=15),
    format: Literal["12h", "24h", "localized"] = "24h",
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> time | None:
    """A time field; returns a datetime.time (None when empty)."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    parsed = None if value is None else _to_time(value)
    step_seconds = (int(step.total_seconds()) if isinstance(step, timedelta)
                    else step if isinstance(step, int) and not isinstance(step, bool) else 0)
    if parsed is not None and step_seconds > 0 and step_seconds % 60 == 0:
        parsed = parsed.replace(second=0, microsecond=0)
    id_parts = {"label": label, "value": parsed if isinstance(value, (datetime, time)) else value, "help": help,
                "step": step, "width": width, "required": required}
    keyed_identity("time_input", key, {"step": step})
    present, current = stored(key)
    if present and current is None:
        parsed = None
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise type_error("step", type(step).__name__, ["int", "timedelta"])
    if not 1 <= step_seconds <= timedelta(hours=23).seconds:
        raise out_of_range("step", f"{step_seconds} seconds", "1 second", "23 hours")
    if format not in ("12h", "24h", "localized"):
        raise value_error("format", ["'12h'", "'24h'", "'localized'"])
    if present and current is not None and not isinstance(current, (time, datetime)):
        reset(key, parsed)
    clearable = parsed is None
    wire_format = "%H:%M:%S" if step_seconds % 60 else "%H:%M"

    def parse(raw: Any) -> time | None:
        if raw is None:
            if not clearable:
                raise ValueError("this time_input cannot be empty: it has a default value")
            return None
        if not isinstance(raw, str):
            raise TypeError(f"a time is sent as a string, got {type(raw).__name__}")
        for pattern in ("%H:%M:%S", "%H:%M"):
            try:
                chosen = datetime.strptime(raw, pattern).time()
                break
            except ValueError:
                continue
        else:
            raise ValueError(f"{raw!r} is not a time (HH:MM or HH:MM:SS)")
        return chosen.replace(second=0) if step_seconds % 60 == 0 else chosen

    def to_json(v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, datetime):
            v = v.time()
        return v.strftime(wire_format)

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(step=step_seconds, format=format, required=bool(required), clearable=clearable)
    result = register_widget(
        "time_input", props, key=key, default=parsed, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore",
        args=args, kwargs=kwargs, id_parts=id_parts,
    ).value
    return result
