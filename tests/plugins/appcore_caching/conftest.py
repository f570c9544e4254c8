"""Fixtures of the caching tests.

- every test starts with empty caches (they are process-wide, as Streamlit's:
  two tests with the same function would otherwise share its values);
- ``calls``: a module the app scripts import (``from appcore_test_calls import log``)
  to count what the cached function bodies did, shared by every session;
- ``clock``: the caches' clock, moved by the test (``clock.advance(61)``);
- ``app(body)``: an AppTest of ``body`` under HEAD (``st``, ``calls``, ``log`` and
  ``show(*values)``, which draws its values as one markdown).
"""
from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator

import pytest

import appcore_caching.store as store
from appcore.testing import AppTest
from appcore_caching import cache_data, cache_resource
from tests import helpers

CALLS_MODULE = "appcore_test_calls"
HEAD = ("import appcore as st\nimport appcore_test_calls as calls\nfrom appcore_test_calls import log\n"
        "def show(*values):\n    st.markdown(' '.join(map(str, values)))\n")


def app(body: str) -> AppTest:
    return helpers.app(body, HEAD)


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    cache_data.clear()
    cache_resource.clear()
    yield
    cache_data.clear()
    cache_resource.clear()


@pytest.fixture
def calls() -> Iterator[types.ModuleType]:
    module = types.ModuleType(CALLS_MODULE)
    module.log = []                       # what the cached bodies append
    module.released = []                  # what on_release received
    module.refreshed = threading.Event()  # set by a body that ran in a background refresh
    sys.modules[CALLS_MODULE] = module
    try:
        yield module
    finally:
        del sys.modules[CALLS_MODULE]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    made = Clock()
    monkeypatch.setattr(store, "TIMER", made)
    return made
