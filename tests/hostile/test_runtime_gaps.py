"""Out-of-definition values the door cannot know about: the runtime's to refuse.

Each is marked xfail(strict=True) until the runtime refuses it, so the day it does
this file fails and the mark (and wsfuzz.KNOWN_RUNTIME_GAPS) comes off.
"""
from __future__ import annotations

import pytest

from appcore.runtime.session import BadMessage
from appcore.testing import AppTest


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="core/runtime/inputs.py TextCodec.parse takes None for any text widget "
                          "(the queue branch makes text codecs refuse null)")
@pytest.mark.parametrize("widget", ['st.text_input("T", key="t")', 'st.text_area("T", key="t")'])
def test_a_text_widget_with_a_string_default_refuses_null(widget: str) -> None:
    at = AppTest.from_string(f"import appcore as st\n{widget}\n").run()
    session = at.session
    wid = next(w.id for w in session.widgets.values() if w.key == "t")
    try:
        session.handle_message({"t": "widget", "id": wid, "value": None})
    except BadMessage:
        return
    at._wait(5)
    assert session.state.values["t"] == "", f"stored {session.state.values['t']!r}"
