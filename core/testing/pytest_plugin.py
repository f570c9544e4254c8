"""pytest fixtures for app tests (registered through the ``pytest11`` entry point).

    def test_counter(app_test):
        at = app_test("app.py").run()      # path relative to the test file
        at.button[0].click().run()
        assert at.markdown[0].value == "Count: 1"

It also lets a Streamlit project's tests run unchanged on appcore: when the real
Streamlit is not installed, ``from streamlit.testing.v1 import AppTest`` in a test
file is appcore's (the ``streamlit_alias`` ini option: ``auto``, the default,
``true`` to map it even beside a real Streamlit, ``false`` never).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import importlib.util

import pytest

from .. import streamlit_alias
from . import AppTest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("streamlit_alias", "serve `import streamlit` in test files with appcore: auto (when Streamlit "
                  "is not installed), true or false", default="auto")


def pytest_configure(config: pytest.Config) -> None:
    # Before collection: test modules import `streamlit.testing.v1` at their top.
    choice = str(config.getini("streamlit_alias")).strip().lower()
    if choice not in {"auto", "true", "false"}:
        raise pytest.UsageError(f"streamlit_alias must be auto, true or false, not {choice!r}")
    if choice == "true" or (choice == "auto" and not streamlit_alias.installed()
                            and importlib.util.find_spec(streamlit_alias.ALIASED) is None):
        streamlit_alias.install()


@pytest.fixture
def app_test(request: pytest.FixtureRequest) -> Iterator[Callable[..., AppTest]]:
    """Make an AppTest from a path relative to the test file; sessions are closed afterwards."""
    made: list[AppTest] = []

    def make(script: str | Path, **options: Any) -> AppTest:
        path = Path(script)
        if not path.is_absolute():
            path = Path(str(request.path)).parent / path
        at = AppTest(path, **options)
        made.append(at)
        return at

    yield make
    for at in made:
        if at._app is not None:
            for session in list(at._app.sessions.values()):
                at._app.close_session(session)
