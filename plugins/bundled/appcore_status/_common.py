"""What the status elements share: Streamlit's clean_text, and one-shot numbers.

One-shot effects: a toast or balloons drawn again must show again.

The server sends an element only when it differs from what the page shows, so an
identical ``st.balloons()`` in the next run would be skipped. Each draw carries a
number that is new in its session, and the page plays the effect once per number.
"""
from __future__ import annotations

import textwrap

from typing import Any

from appcore.plugin import StashKey, current_run, send_message

SHOTS = StashKey[int]("status elements: the last one-shot number of this session")


def next_shot() -> int:
    stash = current_run().session.stash
    shot = stash.get(SHOTS, 0) + 1
    stash[SHOTS] = shot
    return shot


def clean_text(text: object) -> str:
    """Streamlit's clean_text: str, dedented, stripped."""
    return textwrap.dedent(str(text)).strip()


def show_transient(kind: str, at: tuple, props: dict[str, Any]) -> int:
    """Tell the page to show a transient of ``kind`` (its module's message type: st.spinner's,
    st.skeleton's) at the place ``at``, after half a second (_transient.js); returns its id."""
    shot = next_shot()
    send_message({"t": kind, "show": True, "id": shot, "at": ".".join(map(str, at)), **props})
    return shot


def hide_transient(kind: str, shot: int) -> None:
    """Take it away; if the run is being stopped this raises, and the page's end of run removes it."""
    send_message({"t": kind, "show": False, "id": shot})
