"""``appcore.errors``: the exceptions user code catches, under Streamlit's names.

``from streamlit.errors import StreamlitAPIException`` keeps working on appcore
(with the streamlit import alias, or by changing the import line): appcore's
own errors are these classes or subclass them.
"""
from __future__ import annotations

from collections.abc import Collection

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


def _listed(names: Collection[str]) -> str:
    """``"'a', 'b'"`` from ``["'a'", "'b'"]``; a lone string is one name, not its letters."""
    return names if isinstance(names, str) else ", ".join(names)


class StreamlitValueError(LocalizableStreamlitException):
    """A parameter got a value outside the values it takes."""

    def __init__(self, parameter: str, valid_values: Collection[str], *, detail: str | None = None):
        message = f"Invalid `{parameter}` value. Supported values: {_listed(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitInvalidParameterTypeError(LocalizableStreamlitException):
    """A parameter got a value of a type it does not take."""

    def __init__(self, parameter: str, provided_type: str, expected_types: Collection[str], *,
                 detail: str | None = None):
        message = (f"Invalid `{parameter}` type. Expected one of: {_listed(expected_types)}. "
                   f"Provided type: {provided_type}.")
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitMissingRequiredParameterError(LocalizableStreamlitException):
    """A parameter that is required here is missing."""

    def __init__(self, parameter: str, *, detail: str | None = None):
        message = f"The `{parameter}` parameter is required."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitIncompatibleParametersError(LocalizableStreamlitException):
    """Two or more parameters cannot be used together."""

    def __init__(self, first_use: str, second_use: str, *other_uses: str, explanation: str | None = None):
        quoted = [f"`{use}`" for use in (first_use, second_use, *other_uses)]
        uses = " and ".join(quoted) if len(quoted) == 2 else ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
        message = f"{uses} cannot be used together."
        super().__init__(f"{message} {explanation}" if explanation else message)


class StreamlitBadTimeStringError(LocalizableStreamlitException):
    """A duration string (a cache's ``ttl``) could not be read."""

    def __init__(self, time_string: str):
        super().__init__("Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
                         f"for example. Got: {time_string}")


# -- st.cache_data / st.cache_resource (Streamlit keeps these in runtime.caching.cache_errors) --


class CacheError(Error):
    """A cached value could not be written or read (pickling failed)."""


class UnhashableParamError(StreamlitAPIException):
    """An argument of a cached function cannot be hashed into the cache key."""


class UserHashError(StreamlitAPIException):
    """A function given in ``hash_funcs`` raised."""


class UnserializableReturnValueError(MarkdownFormattedException):
    """``st.cache_data``'s function returned something pickle cannot store."""


class CacheReplayClosureError(StreamlitAPIException):
    """A cached function drew into a container made outside it: its elements cannot be replayed."""


class CachedFunctionReturnedAwaitableError(StreamlitAPIException):
    """A synchronous cached function returned an awaitable."""


class CachedWidgetWarning(StreamlitAPIWarning):
    """A widget was drawn inside a cached function (shown as a warning, not raised)."""


class CachedStFunctionInBackgroundModeWarning(StreamlitAPIWarning):
    """A ``refresh_mode="background"`` cached function drew elements (they are not replayed)."""


__all__ = [
    "Error", "MarkdownFormattedException", "StreamlitAPIException", "AppcoreAPIError", "DuplicateWidgetID",
    "NoSessionContext", "StreamlitAPIWarning", "LocalizableStreamlitException", "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey", "StreamlitValueBelowMinError", "StreamlitValueAboveMaxError",
    "StreamlitInvalidMinMaxError", "StreamlitValueOutOfRangeError", "StreamlitValueAssignmentNotAllowedError",
    "StreamlitWidgetAlreadyInstantiatedError", "StreamlitInvalidWidthError", "StreamlitInvalidHeightError",
    "StreamlitSecretNotFoundError", "StreamlitPageNotFoundError", "StreamlitValueError",
    "StreamlitInvalidParameterTypeError", "StreamlitMissingRequiredParameterError",
    "StreamlitIncompatibleParametersError", "StreamlitBadTimeStringError", "CacheError", "UnhashableParamError",
    "UserHashError", "UnserializableReturnValueError", "CacheReplayClosureError",
    "CachedFunctionReturnedAwaitableError", "CachedWidgetWarning", "CachedStFunctionInBackgroundModeWarning",
]
