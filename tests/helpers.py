"""Helpers the in-process tests share: an AppTest of a script body, its error, its markdown.

Import them as ``from tests.helpers import run, error`` (pytest's importlib mode
resolves ``tests`` from the rootdir).
"""
from __future__ import annotations

import textwrap

from appcore.testing import AppTest

HEAD = "import appcore as st\n"
# What Streamlit 1.67 adds to every refused icon's message.
ICON_HINT = "Please use a single emoji or a Material icon shortcode like `:material/thumb_up:`."


def app(body: str, head: str = HEAD) -> AppTest:
    """An AppTest of ``head`` and the dedented ``body``, not yet run."""
    return AppTest.from_string(head + textwrap.dedent(body))


def run(body: str, head: str = HEAD) -> AppTest:
    """``app(body, head)``, run once."""
    return app(body, head).run()


def error(at: AppTest) -> str:
    """The message of the exception the script ended with."""
    assert at.exception, "expected the script to fail"
    return at.exception[0].message


def texts(at: AppTest) -> list[str]:
    """What the markdown elements say, in page order."""
    return [m.value for m in at.markdown]
