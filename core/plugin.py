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
from .runtime.run import PARTIAL, Partial, RerunRequest, Run, exception_props
from .runtime.session import BadMessage, Session
from .runtime.widgets import Widget, register_widget

__all__ = [
    "hookimpl", "current_run", "maybe_current_run", "EXCEPTION_TYPE", "Container", "ElementType",
    "add_container", "add_element", "send_message", "AppcoreAPIError", "DuplicateWidgetID",
    "PARTIAL", "Partial", "RerunRequest", "Run", "exception_props", "BadMessage", "Session",
    "Widget", "register_widget",
]
