"""Bundled plugin: ``@st.fragment``, a part of the page that reruns alone.

A fragment is a core *partial*: the core snapshots where it draws and can run
its body by itself. This plugin adds the decorator, the container element,
the timer ticks of ``run_every`` (kept by the browser, so they stop with the
tab or when a full run no longer draws the fragment) and the rule that a
fragment's widgets stay inside it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import OUTSIDE_PARALLEL, PARTIAL, BadMessage, ElementType, RerunRequest, RunView, SessionView, \
    Widget, contributes, hookimpl

from .fragment import experimental_fragment, fragment

HERE = Path(__file__).parent


# A flex container in AppTest, as Streamlit draws it.
appcore_register_elements = contributes([ElementType("fragment", HERE / "fragment.js", extra={"test_type": "flex_container"})])
appcore_register_api = contributes({"fragment": fragment, "experimental_fragment": experimental_fragment})


def on_tick(session: SessionView, message: dict[str, Any]) -> None:
    """A ``run_every`` timer fired in the browser: rerun that fragment alone."""
    fragment_id = message.get("id")
    if not isinstance(fragment_id, str):
        raise BadMessage("fragment_tick needs a string id")
    if fragment_id not in session.partials:
        return  # the fragment went away while the tick was in flight
    session.request_rerun(RerunRequest(partial=fragment_id, auto=True))


@hookimpl
def appcore_check_widget(run: RunView, widget: Widget) -> str | None:
    if run.active_partials and widget.scope.get(PARTIAL) != run.active_partials[-1]:
        partials = run.session.partials
        if any(getattr(partials.get(p), "parallel", False) for p in run.active_partials):
            return OUTSIDE_PARALLEL
        return ("Fragments cannot write widgets to outside containers. "
                f"The {widget.type} at line {widget.line or '?'} is drawn outside the fragment that creates it.")
    return None


appcore_register_client_events = contributes({"fragment_tick": on_tick})
