"""Every example app runs headless without an error and draws something."""
from __future__ import annotations

from pathlib import Path

import pytest

from appcore.testing import AppTest

ROOT = Path(__file__).parents[1] / "examples"
EXAMPLES = sorted(ROOT.glob("*.py")) + [ROOT / "component_v1" / "app.py"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.relative_to(ROOT).with_suffix("").as_posix() for p in EXAMPLES])
def test_example_runs(example):
    at = AppTest(example, default_timeout=10).run()
    assert not at.exception, at.exception[0].message if at.exception else ""
    assert not at.errors
    assert at._browser.tree, "the example drew nothing"
