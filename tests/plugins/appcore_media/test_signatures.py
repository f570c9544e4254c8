"""Each media element has Streamlit 1.67's signature (recorded from it with inspect)."""
from __future__ import annotations

import pytest

import appcore
from tests.helpers import recorded_signatures, signature

SIGNATURES = recorded_signatures(__file__)


@pytest.mark.parametrize("name", sorted(SIGNATURES["elements"]))
def test_each_media_element_has_streamlits_signature(name):
    assert signature(getattr(appcore, name)) == SIGNATURES["elements"][name]
