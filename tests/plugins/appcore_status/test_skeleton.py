"""st.skeleton as Streamlit 1.67 has it: standalone a placeholder like st.empty, drawn at once;
in a `with` block its place is emptied and the skeleton is a transient there (st.spinner's
mechanism), shown while the block runs and hidden after. Each tree below was checked against
Streamlit 1.67.0's AppTest running the same script."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import error, run


def skeleton_messages(at: AppTest) -> list[dict]:
    return [m for m in at._browser.messages if m["t"] == "skeleton"]


def tree(at: AppTest, root: str = "main") -> list[tuple]:
    return [(n.type, n.value) for n in getattr(at, root)]


def test_standalone_it_is_drawn_and_an_element_drawn_into_it_replaces_it():
    # 1.67: [main, skeleton, markdown 'after', text 'filled'] with UnknownElement skeleton nodes (value None).
    at = run("""
        slot = st.skeleton(height=200)
        st.markdown("after")
        other = st.skeleton()
        other.text("filled")
    """)
    assert tree(at) == [("main", None), ("skeleton", None), ("markdown", "after"), ("text", "filled")]
    assert type(at.get("skeleton")[0]).__name__ == "UnknownElement"
    assert at.get("skeleton")[0].props == {"height": 200, "width": "stretch"}
    assert not skeleton_messages(at)


def test_the_docs_standalone_example_replaces_it_with_what_is_drawn_into_it():
    # status.skeleton_standalone.py, with the dict written out as st.write draws it (no st.dataframe yet).
    at = run("""
        import time
        placeholder = st.skeleton(height=200)
        time.sleep(0.1)
        placeholder.markdown("loaded")
    """)
    assert tree(at) == [("main", None), ("markdown", "loaded")]


def test_in_a_with_block_its_place_is_emptied_and_the_page_is_told_to_show_it_there():
    # 1.67: [main, empty, markdown 'inside', success]: the place stays as an empty node and what the block
    # draws comes after it, in the container the `with` is in.
    at = run("""
        st.text("before")
        with st.skeleton(height=100, width=300):
            st.markdown("inside")
        st.success("Data loaded!")
    """)
    assert tree(at) == [("main", None), ("text", "before"), ("empty", None), ("markdown", "inside"),
                        ("success", "Data loaded!")]
    shown, hidden = skeleton_messages(at)
    assert (shown["show"], shown["at"], shown["height"], shown["width"]) == (True, "main.1", 100, 300)
    assert (hidden["show"], hidden["id"]) == (False, shown["id"])


def test_the_docs_context_example_runs():
    # status.skeleton_context.py (a shorter sleep): [main, empty, success].
    at = run("""
        import time
        with st.skeleton(height=100):
            time.sleep(0.1)
        st.success("Data loaded!")
    """)
    assert tree(at) == [("main", None), ("empty", None), ("success", "Data loaded!")]


def test_it_is_hidden_when_the_block_raises_and_the_error_shows_after_its_place():
    # 1.67: [main, empty, exception 'boom'].
    at = run("""
        with st.skeleton():
            raise ValueError("boom")
    """)
    assert tree(at) == [("main", None), ("empty", None), ("exception", "boom")]
    assert [m["show"] for m in skeleton_messages(at)] == [True, False]
    assert error(at) == "boom"


def test_a_with_takes_over_a_filled_slot_and_draws_into_the_current_container():
    # 1.67: s = st.skeleton(); s.text('a'); with s: st.text('b') -> [main, empty, text b, text c];
    # `with st.sidebar.skeleton()` writes its block to main; in a column the place is in the column.
    at = run("""
        s = st.skeleton()
        s.text("a")
        with s:
            st.text("b")
        st.text("c")
    """)
    assert tree(at) == [("main", None), ("empty", None), ("text", "b"), ("text", "c")]
    at = run("""
        st.sidebar.skeleton()
        with st.sidebar.skeleton():
            st.write("x")
        c1, c2 = st.columns(2)
        with c1.skeleton():
            st.text("y")
    """)
    assert [n.type for n in at.sidebar] == ["sidebar", "skeleton", "empty"]
    assert [n.type for n in at.main] == ["main", "markdown", "flex_container", "column", "empty", "column", "text"]
    assert [m["at"] for m in skeleton_messages(at) if m["show"]] == ["sidebar.1", "main.1.0.0"]


def test_nested_ones_each_keep_a_place():
    # 1.67: [main, empty, empty, markdown 'in', markdown 'after'].
    at = run("""
        with st.skeleton():
            with st.skeleton():
                st.markdown("in")
        st.markdown("after")
    """)
    assert tree(at) == [("main", None), ("empty", None), ("empty", None), ("markdown", "in"), ("markdown", "after")]


@pytest.mark.parametrize(("call", "message"), [
    # Each message is 1.67's for the same call.
    ("height=0", "Invalid height value: 0. Height must be either a positive integer (pixels) or 'stretch'."),
    ("height='content'", "Invalid height value: 'content'. Height must be either a positive integer (pixels) or "
                         "'stretch'."),
    ("2.5", "Invalid height value: 2.5. Height must be either a positive integer (pixels) or 'stretch'."),
    ("width='content'", "Invalid width value: 'content'. Width must be either a positive integer (pixels) or "
                        "'stretch'."),
    ("width='x'", "Invalid width value: 'x'. Width must be either a positive integer (pixels) or 'stretch'."),
])
def test_streamlits_errors(call, message):
    at = run(f"st.skeleton({call})")
    assert error(at) == message and not at.get("skeleton")


def test_stretch_and_pixels_reach_the_page():
    at = run("""
        st.skeleton(width=120, height="stretch")
        with st.container(height=300):
            st.skeleton(height="stretch")
    """)
    assert [n.props for n in at.get("skeleton")] == [{"height": "stretch", "width": 120},
                                                     {"height": "stretch", "width": "stretch"}]
