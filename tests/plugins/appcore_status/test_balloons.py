"""st.balloons and st.snow: Streamlit 1.67's node types, drawn where they are called,
and played again by every run that calls them."""
from __future__ import annotations

import pytest

from tests.helpers import run


@pytest.mark.parametrize("name", ["balloons", "snow"])
def test_the_effect_is_a_node_of_streamlits_type_in_place(name):
    # Streamlit 1.67: main {0: Text, 1: UnknownElement(type=name), 2: Text}.
    at = run(f'st.text("a")\nst.{name}()\nst.text("b")')
    assert [n.type for n in at.main.children] == ["text", name, "text"]
    assert at.get(name)[0].value is None


@pytest.mark.parametrize("name", ["balloons", "snow"])
def test_every_run_that_calls_it_plays_it_again(name):
    at = run(f"st.{name}()")
    first = at.get(name)[0].props["shot"]
    at.run()
    assert at.get(name)[0].props["shot"] != first


def test_effects_in_the_sidebar_and_a_container():
    at = run("""
        st.sidebar.balloons()
        with st.container():
            st.snow()
    """)
    assert [n.type for n in at.sidebar.children] == ["balloons"]
    assert [n.type for n in at.container[0].children] == ["snow"]
