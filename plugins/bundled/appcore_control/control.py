"""``st.rerun`` and ``st.stop``: the control flow every other primitive builds on."""
from __future__ import annotations

import logging
from typing import Literal, NoReturn

from appcore.plugin import AppcoreAPIError, RerunRequested, StopRequested, current_run

log = logging.getLogger("appcore.control")


def rerun(scope: Literal["app", "fragment"] = "app") -> NoReturn:
    """End this run at once and start another.

    ``scope="fragment"`` reruns only the fragment that is running; it is an
    error outside a fragment. Inside a widget callback this is a no-op with a
    warning, as in Streamlit.
    """
    run = current_run()
    if scope not in ("app", "fragment"):
        raise AppcoreAPIError(f"st.rerun(scope=...) must be 'app' or 'fragment', got {scope!r}.")
    if run.in_callbacks:
        log.warning("Calling st.rerun() within a callback is a no-op.")
        return  # type: ignore[return-value]
    if scope == "fragment" and run.partial is None:
        raise AppcoreAPIError(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
            "during fragment reruns."
        )
    raise RerunRequested(scope)


def stop() -> NoReturn:
    """End this run at once. What was drawn before stays; what came after it last run goes."""
    current_run()
    raise StopRequested()
