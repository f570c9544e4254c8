"""st.number_input."""
from __future__ import annotations

import logging
import numbers
from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, register_widget

from ._display import check_icon
from ._inputs import (
    MAX_FLOAT,
    MAX_SAFE_INTEGER,
    above_max,
    base_props,
    below_min,
    check_common,
    is_number,
    reset,
    stored,
    wire_number,
)

__all__ = ["number_input"]
ELEMENT_TYPES = {"number_input": "number_input"}

log = logging.getLogger("appcore.elements")
Number = int | float


def number_input(
    label: str,
    min_value: Number | None = None,
    max_value: Number | None = None,
    value: Number | Literal["min"] | None = "min",
    step: Number | None = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | Literal["rerun", "ignore"] | None = "rerun",
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
    icon: str | None = None,
    width: int | Literal["stretch"] = "stretch",
    bind: Literal["query-params"] | None = None,
    persist_state: Literal["page", "session"] | None = None,
) -> Number | None:
    """A number field with step buttons: int when every numeric argument is an int, else float."""
    key, callback, label = check_common(key, on_change, label, label_visibility, width, bind, persist_state)
    icon = check_icon(icon) or None
    id_parts = {"label": label, "min_value": min_value, "max_value": max_value, "value": value, "step": step,
                "format": format, "help": help, "placeholder": None if placeholder is None else str(placeholder),
                "icon": icon, "width": width, "required": required}

    numeric = [min_value, max_value, value, step]
    all_int_args = all(isinstance(a, (numbers.Integral, type(None), str)) for a in numeric)
    all_float_args = all(isinstance(a, (float, type(None), str)) for a in numeric)
    if not all_int_args and not all_float_args:
        raise _mixed_types(value, min_value, max_value, step)

    present, current = stored(key)
    if present and current is None:
        value = None
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

    has_min, has_max = min_value is not None, max_value is not None
    if all_ints:
        low = int(min_value) if has_min else -MAX_SAFE_INTEGER
        high = int(max_value) if has_max else MAX_SAFE_INTEGER
        for name, bound in (("min_value", min_value), ("max_value", max_value), ("step", step), ("value", value)):
            if bound is not None:
                _check_int_bounds(int(bound), f"`{name}`")
    else:
        low = min_value if has_min else -MAX_FLOAT
        high = max_value if has_max else MAX_FLOAT
        for name, bound in (("min_value", min_value), ("max_value", max_value), ("step", step), ("value", value)):
            if bound is not None:
                _check_float_bounds(bound, f"`{name}`")

    # A value kept from before that the new bounds exclude starts over from the default.
    if present and current is not None and (not is_number(current) or
                                            (has_min and current < low) or (has_max and current > high)):
        reset(key, value)

    clearable = value is None

    def parse(raw: Any) -> Number | None:
        if raw is None:
            if not clearable:
                raise ValueError("this number_input cannot be empty: it has a default value")
            return None
        number = wire_number(raw, integer=all_ints)
        if number < low or number > high:
            raise ValueError(f"{number} is outside [{low}, {high}]")
        return number

    def to_json(number: Any) -> Number | None:
        if number is None:
            return None
        return int(number) if all_ints else float(number)

    props = base_props(label, help, disabled, label_visibility, width, on_change)
    props.update(
        data_type="int" if all_ints else "float", min=low if has_min else None, max=high if has_max else None,
        step=step, format=number_format, placeholder=None if placeholder is None else str(placeholder),
        required=bool(required), icon=icon, clearable=clearable,
    )
    result = register_widget(
        "number_input", props, key=key, default=value, parse=parse, to_json=to_json, on_change=callback,
        rerun_on_change=on_change != "ignore",
        args=args, kwargs=kwargs, id_parts=id_parts,
    ).value
    if result is not None and all_ints and not isinstance(result, int):
        result = int(result)
    return result


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
