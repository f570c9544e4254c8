"""One pipeline for input widgets: Streamlit's shared parameter checks, once, and codecs.

A new widget is its explicit Streamlit signature, one call (``input_widget`` with a codec) and a
renderer: docs/plugins.md, "Codecs", writes ``select_slider`` out whole, and a test runs it as written.
``input_widget`` checks the standard parameters it finds in ``locals()`` with Streamlit's messages,
keeps a keyed widget's stored value valid (``codec.keep``), sends label/help/width/label_visibility/
disabled plus ``codec.props()`` and ``props=``, and returns the Widget; ``widget.value`` is what the
call returns.
"""
from __future__ import annotations

import logging
import math
import operator
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from enum import EnumMeta
from typing import Any, Literal

from .context import current_run
from .elements import markdown_html
from .errors import AppcoreAPIError
from .services import StashKey
from .widgets import Widget, register_widget

log = logging.getLogger("appcore.inputs")

# Types of the Streamlit parameters every input shares, for the explicit signatures.
Key = str | int | None
Help = str | None
OnChange = Callable[..., Any] | Literal["rerun", "ignore"] | None
Args = tuple | list | None
Kwargs = dict[str, Any] | None
LabelVisibility = Literal["visible", "hidden", "collapsed"]
Width = int | Literal["stretch", "content"]
WidthWithoutContent = int | Literal["stretch"]
Bind = Literal["query-params"] | None
PersistState = Literal["page", "session"] | None

# Nothing stored for this widget yet (what a codec factory is handed on a first draw).
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()

ON_CHANGE_MODES = ("rerun", "ignore")
MAX_SAFE_INTEGER = (1 << 53) - 1
MAX_FLOAT = 1.7976931348623157e308
_UINT32_MAX = 2**32 - 1
_IDENTITY = StashKey[dict[str, Any]]("keyed widgets' identities")  # per session: key -> fingerprint


# -- Streamlit's messages ---------------------------------------------------------------

def invalid_value(parameter: str, valid: Iterable[str], detail: str | None = None) -> AppcoreAPIError:
    message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid)}."
    return AppcoreAPIError(f"{message} {detail}" if detail else message)


def invalid_type(parameter: str, provided: str, expected: Iterable[str], detail: str | None = None) -> AppcoreAPIError:
    message = (f"Invalid `{parameter}` type. Expected one of: {', '.join(expected)}. "
               f"Provided type: {provided}.")
    return AppcoreAPIError(f"{message} {detail}" if detail else message)


def out_of_range(parameter: str, value: Any, low: Any, high: Any, detail: str | None = None) -> AppcoreAPIError:
    message = f"The `{parameter}` parameter, set to {value}, is outside the required range [{low}, {high}]."
    return AppcoreAPIError(f"{message} {detail}" if detail else message)


def below_min(value: Any, min_value: Any) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `value` {value} is less than the `min_value` {min_value}.")


def above_max(value: Any, max_value: Any) -> AppcoreAPIError:
    return AppcoreAPIError(f"The `value` {value} is greater than the `max_value` {max_value}.")


def min_max_error(min_value: Any, max_value: Any) -> AppcoreAPIError:
    if min_value == max_value:
        return AppcoreAPIError(f"The `min_value` and `max_value` parameters are both set to {min_value}. "
                               "They must not be equal.")
    return AppcoreAPIError(f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, "
                           f"set to {max_value}.")


# -- the checks every widget shares -----------------------------------------------------

def check_size(name: str, value: Any, *, allow_content: bool = False, allow_stretch: bool = True) -> str | int:
    """Streamlit's validate_width/validate_height: a positive pixel count or one of the words."""
    words = [w for w, ok in (("stretch", allow_stretch), ("content", allow_content)) if ok]
    if isinstance(value, int) and value > 0:  # bool is an int to Streamlit too
        if value > _UINT32_MAX:
            raise out_of_range(name, value, 1, _UINT32_MAX)
        return value
    if isinstance(value, str) and value in words:
        return value
    options = ["a positive integer (pixels)", *(f"'{w}'" for w in words)]
    listed = f"{', '.join(options[:-1])}, or {options[-1]}" if len(options) > 2 else " or ".join(options)
    raise AppcoreAPIError(f"Invalid {name} value: {value!r}. {name.capitalize()} must be either {listed}.")


def container_width(use_container_width: bool | None, width: Any) -> Any:
    """The deprecated ``use_container_width``, when given, decides the width (as in Streamlit)."""
    if use_container_width is None:
        return width
    return "stretch" if use_container_width else "content"


def check_width(width: Any, *, allow_content: bool = False) -> str | int:
    return check_size("width", width, allow_content=allow_content)


def check_height(height: Any, *, allow_content: bool = False, allow_stretch: bool = True) -> str | int:
    return check_size("height", height, allow_content=allow_content, allow_stretch=allow_stretch)


def check_label_visibility(label_visibility: Any) -> str:
    if not isinstance(label_visibility, str) or label_visibility not in ("visible", "hidden", "collapsed"):
        raise invalid_value("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])
    return label_visibility


def check_label(label: Any, label_visibility: Any = "visible") -> str:
    text = "" if label is None else str(label)
    if not text:
        log.warning("`label` got an empty value. This is discouraged for accessibility reasons and may be "
                    "disallowed in the future by raising an exception. Please provide a non-empty label and "
                    "hide it with label_visibility if needed.")
    check_label_visibility(label_visibility)
    return text


def check_on_change(callback: Any, modes: Sequence[str] = ON_CHANGE_MODES,
                    parameter: str = "on_change") -> Callable[..., Any] | None:
    """The callback to register; a mode string ("rerun", "ignore") registers none."""
    if callback is None or callable(callback):
        return callback
    if isinstance(callback, str) and callback in ON_CHANGE_MODES:
        if callback in modes:
            return None
        raise AppcoreAPIError(f'`{parameter}="{callback}"` is not supported on this widget. '
                              f"Pass a callback, or omit `{parameter}`.")
    raise invalid_value(parameter, [*(repr(m) for m in modes), "a callback function"])


def check_on_select(on_select: Any) -> Callable[..., Any] | None:
    """A selectable element's ``on_select``: "rerun", "ignore" or a callback (None is none of them)."""
    if on_select is None:
        raise invalid_value("on_select", ["'rerun'", "'ignore'", "a callback function"])
    return check_on_change(on_select, parameter="on_select")


def check_callback_args(args: Any, kwargs: Any) -> None:
    # Streamlit takes these unchecked and fails when the callback runs; we say it where it was written.
    if args is not None and not isinstance(args, (tuple, list)):
        raise invalid_type("args", type(args).__name__, ["tuple", "list", "None"])
    if kwargs is not None and not isinstance(kwargs, Mapping):
        raise invalid_type("kwargs", type(kwargs).__name__, ["dict", "None"])


def check_bind_and_persist(bind: Any, persist_state: Any, key: str | None) -> None:
    if bind is not None and bind != "query-params":
        raise invalid_value("bind", ["'query-params'", "None"])
    if bind == "query-params" and key is None:
        raise AppcoreAPIError("The `key` parameter is required. When using bind='query-params', the widget must "
                              "have a unique 'key' parameter specified. This 'key' will be used as the name of "
                              "the query parameter.")
    if persist_state is not None:
        if persist_state not in ("page", "session"):
            raise invalid_value("persist_state", ["'page'", "'session'", "None"])
        if key is None:
            raise AppcoreAPIError("The `key` parameter is required. When using persist_state, the widget must "
                                  "have a unique 'key' parameter specified so its value can be preserved across "
                                  "reruns and page switches.")


def help_text(help: Any) -> str | None:
    return None if help is None else textwrap.dedent(str(help))


# -- codecs ------------------------------------------------------------------------------

class Codec:
    """What a widget's value is: how the browser's JSON becomes the Python value
    (``parse``, raising ValueError/TypeError for anything outside the definition:
    that is how hostile input is refused), how the value goes back
    (``to_json``, for ``props["value"]``), and what a value already in
    session_state becomes when the definition may have changed (``keep``).
    """

    default: Any = None
    clearable: bool = False  # the browser may send None (an emptied field)
    trigger: bool = False    # a button: True only in the run that handles its click

    def parse(self, raw: Any) -> Any:
        raise NotImplementedError

    def to_json(self, value: Any) -> Any:
        return value

    def keep(self, stored: Any, by_user: bool) -> Any:
        """The value to keep from session_state; raise ValueError/TypeError to start
        over from ``default``, AppcoreAPIError to fail the script. ``by_user``: the
        script or a callback set it in this run."""
        return self.parse(self.to_json(stored))

    def returned(self, value: Any) -> Any:
        """What the widget call returns for this run's value."""
        return value

    # bind="query-params": the value as the URL's query parameter(s), and back. The
    # texts map to and from the browser's JSON, item by item; a widget whose value is
    # a list (a multiselect, a range) has one parameter per item, repeated.
    def query_many(self) -> bool:
        return False

    def query_item(self, text: str) -> Any:
        """One URL text as one item of the browser's JSON (ValueError if it is none)."""
        return text

    def query_text(self, item: Any) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        return str(item)

    def from_query(self, texts: list[str]) -> Any:
        """The browser's JSON for what the URL says (then ``parse`` checks it)."""
        if self.query_many():
            return [self.query_item(t) for t in texts]
        return self.query_item(texts[-1])

    def to_query(self, value: Any) -> list[str]:
        wire = self.to_json(value)
        items = wire if isinstance(wire, list) else [wire]
        return [self.query_text(item) for item in items if item is not None]

    def props(self) -> dict[str, Any]:
        """The definition as the browser needs it (options, bounds, ...)."""
        return {}

    def drawn(self, widget: Widget) -> None:
        """The widget has been drawn in this run (``widget.id`` is known): a codec that
        keeps something per widget outside its value registers it here (``FilesCodec``
        tells the session's uploads what the widget accepts)."""

    extra_props: Mapping[str, Any] = {}

    def with_props(self, **props: Any) -> Codec:
        """More props for the browser, from the widget that built this codec (a slider's
        bounds in its own units); they win over ``props()``."""
        self.extra_props = props
        return self


class ClickCodec(Codec):
    """A button: the browser sends ``true`` on a click."""

    default = False
    trigger = True

    def parse(self, raw: Any) -> bool:
        if raw is not True:
            raise ValueError("a click is sent as true")
        return True


class BoolCodec(Codec):
    def __init__(self, default: Any = False):
        self.default = bool(default)

    def query_item(self, text: str) -> bool:
        if text.lower() not in ("true", "false"):
            raise ValueError(f"{text!r} is not true or false")
        return text.lower() == "true"

    def parse(self, raw: Any) -> bool:
        if not isinstance(raw, bool):
            raise TypeError(f"a checkbox is sent as true or false, got {type(raw).__name__}")
        return raw

    def to_json(self, value: Any) -> bool:
        return bool(value)

    def keep(self, stored: Any, by_user: bool) -> Any:
        return stored

    def returned(self, value: Any) -> bool:
        return bool(value)


class TextCodec(Codec):
    """Text; None only when the widget can be empty (``value=None``, or None in session_state)."""

    def __init__(self, default: Any = "", max_chars: int | None = None):
        self.default = None if default is None else str(default)
        self.clearable = self.default is None
        self.max_chars = max_chars

    def parse(self, raw: Any) -> str | None:
        if raw is None:
            if not self.clearable:
                raise ValueError('this field returns a string (its value is not None): an empty field is ""')
            return None
        if not isinstance(raw, str):
            raise TypeError(f"text is sent as a string, got {type(raw).__name__}")
        if self.max_chars is not None and len(raw) > self.max_chars:
            raise ValueError(f"{len(raw)} characters is more than max_chars={self.max_chars}")
        return raw

    def keep(self, stored: Any, by_user: bool) -> Any:
        if stored is None:
            self.clearable, self.default = True, None
        return stored

    def props(self) -> dict[str, Any]:
        return {"max_chars": self.max_chars}


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorCodec(Codec):
    """A hex colour such as ``"#00ffaa"``."""

    def __init__(self, default: Any = None):
        if default is None:
            default = "#000000"
        if not isinstance(default, str):
            raise invalid_type("value", type(default).__name__, ["str"],
                               "Pass a hex string like `'#00FFAA'` or `'#000'`.")
        if not _HEX.match(default):
            raise AppcoreAPIError(f"'{default}' is not a valid hex code for colors. Valid ones are like '#00FFAA' "
                                  "or '#000'.")
        self.default = default

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise TypeError(f"a colour is sent as a hex string, got {type(raw).__name__}")
        color = raw if raw.startswith("#") else f"#{raw}"
        if not _HEX.match(color):
            raise ValueError(f"{raw!r} is not a hex colour")
        return color

    def keep(self, stored: Any, by_user: bool) -> Any:
        if not (isinstance(stored, str) and _HEX.match(stored)):
            raise ValueError(f"{stored!r} is not a hex colour")
        return stored


# -- options -------------------------------------------------------------------------------

def to_options(options: Any) -> list[Any]:
    """Streamlit's convert_anything_to_list, for what apps pass as options."""
    if options is None:
        return []
    if isinstance(options, (str, int, float, bool)):
        return [options]
    if isinstance(options, EnumMeta):
        return [m.value if isinstance(m, str) else m for m in options]
    if isinstance(options, Mapping):
        return list(options.keys())
    columns = getattr(options, "columns", None)
    if columns is not None and hasattr(options, "iloc"):  # a DataFrame: its first column
        return [] if len(columns) == 0 else list(options.iloc[:, 0])
    if getattr(options, "ndim", 1) == 2:  # a 2-D array: its first column
        return [row[0] for row in options]
    try:
        return list(options)
    except TypeError:
        return [options]


def _check_comparable(options: Sequence[Any]) -> None:
    if not options:
        return
    try:
        bool(options[0] == options[0])
    except ValueError:
        raise AppcoreAPIError(
            "Invalid option type provided. Options must be comparable, returning a boolean when used with *==*. "
            f"\n\nGot **{type(options[0]).__name__}**, which cannot be compared. Refactor your code to use "
            "elements of comparable types as options, e.g. use indices instead."
        ) from None


def _wire_index(raw: Any, count: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise TypeError(f"an option is sent as its index, got {type(raw).__name__}")
    if not 0 <= raw < count:
        raise ValueError(f"index {raw} is outside the {count} options")
    return raw


class _Options(Codec):
    """Options as Streamlit takes them; the browser sends indices (and, with
    ``accept_new``, the text of a new option)."""

    def __init__(self, options: Any, format_func: Callable[[Any], Any], accept_new: bool):
        self.options = to_options(options)
        _check_comparable(self.options)
        self.format_func = format_func
        self.labels = [str(format_func(option)) for option in self.options]
        self.accept_new = bool(accept_new)

    def find(self, value: Any) -> int | None:
        """Where ``value`` sits among the options: equal to one, or formatted like one
        (an Enum member of the previous run's class formats like this run's)."""
        for i, option in enumerate(self.options):
            try:
                if value == option:
                    return i
            except Exception:
                continue
            if isinstance(value, float) and isinstance(option, float) and abs(value - option) < 5e-12:
                return i
        try:
            label = str(self.format_func(value))
        except Exception:
            label = None
        if label is not None and label in self.labels:
            return self.labels.index(label)
        # AppTest's select_index passes the label itself, as Streamlit's does.
        if isinstance(value, str) and value in self.labels:
            return self.labels.index(value)
        return None

    def parse_item(self, raw: Any) -> tuple[Any, Any]:
        """``(marker, value)``: the option's index, or ("new", text) for a new option."""
        if isinstance(raw, str):
            if not self.accept_new:
                raise TypeError("an option is sent as its index; new options need accept_new_options=True")
            if raw in self.labels:
                i = self.labels.index(raw)
                return i, self.options[i]
            return ("new", raw), raw
        i = _wire_index(raw, len(self.options))
        return i, self.options[i]

    def item_to_json(self, value: Any) -> int | str:
        found = self.find(value)
        if found is not None:
            return found
        if self.accept_new:
            return value if isinstance(value, str) else str(self.format_func(value))
        raise ValueError(f"{value!r} is not one of the options")

    def this_run(self, value: Any) -> Any:
        found = self.find(value)
        return self.options[found] if found is not None else value

    def props(self) -> dict[str, Any]:
        return {"options": self.labels, "accept_new_options": self.accept_new}

    def query_item(self, text: str) -> int | str:
        if text in self.labels:
            return self.labels.index(text)
        if self.accept_new:
            return text
        raise ValueError(f"{text!r} is not one of the options")

    def query_text(self, item: Any) -> str:
        return self.labels[item] if isinstance(item, int) and not isinstance(item, bool) else str(item)


class IndexCodec(_Options):
    """One of ``options`` (radio, selectbox, select_slider): the browser sends its index."""

    def __init__(self, options: Any, index: Any = 0, format_func: Callable[[Any], Any] = str,
                 accept_new: bool = False):
        super().__init__(options, format_func, accept_new)
        if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
            raise invalid_type("index", type(index).__name__, ["int", "None"])
        if index is not None and self.options and not 0 <= index < len(self.options):
            raise out_of_range("index", index, 0, len(self.options) - 1)
        self.clearable = index is None
        self.default = self.options[index] if index is not None and self.options else None

    def parse(self, raw: Any) -> Any:
        if raw is None:
            if not self.clearable and self.options:
                raise ValueError("this widget always has an option chosen")
            return None
        return self.parse_item(raw)[1]

    def to_json(self, value: Any) -> int | str | None:
        return None if value is None else self.item_to_json(value)

    def keep(self, stored: Any, by_user: bool) -> Any:
        if stored is None:
            self.clearable, self.default = True, None
            return None
        self.item_to_json(stored)  # an option no longer offered starts over
        return stored

    def returned(self, value: Any) -> Any:
        return None if value is None else self.this_run(value)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "clearable": self.clearable}


def _max_selections_error(count: int, max_selections: int) -> AppcoreAPIError:
    return AppcoreAPIError(
        f"Multiselect has {count} {'option' if count == 1 else 'options'} selected but `max_selections` is set to "
        f"{max_selections}. This happened because you either gave too many options to `default` or you "
        "manipulated the widget's state through `st.session_state`. Note that the latter can happen before the "
        f"line indicated in the traceback. Please select at most {max_selections} "
        f"{'option' if max_selections == 1 else 'options'}."
    )


class MultiIndexCodec(_Options):
    """Any number of ``options`` in the order they were picked: the browser sends their indices."""

    def __init__(self, options: Any, default: Any = None, format_func: Callable[[Any], Any] = str,
                 max_selections: int | None = None, accept_new: bool = False):
        super().__init__(options, format_func, accept_new)
        self.max_selections = max_selections
        self.default_indices = self._indices(default)
        self.default = [self.options[i] for i in self.default_indices]

    def _indices(self, default: Any) -> list[int]:
        if default is None:
            return []
        values = [default] if isinstance(default, (str, bytes)) or not isinstance(default, Iterable) \
            else to_options(default)
        indices = []
        for value in values:
            if value not in self.options:
                raise AppcoreAPIError(f"The default value '{value}' is not part of the options. Please make sure "
                                      "that every default value also exists in the options.")
            indices.append(self.options.index(value))
        return indices

    def parse(self, raw: Any) -> list[Any]:
        if not isinstance(raw, list):
            raise TypeError(f"the chosen options are sent as a list, got {type(raw).__name__}")
        if self.max_selections is not None and len(raw) > self.max_selections:
            raise ValueError(f"{len(raw)} options chosen, max_selections={self.max_selections}")
        chosen, seen = [], set()
        for item in raw:
            marker, value = self.parse_item(item)
            if marker in seen:
                raise ValueError(f"{item!r} is chosen twice")
            seen.add(marker)
            chosen.append(value)
        return chosen

    def to_json(self, values: Any) -> list[int | str]:
        return [self.item_to_json(value) for value in values or []]

    def keep(self, stored: Any, by_user: bool) -> Any:
        if stored is None:
            return None
        chosen = [stored] if isinstance(stored, (str, bytes)) or not isinstance(stored, Iterable) else list(stored)
        self._check_count(chosen)
        if not self.accept_new:
            chosen = [v for v in chosen if self.find(v) is not None]
        return stored if chosen == stored else chosen

    def _check_count(self, chosen: list[Any]) -> None:
        if self.max_selections is not None and len(chosen) > self.max_selections:
            raise _max_selections_error(len(chosen), self.max_selections)

    def returned(self, value: Any) -> list[Any]:
        chosen = [self.this_run(v) for v in value or []]
        self._check_count(chosen)
        return chosen

    def props(self) -> dict[str, Any]:
        return {**super().props(), "max_selections": self.max_selections}

    def query_many(self) -> bool:
        return True


# -- numbers, dates and times: one value, or a range of them ---------------------------------

class _Ranged(Codec):
    """A value between ``min_value`` and ``max_value``, or with ``range=(fewest, most)``
    a list of that many in order. ``strict``: a value the script set outside the bounds
    is an error (a slider); otherwise it starts over from the default."""

    kind = "value"

    def __init__(self, default: Any, min_value: Any = None, max_value: Any = None, *,
                 range: tuple[int, int] | None = None, clearable: bool = False, strict: bool = False,
                 nullable: bool = True):
        self.default = default
        self.min_value, self.max_value = min_value, max_value
        self.range = range
        self.clearable = clearable
        self.strict = strict
        self.nullable = nullable  # a None in session_state empties the widget

    # each kind says these
    def parse_one(self, raw: Any) -> Any:
        raise NotImplementedError

    def one_to_json(self, value: Any) -> Any:
        return value

    def accepts(self, value: Any) -> bool:
        raise NotImplementedError

    def position(self, value: Any) -> Any:
        return value

    def within(self, value: Any) -> bool:
        p = self.position(value)
        return ((self.min_value is None or p >= self.position(self.min_value))
                and (self.max_value is None or p <= self.position(self.max_value)))

    def check_bounds(self, value: Any, raw: Any) -> Any:
        if not self.within(value):
            raise ValueError(f"{raw} is outside [{self.min_value}, {self.max_value}]")
        return value

    def parse(self, raw: Any) -> Any:
        if self.range is None:
            if raw is None:
                if not self.clearable:
                    raise ValueError(f"this {self.kind} cannot be empty: it has a default value")
                return None
            return self.parse_one(raw)
        fewest, most = self.range
        if not isinstance(raw, list) or not fewest <= len(raw) <= most:
            raise ValueError(f"a range is sent as a list of {fewest} to {most} values")
        values = tuple(self.parse_one(v) for v in raw)
        if any(self.position(a) > self.position(b) for a, b in zip(values, values[1:])):
            raise ValueError("the start of a range is after its end")
        return values

    def to_json(self, value: Any) -> Any:
        if value is None:
            return [] if self.range is not None else None
        if self.range is not None:
            return [self.one_to_json(v) for v in value]
        return self.one_to_json(value)

    def query_many(self) -> bool:
        return self.range is not None

    def keep(self, stored: Any, by_user: bool) -> Any:
        if stored is None and self.nullable:
            if self.range is None:
                self.clearable, self.default = True, None
            return None
        if self.range is None:
            items = [stored]
        elif isinstance(stored, (list, tuple)) and self.range[0] <= len(stored) <= self.range[1]:
            items = list(stored)
        else:
            raise ValueError(f"{stored!r} is not a range")
        if not all(self.accepts(item) for item in items):
            raise TypeError(f"{stored!r} is not a {self.kind}")
        for item in items:
            if self.within(item):
                continue
            if self.strict and by_user:
                low = self.min_value is not None and self.position(item) < self.position(self.min_value)
                raise below_min(item, self.min_value) if low else above_max(item, self.max_value)
            raise ValueError(f"{item!r} is outside the bounds")
        return stored

    def returned(self, value: Any) -> Any:
        if self.range is not None and isinstance(value, list):
            return tuple(value)
        return value

    def props(self) -> dict[str, Any]:
        return {"clearable": self.clearable, "range": self.range is not None}


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class NumberCodec(_Ranged):
    """An int or a float within bounds. JSON has no int/float split, so an int
    widget takes a whole float; bools and non-finite values are refused."""

    kind = "number"

    def __init__(self, default: Any, min_value: Any = None, max_value: Any = None, *, integer: bool, **options: Any):
        super().__init__(default, min_value, max_value, **options)
        self.integer = integer

    def parse_one(self, raw: Any) -> int | float:
        if not is_number(raw):
            raise TypeError(f"a number is sent as a JSON number, got {type(raw).__name__}")
        if isinstance(raw, float) and not math.isfinite(raw):
            raise ValueError(f"{raw} is not a finite number")
        if self.integer:
            if isinstance(raw, float):
                if not raw.is_integer():
                    raise ValueError(f"{raw} is not a whole number")
                raw = int(raw)
        else:
            raw = float(raw)
        if abs(raw) > (MAX_SAFE_INTEGER if self.integer else MAX_FLOAT):
            raise ValueError(f"{raw} is too large")
        return self.check_bounds(raw, raw)

    def one_to_json(self, value: Any) -> int | float:
        return int(value) if self.integer else float(value)

    def query_item(self, text: str) -> int | float:
        number = float(text)  # ValueError for a text that is no number
        return int(number) if number.is_integer() and self.integer else number

    def query_text(self, item: Any) -> str:
        return str(int(item)) if isinstance(item, float) and item.is_integer() else str(item)

    def accepts(self, value: Any) -> bool:
        return is_number(value)

    def returned(self, value: Any) -> Any:
        if self.integer and value is not None and self.range is None and not isinstance(value, int):
            return int(value)
        return super().returned(value)

    def props(self) -> dict[str, Any]:
        return {**super().props(), "data_type": "int" if self.integer else "float", "min": self.min_value,
                "max": self.max_value}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


class DateCodec(_Ranged):
    """A date, sent as ``"YYYY-MM-DD"``; with ``range`` a list of them."""

    kind = "date"

    def parse_one(self, raw: Any) -> date:
        if not isinstance(raw, str):
            raise TypeError(f"a date is sent as an ISO string, got {type(raw).__name__}")
        if not _ISO_DATE.fullmatch(raw):
            raise ValueError(f"{raw!r} is not an ISO date (YYYY-MM-DD)")
        return self.check_bounds(date.fromisoformat(raw), raw)

    def one_to_json(self, value: Any) -> str:
        return _day(value).isoformat()

    def accepts(self, value: Any) -> bool:
        return isinstance(value, date)

    def position(self, value: Any) -> date:
        return _day(value)


class _WallClock(_Ranged):
    """Sent as the wall-clock ISO text; the timezone of the definition stays on the server."""

    def __init__(self, default: Any, min_value: Any = None, max_value: Any = None, *, tz: Any = None,
                 **options: Any):
        super().__init__(default, min_value, max_value, **options)
        self.tz = tz

    def from_text(self, raw: str) -> Any:
        raise NotImplementedError

    def parse_one(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            raise TypeError(f"a {self.kind} is sent as an ISO string, got {type(raw).__name__}")
        value = self.from_text(raw)
        if value.tzinfo is not None:
            raise ValueError("send the wall-clock time, without a timezone")
        return self.check_bounds(value, raw).replace(tzinfo=self.tz)

    def one_to_json(self, value: Any) -> str:
        return value.replace(tzinfo=None).isoformat()

    def position(self, value: Any) -> Any:
        return value.replace(tzinfo=None)


class DateTimeCodec(_WallClock):
    kind = "datetime"

    def from_text(self, raw: str) -> datetime:
        return datetime.fromisoformat(raw)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, datetime)


class TimeCodec(_WallClock):
    """A time of day. ``seconds=False``: sent and kept as ``"HH:MM"`` (a step of
    whole minutes); else ``"HH:MM:SS"``; ``iso=True``: Python's isoformat (a slider)."""

    kind = "time"

    def __init__(self, default: Any, min_value: Any = None, max_value: Any = None, *, seconds: bool = True,
                 iso: bool = False, **options: Any):
        super().__init__(default, min_value, max_value, **options)
        self.seconds, self.iso = seconds, iso

    def from_text(self, raw: str) -> time:
        if self.iso:
            return time.fromisoformat(raw)
        for pattern in ("%H:%M:%S", "%H:%M"):
            try:
                chosen = datetime.strptime(raw, pattern).time()
                break
            except ValueError:
                continue
        else:
            raise ValueError(f"{raw!r} is not a time (HH:MM or HH:MM:SS)")
        return chosen if self.seconds else chosen.replace(second=0)

    def one_to_json(self, value: Any) -> str:
        if isinstance(value, datetime):
            value = value.time()
        if self.iso:
            return super().one_to_json(value)
        return value.strftime("%H:%M:%S" if self.seconds else "%H:%M")

    def accepts(self, value: Any) -> bool:
        return isinstance(value, (time, datetime))

    def position(self, value: Any) -> Any:
        return (value.time() if isinstance(value, datetime) else value).replace(tzinfo=None)


# -- the builder -----------------------------------------------------------------------------

def _stored(key: str | None) -> tuple[Any, bool]:
    """``(value or MISSING, set by the script or a callback in this run)``."""
    if key is None:
        return MISSING, False
    state = current_run().session.state
    return state.values.get(key, MISSING), key in state.user_set_keys


def _keyed_identity(type: str, key: str | None, identity: Mapping[str, Any]) -> None:
    """Streamlit keeps some parameters in a keyed widget's identity (a slider's
    min/max/step): when they change, the widget starts over from its default,
    unless the script has just set its value."""
    if key is None:
        return
    session = current_run().session
    known = session.stash.setdefault(_IDENTITY, {})
    fingerprint = (type, repr(sorted(identity.items())))
    before = known.get(key)
    known[key] = fingerprint
    if before is not None and before != fingerprint and key not in session.state.user_set_keys:
        session.state.values.pop(key, None)


def _value_from_query(key: str, codec: Codec | Callable[[Any], Codec]) -> Any:
    """A bound widget's first value: what the URL's ``key`` parameter says, if it is
    one the widget can take; a parameter it cannot take is dropped from the URL."""
    session = current_run().session
    texts = session.page.query.get(key)
    if not texts:
        return MISSING
    shaped = codec if isinstance(codec, Codec) else codec(MISSING)
    try:
        value = shaped.parse(shaped.from_query(list(texts)))
    except (ValueError, TypeError, IndexError):
        del session.page.query[key]
        return MISSING
    session.state.values[key] = value
    return value


def _bind_query(key: str, codec: Codec, value: Any) -> None:
    """Keep the URL's ``key`` parameter on the widget's value, as Streamlit's page does:
    set while the value differs from the default, gone when it is back to it."""
    from .pages import tell_url

    session = current_run().session
    query = session.page.query
    try:
        wanted = None if value == codec.default else codec.to_query(value)
    except (ValueError, TypeError):
        return
    if not wanted:
        session.page.bound_query.pop(key, None)
        if key in query:
            del query[key]
            tell_url(session)
        return
    session.page.bound_query[key] = wanted
    if query.get(key) != wanted:
        query[key] = wanted
        tell_url(session)


def input_widget(
    type: str,
    params: Mapping[str, Any],
    codec: Codec | Callable[[Any], Codec],
    *,
    props: Mapping[str, Any] | None = None,
    id_parts: Mapping[str, Any] | None = None,
    identity: Mapping[str, Any] | None = None,
    content_width: bool = False,
) -> Widget:
    """Check the standard parameters in ``params`` (the widget's ``locals()``), draw
    the widget and return it; ``widget.value`` is what the call returns.

    ``codec`` may be a factory ``(stored value or MISSING) -> Codec`` when the stored
    value decides the shape (a slider given no value keeps a stored range a range).
    ``identity``: parameters that, when they change, make a keyed widget start over.
    ``content_width``: Streamlit allows ``width="content"`` for this widget.
    """
    raw_key = params.get("key")
    key = None if raw_key is None else str(raw_key)
    callback_name = "on_click" if "on_click" in params else "on_change"
    mode = params.get(callback_name)
    callback = check_on_change(mode, () if callback_name == "on_click" else ON_CHANGE_MODES, callback_name)
    visibility = params.get("label_visibility", "visible")
    # A widget without a label (st.tabs) passes none: it has no label props and no label in its identity.
    label = check_label(params["label"], visibility) if "label" in params else None
    check_bind_and_persist(params.get("bind"), params.get("persist_state"), key)
    check_callback_args(params.get("args"), params.get("kwargs"))
    width = check_width(params.get("width", "content" if content_width else "stretch"), allow_content=content_width)
    disabled = bool(operator.index(params.get("disabled", False)))  # Streamlit's own TypeError for "yes"
    help = help_text(params.get("help"))

    if identity:
        _keyed_identity(type, key, identity)
    stored, by_user = _stored(key)
    bound = params.get("bind") == "query-params" and key is not None
    if bound and not by_user:
        page = current_run().session.page
        if stored is MISSING or page.query.get(key, page.bound_query.get(key)) != page.bound_query.get(key):
            from_url = _value_from_query(key, codec)
            stored = stored if from_url is MISSING else from_url
    if not isinstance(codec, Codec):
        codec = codec(stored)
    if stored is not MISSING:
        try:
            kept = codec.keep(stored, by_user)
        except (ValueError, TypeError):
            kept = codec.default
        if kept is not stored:
            current_run().session.state.values[key] = kept

    shown = {"label": label, "label_html": markdown_html(label), "help": help, "disabled": disabled, "width": width}
    if help:
        shown["help_html"] = markdown_html(help, inline=False)  # Streamlit renders help as Markdown
    if "label_visibility" in params:
        shown["label_visibility"] = visibility
    if callback_name == "on_change":
        shown["on_change"] = "ignore" if mode == "ignore" else "rerun"
    widget = register_widget(
        type, {**shown, **codec.props(), **codec.extra_props, **(props or {})}, key=key, default=codec.default,
        id_parts={"label": label, "help": help, "width": width, **(id_parts or {})},
        parse=codec.parse, to_json=codec.to_json, on_change=callback,
        args=params.get("args"), kwargs=params.get("kwargs"), trigger=codec.trigger,
        rerun_on_change=mode != "ignore", persist_state=params.get("persist_state"),
    )
    codec.drawn(widget)
    widget.value = codec.returned(widget.value)
    if bound:
        _bind_query(key, codec, widget.value)
    return widget
