"""The page as Streamlit 1.67's AppTest shows it: a tree of typed nodes.

The tree is read from what the fake browser holds (the same deltas a browser
applies). Each node has Streamlit's ``type`` string; an element plugin
chooses its own through ``ElementType.extra``:

- ``"test_type"``: the node type (a string, or ``fn(props) -> str``), when
  Streamlit's differs from the element type (``st.container`` is a
  ``flex_container``);
- ``"test_value"``: ``fn(props) -> value``, how ``node.value`` reads it;
- ``"test_class"``: a node class of this module's kind, for a plugin's own
  interactions; or its ``"module:Class"`` name, imported when AppTest first
  meets the element (so a served app never imports the testing package).

Setters behave as the browser's renderer would with a person at the keyboard:
a number stays within its bounds, typing past ``max_chars`` does nothing, a
disabled widget cannot be touched. The server's checks stay as strict as for
any websocket client.
"""
from __future__ import annotations

import builtins
import importlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app_test import AppTest

__all__ = [
    "AppTestError", "Node", "Element", "UnknownElement", "Widget", "UnknownWidget", "ComponentInstance", "Block", "SpecialBlock", "Dialog",
    "ElementList", "WidgetList", "BlockList",
    "Markdown", "Caption", "Latex", "Divider", "Title", "Header", "Subheader", "Text", "Code", "Json", "Metric",
    "Error", "Warning", "Info", "Success", "Exception", "Help", "Dataframe",
    "Button", "MenuButton", "Checkbox", "Toggle", "TextInput", "TextArea", "NumberInput", "Slider", "SelectSlider", "Selectbox",
    "Radio", "Multiselect", "ButtonGroup", "DateInput", "DateTimeInput", "TimeInput", "ColorPicker", "Pagination",
    "Column", "Expander", "Tab", "Space",
    "FileUploader", "CameraInput", "AudioInput", "Image", "DownloadButton",
    "Progress", "Toast", "Status",
    "ChatInput", "ChatMessage",
]


class AppTestError(builtins.Exception):
    """A test action a person in the browser could not perform (a disabled widget,
    ``set_value`` on an element that is not a widget)."""


# Element types of the bundled plugins whose Streamlit node type differs, until
# those plugins declare ``extra["test_type"]`` themselves (the change is
# reported to their owners); a plugin's own declaration always wins.
# AppTest collection names that differ from the node type they select.
_ALIASES = {"help": "help_info", "datetime_input": "date_time_input", "columns": "column", "tabs": "tab"}

# Node types that are containers even while empty.
_BLOCK_TYPES = {"flex_container", "form", "dialog", "expander", "status", "tab", "tab_container", "column",
                "chat_message", "grid_container", "popover"}


def node_type_of(element_types: Any, type: str, props: dict[str, Any]) -> str:
    declared = element_types.get(type)
    test_type = declared.extra.get("test_type") if declared is not None else None
    if callable(test_type):
        test_type = test_type(props)
    return test_type or type


def _text(value: Any) -> str:
    """A string attribute as Streamlit's protos give it: "" when unset."""
    return "" if value is None else value


# -- nodes --------------------------------------------------------------------------------


class from_props:
    """An attribute read from the element's props: ``value = from_props("body", "")``;
    ``text=True`` reads an unset string as "", as Streamlit's protos give it."""

    def __init__(self, name: str, default: Any = None, *, text: bool = False):
        self.name, self.default, self.text = name, default, text

    def __get__(self, node: Any, owner: type | None = None) -> Any:
        if node is None:
            return self
        value = node.props.get(self.name, self.default)
        return "" if self.text and value is None else value


class Node:
    """What every node has: its place, its appcore element, its props."""

    type: str

    def __init__(self, at: AppTest, path: tuple, element_type: str, props: dict[str, Any],
                 widget_id: str | None, key: str | None, node_type: str):
        self._at = at
        self.path = path
        self.element_type = element_type  # appcore's own type name (``container``, ``line_chart``)
        self.props = props
        self.id = widget_id
        self.key = key
        self.type = node_type

    @property
    def root(self) -> AppTest:
        return self._at

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app (sending what was set on its widgets), as ``AppTest.run``."""
        return self._at.run(timeout=timeout)

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("props", {})
        if name in props:
            return props[name]
        if name in ("set_value", "click"):
            return lambda *args, **kwargs: self._unsupported(name)
        raise AttributeError(f"{type(self).__name__} ({self.__dict__.get('type')}) has no attribute {name!r}")

    def _unsupported(self, method: str) -> Any:
        key_part = f" (key={self.key!r})" if self.key else ""
        raise AppTestError(f"{method}() is not supported for {self.type}{key_part}. AppTest can inspect this "
                           "element but does not implement interactions for it.")


class Element(Node):
    """A leaf: an element with no children."""

    def __iter__(self) -> Iterator[Node]:
        yield self

    @property
    def value(self) -> Any:
        declared = self._at.app.element_types.get(self.element_type)
        read = declared.extra.get("test_value") if declared is not None else None
        if read is not None:
            return read(self.props)  # the plugin knows its props best (a DataFrame from rows)
        for name in ("body", "value", "message"):
            if name in self.props:
                return self.props[name]
        return None

    help = from_props("help", text=True)
    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"


class UnknownElement(Element):
    """An element AppTest has no class for: its props, its value as the plugin reads it."""


# -- text -------------------------------------------------------------------------------------


class Markdown(Element):
    value = from_props("body", "")

    @property
    def is_caption(self) -> bool:
        return self.type == "caption"

    @property
    def allow_html(self) -> bool:
        return bool(self.props.get("unsafe_allow_html", False))


class Caption(Markdown):
    pass


class Latex(Markdown):
    @property
    def value(self) -> str:
        # Streamlit stores a formula as display-maths Markdown.
        return f"$$\n{self.props.get('body', '')}\n$$"


class Divider(Markdown):
    @property
    def value(self) -> str:
        return "---"


class _Heading(Element):
    value = from_props("body", "")

    @property
    def tag(self) -> str:
        return f"h{self.props.get('level', 1)}"

    @property
    def anchor(self) -> str | None:
        return self.props.get("anchor")

    @property
    def hide_anchor(self) -> bool:
        return self.props.get("anchor") is None


class Title(_Heading):
    pass


class Header(_Heading):
    pass


class Subheader(_Heading):
    pass


class Text(Element):
    value = from_props("body", "")


class Code(Element):
    value = from_props("body", "")
    language = from_props("language", "")


class Json(Element):
    value = from_props("body", "")

    @property
    def expanded(self) -> bool:
        return bool(self.props.get("expanded", True))


class Metric(Element):
    value = from_props("value", "")
    label = from_props("label", "")
    delta = from_props("delta", "")


class _Alert(Element):
    value = from_props("body", "")


class Error(_Alert):
    pass


class Warning(_Alert):  # noqa: A001 - Streamlit's name
    pass


class Info(_Alert):
    pass


class Success(_Alert):
    pass


# What an uncaught exception's type is called when its message is Markdown
# (Streamlit: every StreamlitAPIException), until the runtime says so in props.


class Exception(Element):  # noqa: A001 - Streamlit's name
    @property
    def value(self) -> str:
        return self.message

    message = from_props("message", "")

    @property
    def is_markdown(self) -> bool:
        return bool(self.props.get("is_markdown"))

    @property
    def is_warning(self) -> bool:
        return bool(self.props.get("is_warning", False))

    @property
    def stack_trace(self) -> list[str]:
        return [line.strip() for line in self.props.get("traceback", [])]


class Help(Element):
    name = from_props("name", text=True)
    doc_string = from_props("doc", text=True)

    @property
    def value(self) -> str:
        # As Streamlit: the name the object was passed as, else what it is.
        return self.name or _text(self.props.get("value"))


class Dataframe(Element):
    pass  # its value is the plugin's ``test_value``: a DataFrame


class Progress(Element):
    """``st.progress``: ``.value`` from 0 to 100 (``0.25`` was given as 25), ``.text`` ("" without)."""

    value = from_props("value", 0)
    text = from_props("text", text=True)


class Toast(Element):
    """``st.toast``: ``.value`` is its body, ``.icon`` its icon ("" without)."""

    value = from_props("body", "")
    icon = from_props("icon", text=True)


# -- widgets ----------------------------------------------------------------------------------


class Widget(Element):
    """A widget: its value as the app sees it, and setters that queue what the
    browser would send; ``.run()`` sends it."""

    def __iter__(self) -> Iterator[Node]:
        yield self

    @property
    def _widget(self) -> Any:
        return self._at.session.widgets.get(self.id) if self.id else None

    label = from_props("label", text=True)
    help = from_props("help", text=True)

    @property
    def disabled(self) -> bool:
        return bool(self.props.get("disabled", False))

    @property
    def form_id(self) -> str:
        widget = self._widget
        return _text(widget.scope.get("form")) if widget is not None else ""

    @property
    def value(self) -> Any:
        widget = self._widget
        if widget is None:
            return None
        if widget.trigger:
            return self._at._observer.value_of(widget)
        if widget.id in self._at._unsent:
            return self._at._unsent[widget.id]  # set, not yet run: chained setters build on it
        return self._at.session.state.values.get(widget.state_key, widget.default)

    def _assert_can_interact(self) -> None:
        if self.disabled:
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(f"Cannot update a disabled {self.type} widget{key_part}. "
                               "A browser user cannot interact with a disabled widget.")

    def set_value(self, value: Any) -> Widget:
        """Queue ``value`` as the browser would send it; ``.run()`` sends it."""
        self._assert_can_interact()
        widget = self._widget
        if widget is None:
            raise AppTestError(f"{self.type} is no longer on the page")
        self._at._queue({"t": "widget", "id": self.id, "value": widget.to_json(value)})
        self._at._unsent[self.id] = value
        return self

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key={self.key!r}, value={self.value!r})"


class Button(Widget):
    def set_value(self, value: bool) -> Button:
        self._assert_can_interact()
        if value:
            self._at._queue({"t": "widget", "id": self.id, "value": True})
        return self

    def click(self) -> Button:
        return self.set_value(True)


class MenuButton(Widget):
    """``st.menu_button``: ``options`` are the labels shown; ``value`` is the option chosen in the
    last run, None in the others. ``click(option)`` (or ``set_value``) and ``click_index(i)`` choose
    one for the next run; something that is not one of its options chooses nothing, as in
    Streamlit 1.67's AppTest."""

    @property
    def options(self) -> list[str]:
        return list(self.props.get("options", []))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return getattr(self._codec, "format_func", str)

    @property
    def _codec(self) -> Any:
        return getattr(getattr(self._widget, "parse", None), "__self__", None)

    def set_value(self, value: Any) -> MenuButton:
        self._assert_can_interact()
        widget = self._widget
        try:
            index = None if value is None or widget is None else widget.to_json(value)
        except (ValueError, TypeError):
            index = None
        if index is not None:
            self._at._queue({"t": "widget", "id": self.id, "value": index})
        return self

    def click(self, value: Any) -> MenuButton:
        return self.set_value(value)

    def click_index(self, index: int) -> MenuButton:
        return self.set_value(self._codec.options[index])


class DownloadButton(Button):
    """``st.download_button``: ``.label``, ``.help``, ``.value`` (True in the run its click
    starts) and ``click()``, as Streamlit's AppTest has them; ``.url`` is what the page downloads."""


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class Toggle(Checkbox):
    pass


class _TextWidget(Widget):
    @property
    def max_chars(self) -> int:
        return self.props.get("max_chars") or 0

    def set_value(self, value: str | None) -> Widget:
        if isinstance(value, str) and self.max_chars and len(value) > self.max_chars:
            value = value[:self.max_chars]  # a paste into a field with maxlength
        return super().set_value(value)

    def input(self, value: str) -> Widget:
        """Type ``value``; past ``max_chars`` the field takes nothing, as the browser's."""
        if self.max_chars and len(value) > self.max_chars:
            return self
        return self.set_value(value)


class TextInput(_TextWidget):
    pass


class TextArea(_TextWidget):
    pass


def _clamp(value: Any, low: Any, high: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value


class NumberInput(Widget):
    min = from_props("min")
    max = from_props("max")

    @property
    def step(self) -> Any:
        return self.props.get("step") or 1

    def set_value(self, value: Any) -> NumberInput:
        # The browser's field keeps a typed number within min and max.
        return super().set_value(_clamp(value, self.min, self.max))  # type: ignore[return-value]

    def increment(self) -> NumberInput:
        """As a click on "+": one step up, never past ``max_value``."""
        if self.value is None:
            return self
        return self.set_value(self.value + self.step)

    def decrement(self) -> NumberInput:
        """As a click on "-": one step down, never below ``min_value``."""
        if self.value is None:
            return self
        return self.set_value(self.value - self.step)


class Slider(Widget):
    min = from_props("min")
    max = from_props("max")
    step = from_props("step")

    def set_value(self, value: Any) -> Slider:
        if self.props.get("data_type") in ("int", "float"):  # a thumb cannot leave the track
            if isinstance(value, (list, tuple)):
                value = type(value)(_clamp(v, self.min, self.max) for v in value)
            else:
                value = _clamp(value, self.min, self.max)
        return super().set_value(value)  # type: ignore[return-value]

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))


class _Options(Widget):
    @property
    def options(self) -> list[str]:
        return list(self.props.get("options", []))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        # The codec keeps it; a Widget does not carry it yet (reported to the runtime).
        codec = getattr(getattr(self._widget, "parse", None), "__self__", None)
        return getattr(codec, "format_func", str)

    @property
    def index(self) -> int | None:
        value = self.value
        widget = self._widget
        if value is None or widget is None:
            return None
        found = widget.to_json(value)
        return found if isinstance(found, int) else None

    def select(self, value: Any) -> Widget:
        return self.set_value(value)

    def select_index(self, index: int | None) -> Widget:
        if index is None:
            return self.set_value(None)
        return self.set_value(self.options[index])


class Selectbox(_Options):
    pass


class Radio(_Options):
    pass


class SelectSlider(_Options):
    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        return self.set_value((lower, upper))  # type: ignore[return-value]


class Multiselect(_Options):
    @property
    def max_selections(self) -> int:
        return self.props.get("max_selections") or 0

    @property
    def values(self) -> list[str]:
        return [str(self.format_func(v)) for v in self.value or []]

    @property
    def indices(self) -> list[int]:
        return [self.options.index(v) for v in self.values]

    def set_value(self, value: Any) -> Multiselect:
        if self.max_selections and value is not None and len(value) > self.max_selections:
            return self  # the browser offers no more options once the limit is reached
        return super().set_value(list(value) if value is not None else [])  # type: ignore[return-value]

    def select(self, value: Any) -> Multiselect:
        current = list(self.value or [])
        if value in current:
            return self
        return self.set_value([*current, value])

    def unselect(self, value: Any) -> Multiselect:
        current = list(self.value or [])
        if value not in current:
            return self
        return self.set_value([v for v in current if v != value])


class ButtonGroup(Multiselect):
    """``st.pills`` and ``st.segmented_control`` (one or several chosen)."""

    def set_value(self, value: Any) -> ButtonGroup:
        if isinstance(self.value, list) or isinstance(value, (list, tuple)):
            return super().set_value(value)  # type: ignore[return-value]
        return Widget.set_value(self, value)  # type: ignore[return-value]

    def select(self, value: Any) -> ButtonGroup:
        if isinstance(self.value, list):
            return super().select(value)  # type: ignore[return-value]
        return self.set_value(value)

    def unselect(self, value: Any) -> ButtonGroup:
        if isinstance(self.value, list):
            return super().unselect(value)  # type: ignore[return-value]
        return self.set_value(None) if self.value == value else self


class ChatInput(Widget):
    """``st.chat_input``: ``set_value(text)`` submits ``text`` on the next run (cut to
    ``max_chars``, as the field would); ``value`` is what the last run got, else None."""

    placeholder = from_props("placeholder", text=True)

    @property
    def max_chars(self) -> int | None:
        return self.props.get("max_chars")

    def set_value(self, value: str | None) -> ChatInput:
        self._assert_can_interact()
        widget = self._widget
        if widget is None:
            raise AppTestError(f"{self.type} is no longer on the page")
        if value is None:
            self._at._unsent.pop(self.id, None)
            return self
        text = str(value)[: self.max_chars] if self.max_chars else str(value)
        self._at._unsent[self.id] = text
        return self._submit_staged() if self._accepts_files else self._queue_submit(widget.to_json(text))

    @property
    def _accepts_files(self) -> bool:
        return self.props.get("accept_file") not in (False, None)

    def _queue_submit(self, value: Any) -> ChatInput:
        # One submit: what was staged before is sent with it, not twice.
        self._at._outgoing = [m for m in self._at._outgoing if not (m.get("t") == "widget" and m.get("id") == self.id)]
        self._at._queue({"t": "widget", "id": self.id, "value": value})
        return self

    def _submit_staged(self) -> ChatInput:
        text = self._at._unsent.get(self.id, "")
        return self._queue_submit({"text": text, "files": list(self._at._unsent.get(("chat_files", self.id), []))})

    def _assert_accepts_files(self) -> None:
        if self.props.get("accept_file") in (False, None):
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(f"st.chat_input{key_part} does not accept files. "
                               "Pass accept_file=True, 'multiple', or 'directory'.")

    def upload(self, filename: str, content: bytes, mime_type: str = "application/octet-stream") -> ChatInput:
        """Attach a file to the next submit (``accept_file=True`` replaces the one attached)."""
        from ..runtime.uploads import UploadRefused

        self._assert_can_interact()
        self._assert_accepts_files()
        try:
            file_id = self._at.session.uploads.put(self.id, filename, bytes(content), mime_type).file_id
        except UploadRefused as refused:
            raise AppTestError(f"The app refused {filename!r}: {refused}") from None
        staged = self._at._unsent.get(("chat_files", self.id), [])
        self._at._unsent[("chat_files", self.id)] = [file_id] if self.props.get("accept_file") is True \
            else [*staged, file_id]
        return self._submit_staged()

    def clear(self) -> ChatInput:
        """Take the attached files off the next submit; text set with set_value stays."""
        self._assert_can_interact()
        self._assert_accepts_files()
        self._at._unsent.pop(("chat_files", self.id), None)
        if self.id in self._at._unsent:
            return self._submit_staged()
        self._at._outgoing = [m for m in self._at._outgoing if not (m.get("t") == "widget" and m.get("id") == self.id)]
        return self

    def __repr__(self) -> str:
        return f"ChatInput(key={self.key!r}, placeholder={self.placeholder!r})"


class Feedback(Widget):
    """``st.feedback``: the chosen index, or None."""


class Html(Element):
    """``st.html``: ``.value`` is the HTML as the script gave it."""

    @property
    def value(self) -> Any:
        return self.props.get("body")


class Image(Element):
    """``st.image``: ``.value`` is the list of the images' URLs, ``.captions`` their captions
    ("" for none), as Streamlit's AppTest reads them."""

    @property
    def value(self) -> list[str]:
        return [entry["url"] for entry in self.props.get("images", ())]

    @property
    def captions(self) -> list[str]:
        return [entry.get("caption") or "" for entry in self.props.get("images", ())]


class LinkButton(Element):
    """``st.link_button``: ``.value`` is its label, as Streamlit's AppTest reads it."""


class PageLink(Element):
    """``st.page_link``: ``.value`` is its label (the page's title when no label was given).
    Read-only, as Streamlit's: switch pages with ``AppTest.switch_page``."""

    @property
    def value(self) -> Any:
        return self.props.get("label")

    def _unsupported(self, method: str) -> Any:
        raise AppTestError(f"{method}() is not supported for page_link. Switch pages with "
                           "AppTest.switch_page(page_path).")


class DateInput(Widget):
    pass


class DateTimeInput(Widget):
    """``st.datetime_input``: ``min``, ``max`` ("YYYY-MM-DDTHH:MM"), ``step`` (seconds), ``format``.
    ``set_value`` takes a datetime (to the minute); one outside min and max, or None when the
    widget cannot be empty, sets its default (Streamlit 1.67's AppTest ends there too)."""

    min = from_props("min", text=True)
    max = from_props("max", text=True)
    format = from_props("format", text=True)

    @property
    def step(self) -> int:
        return int(self.props.get("step") or 900)

    def set_value(self, value: Any) -> DateTimeInput:
        widget = self._widget
        if widget is not None:
            try:
                widget.parse(widget.to_json(value))
            except (ValueError, TypeError, AttributeError):
                value = widget.default
        return super().set_value(value)  # type: ignore[return-value]


class TimeInput(Widget):
    @property
    def step(self) -> int:
        return int(self.props.get("step") or 900)

    def _moved(self, seconds: int) -> TimeInput:
        if self.value is None:
            return self
        moved = dt.datetime.combine(dt.date(2000, 1, 1), self.value) + dt.timedelta(seconds=seconds)
        return self.set_value(moved.time().replace(tzinfo=self.value.tzinfo))  # type: ignore[return-value]

    def increment(self) -> TimeInput:
        """The next time in the picker (as Streamlit's, it wraps at midnight)."""
        return self._moved(self.step)

    def decrement(self) -> TimeInput:
        return self._moved(-self.step)


class Pagination(Widget):
    """``st.pagination``: ``value`` is the page (from 1), ``num_pages`` and ``default`` as given;
    ``set_value(page)`` and ``select(page)`` raise, as Streamlit 1.67's, for a page that is not an
    int from 1 to ``num_pages``."""

    num_pages = from_props("num_pages", 1)
    default = from_props("default", 1)

    def set_value(self, value: Any) -> Pagination:
        self._assert_can_interact()
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= self.num_pages:
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(f"Cannot set pagination{key_part} to {value!r}. Page must be an int between 1 and "
                               f"{self.num_pages}.")
        return super().set_value(value)  # type: ignore[return-value]

    def select(self, page: int) -> Pagination:
        """As a click on that page's button."""
        return self.set_value(page)


class ColorPicker(Widget):
    def pick(self, value: str) -> ColorPicker:
        return self.set_value(value)  # type: ignore[return-value]


class _FileWidget(Widget):
    """A widget whose value is uploaded files. ``upload`` puts the bytes into the session's
    store through the checks an HTTP upload meets (the widget's types and size cap), and
    queues the value the page would then send; ``.value`` is what the last run committed."""

    _file_kind = "file"

    def _committed_ids(self) -> list[str]:
        widget = self._widget
        value = self._at.session.state.values.get(widget.state_key) if widget is not None else None
        files = value if isinstance(value, list) else [] if value is None else [value]
        return [f.file_id for f in files if hasattr(f, "file_id")]

    def _staged_ids(self) -> list[str]:
        return list(self._at._unsent.get(("files", self.id), self._committed_ids()))

    def _put(self, filename: str, content: bytes, mime_type: str) -> str:
        from ..runtime.uploads import UploadRefused

        if not isinstance(filename, str) or not isinstance(content, (bytes, bytearray, memoryview)):
            raise AppTestError(f"A {self._file_kind} is (filename: str, content: bytes, mime_type: str).")
        try:
            return self._at.session.uploads.put(self.id, filename, bytes(content), mime_type).file_id
        except UploadRefused as refused:
            raise AppTestError(f"The app refused {filename!r}: {refused}") from None

    def _stage(self, ids: list[str]) -> Any:
        # One message with the whole list, as the page sends once its uploads are done.
        self._at._outgoing = [m for m in self._at._outgoing if not (m.get("t") == "widget" and m.get("id") == self.id)]
        self._at._queue({"t": "widget", "id": self.id, "value": ids})
        self._at._unsent[("files", self.id)] = ids
        return self

    def clear(self) -> Any:
        """Remove every file, as the remove buttons do."""
        self._assert_can_interact()
        return self._stage([])


class FileUploader(_FileWidget):
    """``st.file_uploader``: ``upload(name, content, mime_type)`` adds a file (one replaces
    the file of a single-file uploader, as a drop does), ``set_value`` sets them all."""

    @property
    def accept_multiple_files(self) -> bool:
        return bool((self.props.get("upload") or {}).get("multiple"))

    @property
    def accept_directory(self) -> bool:
        return bool(self.props.get("directory"))

    @property
    def allowed_type(self) -> list[str]:
        return list((self.props.get("upload") or {}).get("types") or [])

    def upload(self, filename: str, content: bytes, mime_type: str = "application/octet-stream") -> FileUploader:
        self._assert_can_interact()
        file_id = self._put(filename, content, mime_type)
        return self._stage([*self._staged_ids(), file_id] if self.accept_multiple_files else [file_id])

    def set_value(self, files: Any) -> FileUploader:  # type: ignore[override]
        """``(filename, content, mime_type)``, a list of them, or None to clear."""
        self._assert_can_interact()
        if files is None:
            return self._stage([])
        if isinstance(files, tuple) and len(files) == 3 and isinstance(files[0], str):
            files = [files]
        files = list(files)
        if len(files) > 1 and not self.accept_multiple_files:
            raise AppTestError("Only one file is allowed: this file_uploader has accept_multiple_files=False.")
        return self._stage([self._put(*file) for file in files])


_ONE_FILE = {"camera_input": ("captures one photo", "only captures .jpg files", ".jpg", "photos use MIME type",
                              "image/jpeg"),
             "audio_input": ("records one recording", "only records .wav files", ".wav",
                             "recordings use MIME type", "audio/wav")}


class _OneFile(_FileWidget):
    """A widget that makes one file of a fixed kind (a photo, a recording)."""

    def set_value(self, file: Any) -> Any:  # type: ignore[override]
        """``(filename, content, mime_type)`` of the one file, or None to clear."""
        self._assert_can_interact()
        if file is None:
            return self._stage([])
        one, only, suffix, uses, mime = _ONE_FILE[self.type]
        if isinstance(file, list):
            raise AppTestError(f"st.{self.type} {one}. A list is not accepted.")
        if not (isinstance(file, tuple) and len(file) == 3 and isinstance(file[0], str)
                and isinstance(file[1], (bytes, bytearray)) and isinstance(file[2], str)):
            raise AppTestError(f"st.{self.type} {one}. Pass one (filename, content, mime_type) tuple whose content "
                               f"is bytes, or None to clear. Got {type(file).__name__}.")
        filename, content, mime_type = file
        if not filename.lower().endswith(suffix):
            raise AppTestError(f"st.{self.type} {only}. Got filename {filename!r}.")
        if mime_type.lower() != mime:
            raise AppTestError(f"st.{self.type} {uses} {mime!r}. Got {mime_type!r}.")
        return self._stage([self._put(filename, bytes(content), mime)])

    def upload(self, filename: str, content: bytes, mime_type: str | None = None) -> Any:
        """The one file, replacing any other."""
        return self.set_value((filename, content, mime_type or _ONE_FILE[self.type][4]))


class CameraInput(_OneFile):
    """``st.camera_input``: ``upload("shot.jpg", jpeg_bytes)`` takes a photo."""

    _file_kind = "photo"

    @property
    def resolution(self) -> str | None:
        height = self.props.get("resolution_height")
        return f"{height}p" if height in (480, 720, 1080) else None


class AudioInput(_OneFile):
    """``st.audio_input``: ``upload("clip.wav", wav_bytes)`` makes a recording."""

    _file_kind = "recording"

    @property
    def sample_rate(self) -> int | None:
        return self.props.get("sample_rate")


class UnknownWidget(_Options, Checkbox, NumberInput, _TextWidget, UnknownElement):
    """A widget AppTest has no class for (a plugin's): every setter, checked by the
    widget's own definition when it is sent."""

    def set_value(self, value: Any) -> UnknownWidget:
        return Widget.set_value(self, value)  # type: ignore[return-value]

    def input(self, value: str) -> UnknownWidget:
        return self.set_value(value)

    def pick(self, value: Any) -> UnknownWidget:
        return self.set_value(value)

    def click(self) -> UnknownWidget:
        self._assert_can_interact()
        self._at._queue({"t": "widget", "id": self.id, "value": True})
        return self

    def select(self, value: Any) -> UnknownWidget:
        current = self.value
        if isinstance(current, list):
            return self.set_value(current if value in current else [*current, value])
        return self.set_value(value)

    def unselect(self, value: Any) -> UnknownWidget:
        return self.set_value([v for v in self.value if v != value])

    def select_index(self, index: int | None) -> UnknownWidget:
        if index is None:
            return self.set_value(None)
        return self.set_value(self.options[index] if "options" in self.props else index)

    def set_range(self, lower: Any, upper: Any) -> UnknownWidget:
        return self.set_value((lower, upper))

    @property
    def index(self) -> Any:
        if "options" not in self.props:
            raise AttributeError(f"{self.type} has no options")
        return self.props.get("value")


# -- blocks -----------------------------------------------------------------------------------


class Block(Node):
    """A container; queried like ``AppTest`` (``block.button``, ``block.get("markdown")``).

    Iterating walks it in pre-order: the block itself, then everything inside.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._children: list[Node] = []

    @property
    def children(self) -> ElementList:
        """Its direct children in page order (Streamlit: a dict by position)."""
        return ElementList(self._children)

    @property
    def value(self) -> Any:
        return None

    def __len__(self) -> int:
        return len(self._children)

    def __iter__(self) -> Iterator[Node]:
        yield self
        for child in self._children:
            yield from child

    def __getitem__(self, index: int) -> Node:
        return self._children[index]

    def get(self, type: str) -> ElementList:
        """The nodes inside of a node type, an AppTest collection name or an appcore element type."""
        if type == "form_submit_button":
            return _typed_list([n for n in self.get("button") if n.props.get("is_form_submitter")])
        if type == "container":  # as Streamlit's: every flex container (a fragment is one too)
            return _typed_list([n for n in self if n is not self and isinstance(n, Block)
                                and n.type in ("container", "flex_container")])
        if type in _ALIASES:  # by node type alone: `columns` is also the element type of their row
            return _typed_list([n for n in self if n is not self and n.type == _ALIASES[type]])
        return _typed_list([n for n in self if n is not self and (n.type == type or n.element_type == type)])

    def get_by_key(self, key: str) -> Node:
        matches = [n for n in self if n is not self and n.key == key]
        if not matches:
            raise KeyError(key)
        if len(matches) > 1:
            raise AppTestError(f"Multiple elements have key {key!r}. Scope the query to a container or use a "
                               "typed collection.")
        return matches[0]

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_") and name in self.__dict__["_at"]._collection_names():
            return self.get(name)  # block.button, at.sidebar.selectbox
        return super().__getattr__(name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, key={self.key!r}, children={self._children!r})"


class Column(Block):
    """A column of ``st.columns``: ``weight`` is its share of the row (the weights sum to 1)."""

    weight = from_props("weight", 1.0)

    @property
    def gap(self) -> str | None:
        gap = self.props.get("gap")
        return gap if isinstance(gap, str) else None  # Streamlit's AppTest names sizes only


class Expander(Block):
    label = from_props("label", text=True)
    icon = from_props("icon")


class Tab(Block):
    """A tab of ``st.tabs``."""

    label = from_props("label", text=True)


class Space(Element):
    """``st.space``: ``.value`` and ``.size`` are the size it was given."""

    size = from_props("size", "small")

    @property
    def value(self) -> Any:
        return self.size
class Status(Block):
    """``st.status``: ``.label``, ``.icon`` and ``.state`` ("running", "complete" or "error")."""

    label = from_props("label", text=True)
    icon = from_props("icon", text=True)
    state = from_props("state", "running")


class ChatMessage(Block):
    """``st.chat_message``: ``name``, and ``avatar`` as Streamlit's AppTest reads it
    ("user" or "assistant" for the presets, the emoji, the icon, the image's URL; "" for none)."""

    name = from_props("name", text=True)
    avatar = from_props("avatar", text=True)


class SpecialBlock(Block):
    """``main``, ``sidebar`` and ``event`` (where dialogs open)."""


class Dialog(Block):
    """An open ``st.dialog``; ``dismiss()`` closes it as a person would."""

    def dismiss(self) -> Dialog:
        """Close it as a person would (Esc, the close button, a click outside)."""
        self._at._browser._remove(self.path)
        self._at._queue({"t": "dialog_dismissed", "id": self.props["id"]})
        return self


# -- lists ------------------------------------------------------------------------------------


class ElementList(Sequence[Any]):
    """Nodes in page order; ``lst(key)`` finds one by its user key."""

    def __init__(self, elements: Sequence[Any]):
        self._list = list(elements)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self._list)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return type(self)(self._list[index])
        return self._list[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._list)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._list == other._list
        return self._list == other

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, key: str) -> Any:
        for element in self._list:
            if element.key == key:
                return element
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._list]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._list!r})"


class WidgetList(ElementList):
    pass


class BlockList(ElementList):
    pass


def _typed_list(nodes: list[Node]) -> ElementList:
    if nodes and all(isinstance(n, Widget) for n in nodes):
        return WidgetList(nodes)
    if nodes and all(isinstance(n, Block) for n in nodes):
        return BlockList(nodes)
    return ElementList(nodes)



class ComponentInstance(UnknownWidget):
    """A custom component (Streamlit's AppTest shows an ``UnknownElement``, which this is too):
    ``set_value(v)`` sends ``v`` as the component's frontend would with ``setComponentValue``."""

    def set_value(self, value: Any) -> ComponentInstance:
        import base64

        self._assert_can_interact()
        if isinstance(value, (bytes, bytearray)):
            wire = {"bytes": base64.b64encode(bytes(value)).decode("ascii")}
        else:
            wire = {"json": value}
        self._at._queue({"t": "widget", "id": self.id, "value": wire})
        self._at._unsent[self.id] = value
        return self

# Streamlit's node classes, by node type (a plugin may name its own with ``test_class``).
NODE_CLASSES: dict[str, type[Node]] = {
    "markdown": Markdown, "caption": Caption, "latex": Latex, "divider": Divider,
    "title": Title, "header": Header, "subheader": Subheader, "text": Text, "code": Code, "json": Json,
    "metric": Metric, "error": Error, "warning": Warning, "info": Info, "success": Success,
    "exception": Exception, "help_info": Help, "dataframe": Dataframe,
    "button": Button, "menu_button": MenuButton, "checkbox": Checkbox, "toggle": Toggle, "text_input": TextInput, "text_area": TextArea,
    "number_input": NumberInput, "slider": Slider, "select_slider": SelectSlider, "selectbox": Selectbox,
    "radio": Radio, "multiselect": Multiselect, "button_group": ButtonGroup, "date_input": DateInput,
    "date_time_input": DateTimeInput, "pagination": Pagination,
    "time_input": TimeInput, "color_picker": ColorPicker, "feedback": Feedback, "html": Html,
    "link_button": LinkButton, "image": Image, "download_button": DownloadButton, "space": Space, "file_uploader": FileUploader, "camera_input": CameraInput,
    "audio_input": AudioInput, "page_link": PageLink,
    "component_instance": ComponentInstance, "progress": Progress, "toast": Toast,
    "chat_input": ChatInput,
}

BLOCK_CLASSES: dict[str, type[Block]] = {"dialog": Dialog, "column": Column, "expander": Expander, "tab": Tab, "status": Status, "chat_message": ChatMessage}

# Collection names Streamlit's AppTest has besides node types.
COLLECTION_NAMES = {"container", "form_submit_button", "help", "datetime_input", "pills", "segmented_control",
                    "button_group", "columns", "tabs", "expander", "status", "chat_message", "form", "image",
                    "html", "link_button", "toast", "table", "progress", "feedback", "page_link", "space"}


def node_class(element_types: Any, element_type: str, node_type: str, widget_id: str | None,
               is_block: bool) -> type[Node]:
    declared = element_types.get(element_type)
    own = declared.extra.get("test_class") if declared is not None else None
    if isinstance(own, str):
        module, _, name = own.partition(":")
        own = getattr(importlib.import_module(module), name)
    if own is not None:
        return own
    if is_block:
        return BLOCK_CLASSES.get(node_type, Block)
    known = NODE_CLASSES.get(node_type)
    if known is not None and issubclass(known, Widget) == (widget_id is not None):
        return known
    return UnknownWidget if widget_id is not None else UnknownElement
