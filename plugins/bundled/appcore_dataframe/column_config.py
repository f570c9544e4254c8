"""``st.column_config``: how a column of ``st.dataframe`` / ``st.data_editor`` is drawn.

Each function returns Streamlit 1.67's plain dict (``label``, ``width``, ``help``,
``pinned``, ... and ``type_config``), so a config built here equals one built
by Streamlit. In ``column_config={...}`` a string is a label and ``None`` hides
the column.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Literal

__all__ = [
    "Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn", "MultiselectColumn",
    "DateColumn", "TimeColumn", "DatetimeColumn", "LinkColumn", "ImageColumn", "LineChartColumn",
    "BarChartColumn", "AreaChartColumn", "ProgressColumn", "ListColumn", "JsonColumn", "MarkdownColumn",
    "AudioColumn", "VideoColumn", "ButtonColumn",
]

ColumnWidth = Literal["small", "medium", "large"] | int
Alignment = Literal["left", "center", "right"]


def _config(label: str | None, width: Any, help: str | None, pinned: bool | None, *,
            editable: bool = True, disabled: bool | None = None, required: bool | None = None,
            alignment: Any = None, aligned: bool = True, default: Any = None, has_default: bool = True,
            type_config: dict[str, Any] | None = None) -> dict[str, Any]:
    config: dict[str, Any] = {"label": label, "width": width, "help": help}
    if editable:
        config.update(disabled=disabled, required=required)
    config["pinned"] = pinned
    if aligned:
        config["alignment"] = alignment
    if has_default:
        config["default"] = default
    if type_config is not None:
        config["type_config"] = type_config
    return config


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else value


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, dt.timedelta) else step


def _options(options: Iterable[Any] | None, format_func: Callable[[Any], str] | None,
             colors: Any = None) -> list[dict[str, Any]] | None:
    if options is None:
        return None
    items = list(options)
    if isinstance(colors, str) or colors is None:
        color_of = [colors] * len(items)
    else:
        color_of = list(colors) + [None] * len(items)
    out = []
    for item, color in zip(items, color_of):
        option: dict[str, Any] = {"value": item}
        if format_func is not None:
            option["label"] = format_func(item)
        if color is not None:
            option["color"] = color
        out.append(option)
    return out


def Column(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
           disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
           alignment: Alignment | None = None) -> dict[str, Any]:
    """A column of any type, drawn as its values are: label, width, help, pinned."""
    config = _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                     has_default=False)
    return config


def TextColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: Alignment | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> dict[str, Any]:
    """Text; in an editor at most ``max_chars``, matching the regular expression ``validate``."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=default, type_config={"type": "text", "max_chars": max_chars, "validate": validate})


def NumberColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                 disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                 alignment: Alignment | None = None, default: int | float | None = None,
                 format: str | None = None, min_value: int | float | None = None,
                 max_value: int | float | None = None, step: int | float | None = None) -> dict[str, Any]:
    """A number, shown with ``format``: printf-style (``"%d ⭐"``, ``"$%.2f"``) or one of ``"plain"``,
    ``"localized"``, ``"dollar"``, ``"euro"``, ``"yen"``, ``"percent"``, ``"compact"``,
    ``"scientific"``, ``"engineering"``, ``"accounting"``."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=default, type_config={"type": "number", "min_value": min_value,
                                                 "max_value": max_value, "format": format, "step": step})


def CheckboxColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: Alignment | None = None, default: bool | None = None) -> dict[str, Any]:
    """A boolean, drawn as a checkbox."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=default, type_config={"type": "checkbox"})


def SelectboxColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                    default: Any = None, options: Iterable[Any] | None = None,
                    format_func: Callable[[Any], str] | None = None) -> dict[str, Any]:
    """One of ``options`` (a category's categories when not given)."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, aligned=False,
                   default=default, type_config={"type": "selectbox", "options": _options(options, format_func)})


def MultiselectColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                      default: Iterable[str] | None = None, options: Iterable[str] | None = None,
                      accept_new_options: bool | None = None, color: Any = None,
                      format_func: Callable[[str], str] | None = None) -> dict[str, Any]:
    """A list of ``options``, drawn as chips (coloured by ``color``)."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, aligned=False,
                   default=list(default) if default is not None else None,
                   type_config={"type": "multiselect", "options": _options(options, format_func, color),
                                "accept_new_options": accept_new_options})


def DateColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: Alignment | None = None, default: dt.date | None = None, format: str | None = None,
               min_value: dt.date | None = None, max_value: dt.date | None = None,
               step: int | None = None) -> dict[str, Any]:
    """A date, shown with ``format`` (momentjs tokens such as ``"MMM YYYY"``, or ``"localized"``,
    ``"distance"``, ``"iso8601"``)."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=_iso(default), type_config={"type": "date", "format": format, "min_value": _iso(min_value),
                                                       "max_value": _iso(max_value), "step": step})


def TimeColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: Alignment | None = None, default: dt.time | None = None, format: str | None = None,
               min_value: dt.time | None = None, max_value: dt.time | None = None,
               step: int | float | dt.timedelta | None = None) -> dict[str, Any]:
    """A time of day, shown with ``format``."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=_iso(default), type_config={"type": "time", "format": format, "min_value": _iso(min_value),
                                                       "max_value": _iso(max_value), "step": _seconds(step)})


def DatetimeColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: Alignment | None = None, default: dt.datetime | None = None,
                   format: str | None = None, min_value: dt.datetime | None = None,
                   max_value: dt.datetime | None = None, step: int | float | dt.timedelta | None = None,
                   timezone: str | None = None) -> dict[str, Any]:
    """A date and time, shown with ``format`` in ``timezone``."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=_iso(default), type_config={"type": "datetime", "format": format,
                                                       "min_value": _iso(min_value), "max_value": _iso(max_value),
                                                       "step": _seconds(step), "timezone": timezone})


def LinkColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: Alignment | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None, display_text: str | None = None) -> dict[str, Any]:
    """A clickable URL; ``display_text`` is its text, or a regular expression whose first group is."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=default, type_config={"type": "link", "max_chars": max_chars, "validate": validate,
                                                 "display_text": display_text})


def _media(kind: str, label: str | None, width: Any, help: str | None, pinned: bool | None,
           alignment: Any) -> dict[str, Any]:
    return _config(label, width, help, pinned, editable=False, alignment=alignment, has_default=False,
                   type_config={"type": kind})


def ImageColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: Alignment | None = None) -> dict[str, Any]:
    """An image from a URL or a data URL."""
    return _media("image", label, width, help, pinned, alignment)


def JsonColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               pinned: bool | None = None, alignment: Alignment | None = None) -> dict[str, Any]:
    """A JSON value (a dict, a list, JSON text), drawn as compact JSON."""
    return _media("json", label, width, help, pinned, alignment)


def AudioColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: Alignment | None = None) -> dict[str, Any]:
    """An audio URL, drawn as a small player."""
    return _media("audio", label, width, help, pinned, alignment)


def VideoColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: Alignment | None = None) -> dict[str, Any]:
    """A video URL, drawn as a link to it."""
    return _media("video", label, width, help, pinned, alignment)


def MarkdownColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: Alignment | None = None, default: str | None = None) -> dict[str, Any]:
    """Text drawn as inline Markdown (bold, italics, code, links)."""
    return _config(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                   default=default, type_config={"type": "markdown"})


def _chart(kind: str, label: str | None, width: Any, help: str | None, pinned: bool | None, y_min: Any,
           y_max: Any, color: Any) -> dict[str, Any]:
    return _config(label, width, help, pinned, editable=False, aligned=False, has_default=False,
                   type_config={"type": kind, "y_min": y_min, "y_max": y_max, "color": color})


def LineChartColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                    color: str | None = None) -> dict[str, Any]:
    """A list of numbers drawn as a sparkline."""
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                   pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                   color: str | None = None) -> dict[str, Any]:
    """A list of numbers drawn as small bars."""
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                    color: str | None = None) -> dict[str, Any]:
    """A list of numbers drawn as a filled sparkline."""
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def ProgressColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None, min_value: int | float | None = None,
                   max_value: int | float | None = None, step: int | float | None = None,
                   color: str | None = None) -> dict[str, Any]:
    """A number between ``min_value`` (0) and ``max_value`` (100) drawn as a bar with its value."""
    return _config(label, width, help, pinned, editable=False, aligned=False, has_default=False,
                   type_config={"type": "progress", "format": format, "min_value": min_value,
                                "max_value": max_value, "step": step, "color": color})


def ListColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
               pinned: bool | None = None, disabled: bool | None = None, required: bool | None = None,
               default: Iterable[str] | None = None) -> dict[str, Any]:
    """A list of values drawn as chips."""
    config: dict[str, Any] = {"label": label, "width": width, "help": help, "pinned": pinned,
                              "disabled": disabled, "required": required,
                              "default": list(default) if default is not None else None,
                              "type_config": {"type": "list"}}
    return config


def ButtonColumn(label: str | None = None, *, width: ColumnWidth | None = None, help: str | None = None,
                 pinned: bool | None = None, alignment: Alignment | None = None,
                 type: Literal["primary", "secondary", "tertiary"] = "secondary", on_click: Any = None,
                 args: Any = None, kwargs: Any = None, key: str | None = None) -> dict[str, Any]:
    """Each cell's text drawn as a button (appcore draws it; clicks do not run callbacks yet)."""
    return {"label": label, "width": width, "help": help, "pinned": pinned, "alignment": alignment,
            "disabled": True, "type_config": {"type": "button", "button_type": type}}
