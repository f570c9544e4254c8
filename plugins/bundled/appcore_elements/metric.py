"""st.metric: a number with its change, coloured and pointed by the change's sign."""
from __future__ import annotations

import math
import numbers
import re
from textwrap import dedent
from typing import Any, Literal

from appcore.plugin import check_icon, AppcoreAPIError, Container, add_element, check_height, check_label_visibility, check_width

from ._display import check_choice, help_html

__all__ = ["metric"]
ELEMENT_TYPES = {"metric": "metric"}

_FIXED_COLORS = ("red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary")
DELTA_COLORS = ("normal", "inverse", "off", *_FIXED_COLORS)
DELTA_ARROWS = ("auto", "up", "down", "off")
FORMATS = ("plain", "localized", "percent", "dollar", "euro", "yen", "accounting", "bytes", "compact",
           "scientific", "engineering")


def _number_text(value: Any, parameter: str) -> str:
    if isinstance(value, numbers.Number):
        return str(value)
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        try:
            plain = item()
        except (TypeError, ValueError):
            plain = None
        if isinstance(plain, numbers.Number):
            return str(plain)
    raise AppcoreAPIError(f"Invalid `{parameter}` type. Expected one of: int, float, Decimal, NumPy number, "
                          f"str, None. Provided type: {type(value).__name__}. Convert the value to a number type.")


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    item = getattr(value, "item", None)
    if callable(item):
        return _as_float(item())
    return None


def _grouped(text: str) -> str:
    """Thousands separators in the integer part of an already formatted number."""
    match = re.search(r"\d+", text)
    if not match:
        return text
    digits = f"{int(match.group()):,}"
    return text[:match.start()] + digits + text[match.end():]


def _trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(value: float, format: str) -> str:
    """Streamlit's number formats for metric values (see its ``format`` parameter)."""
    sign = "-" if value < 0 else ""
    size = abs(value)
    if format == "plain":
        return str(int(value)) if value.is_integer() else repr(value)
    if format == "localized":
        return sign + _trim(size, 3)
    if format == "percent":
        return f"{value * 100:.2f}%"
    if format in ("dollar", "euro"):
        return f"{sign}{'$' if format == 'dollar' else '€'}{size:,.2f}"
    if format == "yen":
        return f"{sign}¥{size:,.0f}"
    if format == "accounting":
        return f"({size:,.2f})" if value < 0 else f"{size:,.2f}"
    if format in ("bytes", "compact"):
        units = ("B", "KB", "MB", "GB", "TB", "PB") if format == "bytes" else ("", "K", "M", "B", "T")
        step = 0
        while size >= 1000 and step < len(units) - 1:
            size /= 1000
            step += 1
        if format == "bytes":
            return f"{sign}{_trim(size, 1)}{units[step]}"
        return f"{sign}{_trim(size, 1) if size < 10 or step == 0 else f'{size:.0f}'}{units[step]}"
    if format in ("scientific", "engineering"):
        if value == 0:
            return "0E0"
        exponent = math.floor(math.log10(size))
        if format == "engineering":
            exponent -= exponent % 3
        mantissa = _trim(size / 10 ** exponent, 3).replace(",", "")
        return f"{sign}{mantissa}E{exponent}"
    # A printf-style pattern; "%,d" asks for thousands separators as in sprintf-js.
    spec = re.search(r"%([-+ 0#,]*)(\d*)(?:\.(\d+))?([diufFeEgGxXos])", format)
    if not spec:
        return format
    flags, width, precision, kind = spec.groups()
    python_spec = "%" + flags.replace(",", "") + width + (f".{precision}" if precision else "") + kind.replace("u", "d")
    number: float | int = int(value) if kind in "diuxXo" else value
    formatted = python_spec % number
    if "," in flags:
        formatted = _grouped(formatted)
    return format[:spec.start()] + formatted + format[spec.end():]


def _formatted(value: Any, text: str, format: str | None) -> str:
    if format is None:
        return text
    number = _as_float(value)
    return text if number is None or not math.isfinite(number) else format_number(number, format)


def _color_and_direction(delta: Any, delta_color: str) -> tuple[str, str]:
    if delta is None or delta == "":
        return "gray", "none"
    if (dedent(delta) == "0") if isinstance(delta, str) else bool(delta == 0):
        direction = "none"
    elif dedent(str(delta)).startswith("-"):
        direction = "down"
    else:
        direction = "up"
    if delta_color in _FIXED_COLORS:
        return ("gray" if delta_color == "grey" else delta_color), direction
    if direction == "none" or delta_color == "off":
        return "gray", direction
    good = (direction == "up") == (delta_color == "normal")
    return ("green" if good else "red"), direction


def _chart_values(chart_data: Any) -> list[float | None]:
    try:
        import pandas as pd

        if isinstance(chart_data, pd.DataFrame):
            chart_data = chart_data.iloc[:, 0] if chart_data.shape[1] else []
    except ImportError:
        pass
    if isinstance(chart_data, dict):
        chart_data = chart_data.values()
    values: list[float | None] = []
    for item in chart_data:
        try:
            number = float(item)
        except (TypeError, ValueError) as error:
            raise AppcoreAPIError(
                f"Only numeric values are supported for chart data sequence. The value '{item}' is of type "
                f"{type(item)} and cannot be converted to float.") from error
        values.append(number if math.isfinite(number) else None)
    return values


def metric(label: str, value: Any, delta: Any = None, delta_color: str = "normal", *, help: str | None = None,
           icon: str | None = None, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
           border: bool = False, width: str | int = "stretch", height: str | int = "content",
           chart_data: Any = None, chart_type: Literal["line", "bar", "area"] = "line",
           delta_arrow: Literal["auto", "up", "down", "off"] = "auto", format: str | None = None,
           delta_description: str | None = None) -> Container:
    """A metric: ``label``, a big ``value`` and a coloured ``delta`` with an arrow."""
    check_label_visibility(label_visibility)
    check_choice("delta_color", delta_color, DELTA_COLORS)
    check_choice("delta_arrow", delta_arrow, DELTA_ARROWS)
    check_choice("chart_type", chart_type, ("line", "bar", "area"))
    if format is not None and not isinstance(format, str):
        raise AppcoreAPIError(f"Invalid `format` type. Expected one of: str, None. "
                              f"Provided type: {type(format).__name__}.")
    if value is None:
        value_text = "—"
    elif isinstance(value, str):
        value_text = value
    else:
        value_text = _number_text(value, "value")
    if delta is None or delta == "":
        delta_text = ""
    elif isinstance(delta, str):
        delta_text = dedent(delta)
    else:
        delta_text = _number_text(delta, "delta")
    color, direction = _color_and_direction(delta, delta_color)
    if delta_arrow != "auto":
        direction = "none" if delta_arrow == "off" else delta_arrow
    return add_element("metric", {
        "label": "" if label is None else str(label),
        "value": _formatted(value, value_text, format) if value is not None else value_text,
        "delta": _formatted(delta, delta_text, format) if delta_text else "",
        "color": color, "direction": direction, "help": None if help is None else dedent(str(help)),
        "help_html": help_html(None if help is None else dedent(str(help))),
        "icon": check_icon(icon), "label_visibility": label_visibility, "border": bool(border),
        "width": check_width(width, allow_content=True), "height": check_height(height, allow_content=True),
        "chart_data": _chart_values(chart_data) if chart_data is not None else None,
        "chart_type": chart_type, "delta_description": delta_description,
    })
