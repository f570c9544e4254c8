"""The SessionStore seam: state that outlives its process (DESIGN.md §9)."""
from __future__ import annotations

import pickle
from typing import Any

import pytest

from appcore.app import App
from appcore.plugin import StashKey, hookimpl
from appcore_forms.form import TYPED
from appcore.testing import AppTest

SCRIPT = """
    import threading, appcore as st
    st.session_state.setdefault("n", 0)
    st.session_state.lock = threading.Lock()
    if st.button("+"):
        st.session_state.n += 1
    st.markdown(f"n={st.session_state.n}")
"""


class PickleStore:
    """What a Redis store plugin does, in a dict."""

    def __init__(self) -> None:
        self.saved: dict[str, bytes] = {}

    @hookimpl
    def appcore_resolve_session_store(self, app: App) -> "PickleStore":
        return self

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        kept, lost = {}, []
        for key, value in values.items():
            try:
                pickle.dumps(value)
                kept[key] = value
            except Exception:
                lost.append(key)
        self.saved[session_id] = pickle.dumps(kept)
        return lost

    def load(self, session_id: str) -> dict[str, Any] | None:
        blob = self.saved.get(session_id)
        return pickle.loads(blob) if blob is not None else None


def test_a_session_resumes_in_another_app_with_what_could_be_saved(caplog):
    store = PickleStore()
    first = AppTest.from_string(SCRIPT, plugins=[store]).run()
    first.button[0].click().run()
    assert "could not save lock" in caplog.text

    # Another process: a new App that knows the store but not the session.
    other = App(first.app.script_path, plugins=[store])
    resumed = other.new_session(first.session.id)
    assert resumed.id == first.session.id
    assert resumed.state.values["n"] == 1 and "lock" not in resumed.state.values


def test_the_default_store_saves_nothing():
    at = AppTest.from_string(SCRIPT).run()
    other = App(at.app.script_path)
    assert other.new_session(at.session.id).id != at.session.id


class FlakyStore:
    """A store plugin (Redis-like) whose save fails, as on a network blip."""

    saves = True

    @hookimpl
    def appcore_resolve_session_store(self, app: App) -> "FlakyStore":
        return self

    def save(self, session_id: str, values: dict[str, Any]) -> list[str]:
        raise ConnectionError("store unreachable")

    def load(self, session_id: str) -> dict[str, Any] | None:
        return None


def test_a_failing_session_store_does_not_leave_the_tab_running_or_the_button_pressed(caplog):
    at = AppTest.from_string("""
        import appcore as st
        st.button("go", key="go")
        st.markdown(f"go={st.session_state.go}")
    """, plugins=[FlakyStore()]).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "go=True"
    assert [r["status"] for r in at.runs] == ["complete", "complete"]
    assert at.session_state["go"] is False
    assert "the session store failed to save" in caplog.text


def test_a_snapshot_carries_the_page_its_query_and_a_forms_typed_values_to_another_app():
    store = PickleStore()
    first = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            city = st.text_input("City", key="city")
            st.form_submit_button("Send")
        st.markdown(f"city={city}")
    """, plugins=[store])
    first.query_params["tab"] = "2"
    first.run()
    first.text_input(key="city").input("Paris").run()  # held by the form: saved without a run
    assert first.markdown[0].value == "city="
    saved = pickle.loads(store.saved[first.session.id])
    assert saved["$$appcore.page"]["query"] == {"tab": ["2"]}
    assert list(saved["$$appcore.stash:forms.typed"]["f"].values()) == ["Paris"]
    assert "$$appcore.page" not in first.session_state, "internal keys stay out of st.session_state"

    other = App(first.app.script_path, plugins=[store])
    resumed = other.new_session(first.session.id)
    assert resumed.page.query == {"tab": ["2"]}
    assert "$$appcore.page" not in resumed.state.values
    assert list(resumed.stash[TYPED]["f"].values()) == ["Paris"], "the forms plugin's key finds its value"


def test_a_saved_stash_key_needs_a_name():
    with pytest.raises(ValueError, match="needs a name"):
        StashKey(saved=True)
