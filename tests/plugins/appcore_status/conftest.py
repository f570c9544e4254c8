"""Helpers for the status elements' tests."""
from __future__ import annotations

import textwrap

from appcore.testing import AppTest


def run(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\n" + textwrap.dedent(body)).run()


def error(at: AppTest) -> str:
    assert at.exception, "expected the script to fail"
    return at.exception[0].message
