"""``appcore.errors``: the exceptions user code catches, under Streamlit's names.

``from streamlit.errors import StreamlitAPIException`` keeps working on appcore
(with the streamlit import alias, or by changing the import line): appcore's
own errors are these classes or subclass them.
"""
from __future__ import annotations

from .runtime.errors import (
    AppcoreAPIError,
    DuplicateWidgetID,
    Error,
    MarkdownFormattedException,
    StreamlitAPIException,
)


class NoSessionContext(Error):
    """A call that needs a session ran where there is none."""


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """Misuse that is shown as a warning."""


class LocalizableStreamlitException(StreamlitAPIException):
    """Base of Streamlit's errors with a fixed message template."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    pass


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    pass


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    pass


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    pass


class StreamlitInvalidMinMaxError(LocalizableStreamlitException):
    pass


class StreamlitValueOutOfRangeError(LocalizableStreamlitException):
    pass


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    pass


class StreamlitWidgetAlreadyInstantiatedError(LocalizableStreamlitException):
    pass


class StreamlitInvalidWidthError(LocalizableStreamlitException):
    pass


class StreamlitInvalidHeightError(LocalizableStreamlitException):
    pass


class StreamlitSecretNotFoundError(LocalizableStreamlitException, FileNotFoundError):
    pass


class StreamlitPageNotFoundError(LocalizableStreamlitException):
    pass


__all__ = [
    "Error", "MarkdownFormattedException", "StreamlitAPIException", "AppcoreAPIError", "DuplicateWidgetID",
    "NoSessionContext", "StreamlitAPIWarning", "LocalizableStreamlitException", "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey", "StreamlitValueBelowMinError", "StreamlitValueAboveMaxError",
    "StreamlitInvalidMinMaxError", "StreamlitValueOutOfRangeError", "StreamlitValueAssignmentNotAllowedError",
    "StreamlitWidgetAlreadyInstantiatedError", "StreamlitInvalidWidthError", "StreamlitInvalidHeightError",
    "StreamlitSecretNotFoundError", "StreamlitPageNotFoundError",
]
