"""The App: which session a tab gets (open, resume, duplicate), the same for the server and AppTest."""
from __future__ import annotations

from appcore.app import App


class Tab:
    """A browser tab that keeps what it was sent."""

    def __init__(self) -> None:
        self.frames: list[str] = []

    def wake(self, session) -> None:
        pass  # called under the session's lock: the test flushes when it reads

    def deliver(self, frame: str) -> None:
        self.frames.append(frame)


def make_app(tmp_path, source: str = "import appcore as st\nst.session_state.setdefault('n', 0)\n") -> App:
    script = tmp_path / "app.py"
    script.write_text(source)
    return App(script)


def test_a_tab_that_says_hello_without_a_session_gets_a_new_one_and_a_run(tmp_path):
    app = make_app(tmp_path)
    session = app.open_tab(Tab(), {"t": "hello", "session": None, "path": "/"})
    assert session.wait_idle(5) and session.id in app.sessions and session.runs_started == 1


def test_a_tab_that_comes_back_gets_its_session_and_its_state(tmp_path):
    app = make_app(tmp_path)
    first, again = Tab(), Tab()
    session = app.open_tab(first, {"t": "hello"})
    session.wait_idle(5)
    session.state.values["n"] = 7
    app.close_tab(session, first)
    resumed = app.open_tab(again, {"t": "hello", "session": session.id})
    resumed.wait_idle(5)
    assert resumed is session and resumed.state.values["n"] == 7


def test_a_duplicated_tab_gets_a_session_of_its_own(tmp_path):
    app = make_app(tmp_path)
    original = app.open_tab(Tab(), {"t": "hello"})
    duplicate = app.open_tab(Tab(), {"t": "hello", "session": original.id})
    assert duplicate is not original and len(app.sessions) == 2
    assert original.wait_idle(5) and duplicate.wait_idle(5)


def test_a_malformed_hello_starts_a_fresh_session_at_the_main_page(tmp_path):
    app = make_app(tmp_path)
    for hello in (None, [], {"t": "hello", "session": 5, "path": ["x"]}):
        session = app.open_tab(Tab(), hello)
        assert session.page.requested == "" and session.script_path == app.script_path
        session.wait_idle(5)


def test_a_session_expires_only_if_no_tab_came_back(tmp_path):
    app = make_app(tmp_path)
    tab = Tab()
    session = app.open_tab(tab, {"t": "hello"})
    session.wait_idle(5)
    app.close_tab(session, tab)
    app.open_tab(Tab(), {"t": "hello", "session": session.id})
    app.expire(session)
    assert session.id in app.sessions
    session.detach(session._client)
    app.expire(session)
    assert session.id not in app.sessions and session.closed


def test_a_session_is_built_from_services_not_from_the_app(tmp_path):
    app = make_app(tmp_path)
    session = app.open_tab(Tab(), {"t": "hello"})
    session.wait_idle(5)
    assert not hasattr(session, "app") and session.services is app.services
