"""Helpers every in-process test may ask for, as fixtures.

- ``gates``: points in an app script where its run waits for the test, so a
  test acts while a run is in flight without guessing how long it takes
  (STYLE.md: a test waits on an event, never on ``time.sleep``).
- ``refuses``: the browser sends a message the session must refuse; checks
  what a user would notice (no run, nothing stored) after the frames are
  flushed, so the check can fail.
- ``reconnect``: the tab's socket drops and it reconnects, as the server
  handles it.
- ``fragment_app``: an app around one fragment that counts its full runs.
"""
from __future__ import annotations

import sys
import textwrap
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from appcore.runtime.run import RerunRequest
from appcore.runtime.session import BadMessage
from appcore.testing import AppTest, FakeBrowser

GATES_MODULE = "appcore_test_gates"
# Far above any run here even with two suites on two cores; only a broken test waits this long.
GATE_TIMEOUT = 10.0


class Gate:
    """A point in an app script where its run stops while the test holds the gate closed.

    In the script: ``from appcore_test_gates import work`` then ``work.arrive()``.
    In the test::

        with gates.work.closed():
            session.handle_message(click)   # starts the run
            gates.work.wait_arrival()       # the run is in flight, stopped at the gate
            session.handle_message(other)   # arrives during the run
        at._wait(5)                         # the gate is open again; the runs end

    A gate is open until the test closes it, so the runs before and after pass.
    """

    def __init__(self, name: str):
        self.name = name
        self._open = threading.Event()
        self._open.set()
        self._arrived = threading.Event()
        self.timed_out = False

    def arrive(self) -> None:
        """The script's side: say the run is here, and wait while the gate is closed."""
        self._arrived.set()
        if not self._open.wait(GATE_TIMEOUT):
            self.timed_out = True
            raise AssertionError(f"gate {self.name!r} stayed closed for {GATE_TIMEOUT} s: the test never opened it")

    def close(self) -> None:
        self._arrived.clear()
        self._open.clear()

    def open(self) -> None:
        self._open.set()

    def wait_arrival(self, timeout: float = GATE_TIMEOUT) -> None:
        """Block until a run arrives at the gate (since it was closed)."""
        if not self._arrived.wait(timeout):
            raise AssertionError(f"no run arrived at gate {self.name!r} within {timeout} s")

    def run_arriving(self, at: AppTest, message: dict[str, Any]) -> Any:
        """Send ``message`` (say a click) to ``at``'s session and return the run it starts
        once that run has arrived here; the gate is open again after, so the run goes on."""
        with self.closed():
            at.session.handle_message(message)
            self.wait_arrival()
            return at.session._current

    @contextmanager
    def closed(self) -> Iterator[Gate]:
        """Closed inside the block, open after it, also when the block fails."""
        self.close()
        try:
            yield self
        finally:
            self.open()


class Gates:
    """Gates by name, made on first use by the test or by the script."""

    def __init__(self) -> None:
        self._gates: dict[str, Gate] = {}
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Gate:
        if name.startswith("_"):
            raise AttributeError(name)
        with self._lock:
            if name not in self._gates:
                self._gates[name] = Gate(name)
            return self._gates[name]

    def all(self) -> list[Gate]:
        with self._lock:
            return list(self._gates.values())


@pytest.fixture
def gates() -> Iterator[Gates]:
    """Named gates, importable by app scripts from the module ``appcore_test_gates``."""
    made = Gates()
    module = types.ModuleType(GATES_MODULE)
    module.__getattr__ = made.__getattr__  # type: ignore[method-assign]  # PEP 562: `from ... import work`
    sys.modules[GATES_MODULE] = module
    try:
        yield made
    finally:
        del sys.modules[GATES_MODULE]
        for gate in made.all():
            gate.open()  # never leave a script thread waiting
    stuck = [gate.name for gate in made.all() if gate.timed_out]
    assert not stuck, f"a run waited at gate(s) {stuck} until it gave up"


def typed(values: dict[str, Any]) -> dict[str, tuple[type, Any]]:
    """Values with their types: ``1 == True``, but a checkbox that now holds 1 changed."""
    return {key: (type(value), value) for key, value in values.items()}


@pytest.fixture
def refuses() -> Callable[..., None]:
    """``refuses(at, message, match=None)``: the session refuses ``message``
    with ``BadMessage``; once every run has ended and its frames reached the
    page, no run happened, session_state is as it was and nothing waits for
    the next run."""

    def check(at: AppTest, message: dict[str, Any], match: str | None = None) -> None:
        assert at.session.wait_idle(5), "a run was still going before the message was sent"
        at.session.flush()
        runs_started = at.session.runs_started
        runs_shown = len(at.runs)
        state = typed(at.session.state.values)
        held = typed(at.session.held_values)
        with pytest.raises(BadMessage, match=match):
            at.session.handle_message(message)
        at._wait(5)
        assert at.session.runs_started == runs_started, f"{message} started a run"
        assert len(at.runs) == runs_shown, f"{message} led to runs the page saw: {at.runs[runs_shown:]}"
        assert typed(at.session.state.values) == state, f"{message} changed session_state"
        assert typed(at.session.held_values) == held, f"{message} left a value for the next run"

    return check


@pytest.fixture
def reconnect() -> Callable[[AppTest], FakeBrowser]:
    """``reconnect(at)``: the tab's socket drops and a fresh page connects to the
    same session, as ``server._open_session`` does (attach, then a rerun). It does
    not wait for that run; ``at`` reads the new page from then on."""

    def tab_reconnects(at: AppTest) -> FakeBrowser:
        session = at.session
        fresh = FakeBrowser()
        session.detach(at._browser)
        at._browser = fresh
        session.attach(fresh)
        session.request_rerun(RerunRequest())
        return fresh

    return tab_reconnects


@pytest.fixture
def fragment_app() -> Callable[[str], AppTest]:
    """``fragment_app(body)``: an app that counts its full runs in ``session_state.full``
    (and sets ``session_state.frag`` to 0 for the fragment to count in), draws the
    fragment ``part`` with ``body``, then the markdown ``full=<n>``; run once."""

    def build(body: str) -> AppTest:
        script = ('import appcore as st\n'
                  'st.session_state.setdefault("full", 0)\n'
                  'st.session_state.setdefault("frag", 0)\n'
                  'st.session_state.full += 1\n'
                  '@st.fragment\n'
                  'def part():\n'
                  f'{textwrap.indent(textwrap.dedent(body).strip(), "    ")}\n'
                  'part()\n'
                  'st.markdown(f"full={st.session_state.full}")\n')
        return AppTest.from_string(script).run()

    return build
