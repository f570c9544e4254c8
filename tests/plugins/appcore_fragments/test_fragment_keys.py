"""@st.fragment(key=...): the name st.rerun("<key>") reruns a fragment by. Messages checked
on Streamlit 1.67.0 (a reserved or empty key fails where the decorator is applied, a key
taken by another fragment function fails at that function's call)."""
from __future__ import annotations

import inspect

import pytest

import appcore as st
from appcore.testing import AppTest


def test_the_signature_is_streamlits():
    assert str(inspect.signature(st.fragment)) == (
        "(func: 'F | None' = None, *, run_every: 'int | float | timedelta | str | None' = None, "
        "parallel: 'bool' = False, key: 'str | int | None' = None) -> 'Any'")


def reserved(key: str) -> str:
    return (f"`{key}` is a reserved name and cannot be used as a fragment key, because `st.rerun(scope=...)` "
            "reads it as a rerun level. Choose a different key for `@st.fragment(key=...)`.")


@pytest.mark.parametrize("key, message", [
    ("app", reserved("app")),
    ("fragment", reserved("fragment")),
    ("$$ID-x", "Keys beginning with $$ID are reserved."),
    ("", "Invalid `key` value. Supported values: a non-empty string."),
], ids=["app", "fragment", "like-a-widget-id", "empty"])
def test_a_reserved_or_empty_key_is_refused_where_the_decorator_is_applied(key, message):
    at = AppTest.from_string(f"""
        import appcore as st
        @st.fragment(key="{key}")
        def part():
            st.markdown("x")
        st.markdown("after the decorator")
        part()
    """).run()
    assert at.exception[0].message == message
    assert at.markdown.values == []


def test_two_fragment_functions_with_one_key_are_an_error_at_the_second():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment(key="k")
        def a():
            st.markdown("a")
        @st.fragment(key="k")
        def b():
            st.markdown("b")
        a()
        a()
        b()
    """).run()
    assert at.markdown.values == ["a", "a"]
    assert at.exception[0].message == (
        "There are multiple elements with the same `key='k'`. To fix this, please make sure that the `key` "
        "argument is unique for each element you create.")
    assert at.exception[0].path == ("main", 2)


def test_a_key_is_free_again_in_the_next_run():
    at = AppTest.from_string("""
        import appcore as st
        @st.fragment(key="k")
        def a():
            st.markdown("a")
        a()
    """).run()
    at.run()
    assert not at.exception and at.markdown.values == ["a"]
