"""Each media element has Streamlit 1.67's signature (recorded from it with inspect)."""
from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import appcore

SIGNATURES = json.loads((Path(__file__).parent / "streamlit_1_67_signatures.json").read_text(encoding="utf-8"))


def signature(function: object) -> list[list[str]]:
    return [[p.name, p.kind.name, "<required>" if p.default is inspect.Parameter.empty else repr(p.default)]
            for p in inspect.signature(function).parameters.values() if p.name != "self"]


@pytest.mark.parametrize("name", sorted(SIGNATURES["elements"]))
def test_each_media_element_has_streamlits_signature(name):
    assert signature(getattr(appcore, name)) == SIGNATURES["elements"][name]
