"""What a plugin author imports: ``from appcore.plugin import hookimpl, add_element, ...``.

See docs/plugins.md for the contract of each piece.
"""
from .hookspecs import hookimpl
from .runtime.context import current_run, maybe_current_run
from .runtime.elements import (
    EXCEPTION_TYPE,
    Container,
    ElementType,
    add_container,
    add_element,
    send_message,
)
from .runtime.errors import AppcoreAPIError, DuplicateWidgetID
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
    check_width,
    input_widget,
    invalid_type,
    invalid_value,
    min_max_error,
    out_of_range,
    to_options,
)
from .runtime.run import PARTIAL, Partial, RerunRequest, Run, exception_props
from .runtime.session import BadMessage, Session
from .runtime.widgets import Widget, register_widget

__all__ = [
    "hookimpl", "current_run", "maybe_current_run", "EXCEPTION_TYPE", "Container", "ElementType",
    "add_container", "add_element", "send_message", "AppcoreAPIError", "DuplicateWidgetID",
    "PARTIAL", "Partial", "RerunRequest", "Run", "exception_props", "BadMessage", "Session",
    "Widget", "register_widget",
    # input widgets: the builder, its codecs, Streamlit's shared parameter types and checks
    "input_widget", "Codec", "MISSING", "MAX_FLOAT", "MAX_SAFE_INTEGER", "BoolCodec", "ClickCodec", "ColorCodec", "DateCodec", "DateTimeCodec",
    "IndexCodec", "MultiIndexCodec", "NumberCodec", "TextCodec", "TimeCodec", "Key", "Help", "OnChange", "Args",
    "Kwargs", "LabelVisibility", "Width", "WidthWithoutContent", "Bind", "PersistState", "check_width",
    "check_height", "check_label_visibility", "to_options", "invalid_value", "invalid_type", "out_of_range",
    "below_min", "above_max", "min_max_error",
]
