"""st.number_input."""
from __future__ import annotations

import logging
import numbers
from typing import Any, Literal

from appcore.plugin import check_icon, MAX_FLOAT, MAX_SAFE_INTEGER, AppcoreAPIError, Args, Bind, Help, Key, Kwargs, \
    LabelVisibility, NumberCodec, OnChange, PersistState, WidthWithoutContent, above_max, below_min, input_widget


__all__ = ["number_input"]
ELEMENT_TYPES = {"number_input": "number_input"}

log = logging.getLogger("appcore.elements")
Number = int | float


def number_input(label: str, min_value: Number | None = None, max_value: Number | None = None,
                 value: Number | Literal["min"] | None = "min", step: Number | None = None, format: str | None = None,
                 key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
                 kwargs: Kwargs = None, *, placeholder: str | None = None, disabled: bool = False,
                 required: bool = False, label_visibility: LabelVisibility = "visible", icon: str | None = None,
                 width: WidthWithoutContent = "stretch", bind: Bind = None,
                 persist_state: PersistState = None) -> Number | None:
    """A number field with step buttons: int when every numeric argument is an int, else float."""
    icon = check_icon(icon) or None
    return input_widget("number_input", locals(), _codec(min_value, max_value, value, step, format), props={
        "placeholder": None if placeholder is None else str(placeholder), "required": bool(required), "icon": icon},
        id_parts={"min_value": min_value, "max_value": max_value, "value": value, "step": step, "format": format,
                  "placeholder": None if placeholder is None else str(placeholder), "icon": icon,
                  "required": required}).value


def _codec(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None) -> NumberCodec:
    """Streamlit's number_input rules: the type from the arguments, the default step and format."""
    numeric = [min_value, max_value, value, step]
    all_int_args = all(isinstance(a, (numbers.Integral, type(None), str)) for a in numeric)
    all_float_args = all(isinstance(a, (float, type(None), str)) for a in numeric)
    if not all_int_args and not all_float_args:
        raise _mixed_types(value, min_value, max_value, step)
    if isinstance(value, str) and value == "min":
        if min_value is not None:
            value = min_value
        elif all_int_args and all_float_args:
            value = 0.0
        elif all_int_args:
            value = 0
        else:
            value = 0.0

    int_value = isinstance(value, numbers.Integral)
    float_value = isinstance(value, float)
    if value is None:
        if all_int_args and not all_float_args:
            int_value = True
        else:
            float_value = True

    number_format = ("%d" if int_value else "%0.2f") if format is None else format
    if number_format in {"%d", "%u", "%i"} and float_value:
        log.warning("st.number_input value has type float, but format %s displays as integer.", number_format)
    elif number_format[-1:] == "f" and int_value:
        log.warning("st.number_input value has type int so is displayed as int despite format string %s.",
                    number_format)
    if step is None:
        step = 1 if int_value else 0.01
    try:
        float(number_format % 2)
    except (TypeError, ValueError):
        raise AppcoreAPIError(f"Format string for `st.number_input` contains invalid characters: {number_format}") \
            from None

    all_ints = int_value and all_int_args
    if min_value is not None and max_value is not None and min_value > max_value:
        raise AppcoreAPIError(f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
                              f"set to {max_value}.")
    if min_value is not None and value is not None and min_value > value:
        raise below_min(value, min_value)
    if max_value is not None and value is not None and max_value < value:
        raise above_max(value, max_value)
    check = _check_int_bounds if all_ints else _check_float_bounds
    for name, bound in (("min_value", min_value), ("max_value", max_value), ("step", step), ("value", value)):
        if bound is not None:
            check(int(bound) if all_ints else bound, f"`{name}`")
    if all_ints:
        min_value = None if min_value is None else int(min_value)
        max_value = None if max_value is None else int(max_value)
    codec = NumberCodec(value, min_value, max_value, integer=all_ints, clearable=value is None)
    return codec.with_props(step=step, format=number_format)


def _mixed_types(value: Any, min_value: Any, max_value: Any, step: Any) -> AppcoreAPIError:
    message = "All numerical arguments must be of the same type."
    for name, arg in (("value", value), ("min_value", min_value), ("max_value", max_value), ("step", step)):
        if arg is not None:
            message += f"\n`{name}` has {type(arg).__name__} type."
    return AppcoreAPIError(message)


def _check_int_bounds(number: int, name: str) -> None:
    if number < -MAX_SAFE_INTEGER:
        raise AppcoreAPIError(f"{name} ({number}) must be >= -((1 << 53) - 1)")
    if number > MAX_SAFE_INTEGER:
        raise AppcoreAPIError(f"{name} ({number}) must be <= (1 << 53) - 1")


def _check_float_bounds(number: Any, name: str) -> None:
    if not isinstance(number, (numbers.Integral, float)):
        raise AppcoreAPIError(f"{name} ({number}) is not a float")
    if number < -MAX_FLOAT:
        raise AppcoreAPIError(f"{name} ({number}) must be >= -1.797e+308")
    if number > MAX_FLOAT:
        raise AppcoreAPIError(f"{name} ({number}) must be <= 1.797e+308")
