"""Each status element has Streamlit 1.67's signature (recorded from it with inspect)."""
from __future__ import annotations

import pytest

import appcore
from appcore_status import StatusContainer
from tests.helpers import recorded_signatures, signature

SIGNATURES = recorded_signatures(__file__)


@pytest.mark.parametrize("name", sorted(SIGNATURES["elements"]))
def test_each_status_element_has_streamlits_signature(name):
    assert signature(getattr(appcore, name)) == SIGNATURES["elements"][name]


def test_status_update_has_streamlits_signature():
    assert signature(StatusContainer.update, method=True) == SIGNATURES["status_update"]
