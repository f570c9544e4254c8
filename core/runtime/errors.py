"""Errors user code sees, and the control-flow signals the runtime raises.

Control flow derives from BaseException so that a user's ``except Exception``
cannot swallow a rerun or a stop.
"""
from __future__ import annotations


class Error(Exception):
    """Base of the errors appcore raises (Streamlit's ``streamlit.errors.Error``)."""


class MarkdownFormattedException(Error):
    """An error whose message is shown as markdown in the page."""


class AppcoreAPIError(MarkdownFormattedException):
    """Misuse of the appcore API, shown in the page where it happened.

    It is Streamlit's ``StreamlitAPIException`` (the same class), so ported
    ``except StreamlitAPIException`` blocks catch appcore's errors.
    """


StreamlitAPIException = AppcoreAPIError


class DuplicateWidgetID(AppcoreAPIError):
    pass


class ScriptControl(BaseException):
    """Base of the signals that end a run early."""


class RerunRequested(ScriptControl):
    """``st.rerun()``: end this run and start another (scope "app" or "fragment").

    ``targets`` are the ids of the partials to rerun instead of the interaction's
    default (``st.rerun("<fragment key>")`` from a widget callback)."""

    def __init__(self, scope: str = "app", targets: tuple[str, ...] = ()):
        super().__init__(scope)
        self.scope = scope
        self.targets = targets


class StopRequested(ScriptControl):
    """``st.stop()``: end this run; what was drawn stays, what came after goes."""


class CancelRequested(StopRequested):
    """The run is stopped from outside the script: the page's Stop control, the end of
    its session, ``[runner] max_run_seconds``. Raised at the next ``st`` call, and
    asynchronously into the script's thread when it makes none (``Run.request_stop``)."""


class RunInterrupted(ScriptControl):
    """A newer rerun request is pending: this run yields to it at a checkpoint."""
