"""What a plugin author imports: ``from appcore.plugin import hookimpl, add_element, ...``.

This module is the whole surface a plugin may use; the bundled plugins use it
and nothing else. See docs/plugins.md for the contract of each piece.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from .hookspecs import hookimpl
from .runtime.buttons import button_props, check_icon, leading_icon, normalize_shortcut
from .runtime.context import current_run, maybe_current_run
from .durations import duration_seconds
from .runtime.dataframes import is_dataframe_like, to_dataframe
from .runtime.context import lookup_api as api
from .runtime.elements import (
    EXCEPTION_TYPE,
    IDENTITY,
    Container,
    ElementType,
    add_container,
    add_element,
    next_place,
    send_message,
)
from .runtime.errors import AppcoreAPIError, CancelRequested, DuplicateWidgetID, RerunRequested, StopRequested
from .runtime.inputs import (
    MAX_FLOAT,
    MAX_SAFE_INTEGER,
    MISSING,
    Args,
    Bind,
    BoolCodec,
    ClickCodec,
    Codec,
    ColorCodec,
    DateCodec,
    DateTimeCodec,
    Help,
    IndexCodec,
    Key,
    Kwargs,
    LabelVisibility,
    MultiIndexCodec,
    NumberCodec,
    OnChange,
    PersistState,
    TextCodec,
    TimeCodec,
    Width,
    WidthWithoutContent,
    above_max,
    below_min,
    check_height,
    check_label_visibility,
    check_on_select,
    check_width,
    container_width,
    input_widget,
    markdown_html,
    invalid_type,
    invalid_value,
    min_max_error,
    out_of_range,
    to_options,
)
from .runtime.run import OUTSIDE_PARALLEL, PARTIAL, Partial, RerunRequest, Run, check_not_parallel, exception_props
from .runtime.pages import (
    Navigation,
    PageEntry,
    current_page,
    find_page,
    page_icon_and_name,
    page_sort_key,
    query_changed,
    query_params,
    run_page,
    switch_page,
    use_navigation,
)
from .runtime.media import media_url, sniff_mimetype
from .runtime.readonly import ReadOnlyState
from .runtime.recording import RecordedElement, Recording, UnplaceableElement, record_elements, replay_elements
from .errors import (
    CachedFunctionReturnedAwaitableError,
    CachedStFunctionInBackgroundModeWarning,
    CachedWidgetWarning,
    CacheReplayClosureError,
    StreamlitBadTimeStringError,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitSecretNotFoundError,
    StreamlitValueError,
    UnhashableParamError,
    UnserializableReturnValueError,
    UserHashError,
)
from .runtime.services import AppView, ClientInfo, Stash, StashKey
from .runtime.session import BadMessage, Session
from .runtime.state import SessionState
from .runtime.uploads import (
    FilesCodec,
    UploadedFile,
    UploadedFileRec,
    UploadRefused,
    Uploads,
    UploadSpec,
    normalize_file_types,
    read_only_error,
    size_display,
)
from .runtime.widgets import Widget, register_widget


T = TypeVar("T")


def contributes(value: T) -> Callable[[], T]:
    """A register hook that returns ``value`` (a copy each call): what a plugin contributes,
    written as data where a reader looks for it::

        appcore_register_api = contributes({"stars": stars})
    """
    @hookimpl
    def contribution() -> T:
        return copy.copy(value)

    return contribution


class SessionView(Protocol):
    """What a plugin may use of a session (one browser tab). Hooks and client-event
    handlers receive the real ``Session``; type your parameters with this."""

    id: str
    state: SessionState                   # st.session_state's storage
    stash: Stash                          # per-session plugin data, under your StashKey
    widgets: Mapping[str, Widget]         # widget id -> Widget, as the last run drew it
    partials: dict[str, Partial]          # partial id -> Partial (fragments, dialogs)
    client_info: ClientInfo               # what the tab told us of itself (st.context)
    uploads: Uploads                      # the files its tab uploaded, by widget (FilesCodec uses it)

    def request_rerun(self, request: RerunRequest) -> bool:
        """Queue a run (merged with a pending one where the core's rule allows);
        False if the session's queue is full and the request was refused."""

    def emit(self, path: tuple, type: str, props: dict[str, Any], widget_id: str | None,
             key: str | None) -> None:
        """Redraw the element at ``path`` outside a run (a form's changed props)."""

    def forget(self, path: tuple) -> None:
        """The browser dropped ``path`` by itself (a dismissed dialog): forget it and its widgets."""

    def parse_widget_value(self, widget: Widget, raw: Any) -> Any:
        """A value the browser sent for ``widget``, parsed by its codec; BadMessage if refused."""

    def set_widget_value(self, widget: Widget, value: Any) -> None:
        """Set a widget's value and show it without a rerun (a form cleared on submit)."""

    def save(self) -> list[str]:
        """Hand the session's state to the session store now, between runs (a form holding a
        typed value); every complete run saves by itself. Returns the keys not saved."""


class RunView(Protocol):
    """What a plugin may use of a run (one execution of the script or a partial)."""

    session: SessionView
    stash: Stash                          # per-run plugin data, under your StashKey
    status: str                           # "running", then how it ended (appcore_run_finished)
    partial: Partial | None               # the partial this run executes, None for the whole script
    active_partials: list[str]            # ids of the partials being drawn, innermost last
    triggers: set[str]                    # ids of the buttons this run handles a click of
    trigger_values: Mapping[str, Any]     # what those triggers carry, when not just True (a chat input's text)
    events: Sequence[Any]                 # what plugins handed this run through RerunRequest.events
    widget_keys: Mapping[str, Widget]     # user key -> Widget drawn by this run
    in_callbacks: bool                    # running on_change/on_click callbacks, before the script
    parallel: bool                        # a parallel partial's first run, on its worker thread

    def target(self) -> Container:
        """The container the next element is drawn into."""

    def add_partial(self, partial_id: str, body: Callable[[], Any], key: str | None = None,
                    parallel: bool = False) -> Partial:
        """Register a part of the page that can rerun alone, drawn where the call is; ``key``
        names it for ``st.rerun``; a ``parallel`` one never draws outside its container."""

    def in_partial(self, partial: Partial, container: Container) -> AbstractContextManager[Container]:
        """Run a partial's body inside its container."""

    def run_parallel(self, partial: Partial, container: Container, work: Callable[[], Any]) -> None:
        """Run ``work`` (``with run.in_partial(partial, container): ...``) on a worker thread while
        the script goes on; the run ends when the script and its workers have ended."""


__all__ = [
    "hookimpl", "contributes", "api", "AppView", "ClientInfo", "StreamlitSecretNotFoundError", "current_run", "maybe_current_run", "EXCEPTION_TYPE", "IDENTITY", "Container", "ElementType",
    "add_container", "add_element", "next_place", "send_message", "AppcoreAPIError", "DuplicateWidgetID", "RerunRequested",
    "StopRequested", "CancelRequested", "PARTIAL", "OUTSIDE_PARALLEL", "check_not_parallel", "Partial", "RerunRequest", "Run", "RunView", "exception_props", "BadMessage",
    "Session", "SessionView", "SessionState", "Stash", "StashKey", "Widget", "register_widget",
    # buttons and icons, Streamlit's way
    "button_props", "check_icon", "leading_icon", "normalize_shortcut",
    "markdown_html",
    # tables as Streamlit takes them (pandas, numpy, pyarrow, polars, dicts, lists, Styler)
    "is_dataframe_like", "to_dataframe", "duration_seconds",
    # recording what a block drew, to draw it again elsewhere (st.cache_data's replay)
    "record_elements", "replay_elements", "Recording", "RecordedElement", "UnplaceableElement",
    # what a chart widget returns: a read-only dict that reads as attributes (event.selection.points)
    "ReadOnlyState",
    # Streamlit's parameter errors, and the caches' (appcore.errors has them all)
    "StreamlitValueError", "StreamlitInvalidParameterTypeError", "StreamlitMissingRequiredParameterError",
    "StreamlitIncompatibleParametersError", "StreamlitBadTimeStringError", "UnhashableParamError", "UserHashError",
    "UnserializableReturnValueError", "CacheReplayClosureError", "CachedFunctionReturnedAwaitableError",
    "CachedWidgetWarning", "CachedStFunctionInBackgroundModeWarning",
    # input widgets: the builder, its codecs, Streamlit's shared parameter types and checks
    "input_widget", "Codec", "MISSING", "MAX_FLOAT", "MAX_SAFE_INTEGER", "BoolCodec", "ClickCodec", "ColorCodec", "DateCodec", "DateTimeCodec",
    "IndexCodec", "MultiIndexCodec", "NumberCodec", "TextCodec", "TimeCodec", "Key", "Help", "OnChange", "Args",
    "Kwargs", "LabelVisibility", "Width", "WidthWithoutContent", "Bind", "PersistState", "check_width",
    "container_width", "check_height", "check_label_visibility", "check_on_select", "to_options", "invalid_value", "invalid_type", "out_of_range",
    "below_min", "above_max", "min_max_error",
    # files the browser uploads over HTTP (docs/plugins.md, "Widgets that take files")
    "FilesCodec", "UploadSpec", "UploadedFile", "UploadedFileRec", "UploadRefused", "Uploads",
    "normalize_file_types", "read_only_error", "size_display",
    # media the page loads from the session (docs/plugins.md, "Media")
    "media_url", "sniff_mimetype",
    # pages: a source's registry, the session's page, st.query_params (docs/plugins.md, "Pages")
    "Navigation", "PageEntry", "use_navigation", "current_page", "run_page", "find_page", "switch_page",
    "query_params", "query_changed", "page_icon_and_name", "page_sort_key",
]
