"""pytest fixtures for app tests (registered through the ``pytest11`` entry point).

    def test_counter(app_test):
        at = app_test("app.py").run()      # path relative to the test file
        at.button[0].click().run()
        assert at.markdown[0].value == "Count: 1"
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from . import AppTest


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
