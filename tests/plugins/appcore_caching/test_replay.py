"""What a cached function draws is drawn again on a hit, where the call is now
(Streamlit 1.67's rules); widgets inside warn; the spinner while computing."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import error, texts

from .conftest import app


def test_elements_are_replayed_on_a_hit_into_the_current_container(calls) -> None:
    at = app("""
        @st.cache_data
        def load():
            log.append(1)
            with st.container(border=True):
                st.markdown("in box")
                st.sidebar.markdown("side")
            slot = st.empty()
            slot.markdown("one")
            slot.markdown("two")
            return 1
        load()
        st.markdown("---")
        with st.container():
            load()
        st.markdown("after")
    """).run()
    assert calls.log == [1]
    main = at.main
    assert [m.value for m in main.markdown] == ["in box", "two", "---", "in box", "two", "after"]
    assert [m.value for m in at.sidebar.markdown] == ["side", "side"]
    replayed = main[3]                                   # the `with st.container()` of the second call
    assert [m.value for m in replayed.markdown] == ["in box", "two"]
    assert replayed[0].type == main[0].type              # the bordered box, drawn again inside it
    at.run()                                             # every call a hit now: the same page
    assert [m.value for m in at.main.markdown] == ["in box", "two", "---", "in box", "two", "after"]
    assert calls.log == [1]


def test_replayed_elements_take_their_places_between_the_scripts_own(calls) -> None:
    at = app("""
        @st.cache_resource
        def banner(text):
            st.markdown(f"banner {text}")
            return text
        st.markdown("top")
        banner("a")
        st.markdown("middle")
        banner("a")
        banner("b")
        st.markdown("bottom")
    """).run()
    assert texts(at) == ["top", "banner a", "middle", "banner a", "banner b", "bottom"]


@pytest.mark.parametrize("block", ["st.container()", "st.empty()"])
def test_drawing_into_a_block_made_outside_is_streamlits_error_on_the_hit(calls, block: str) -> None:
    at = app(f"""
        outside = {block}
        @st.cache_data
        def load():
            outside.markdown("x")
            return 1
        load()
        load()
    """).run()
    assert texts(at) == ["x"]                            # the miss drew it
    assert error(at, "CacheReplayClosureError") == (
        "While running `load()`, a streamlit element is called on some layout block\ncreated outside the function. "
        "This is incompatible with replaying the cached\neffect of that element, because the referenced block might "
        "not exist when\nthe replay happens.\n\nHow to fix this:\n* Move the creation of that layout block inside "
        "`load()`.\n* Move the call to the streamlit element outside of `load()`.\n* Remove the `@st.cache_data` "
        "decorator from `load()`.")


def test_a_widget_in_a_cached_function_is_drawn_after_streamlits_warning(calls) -> None:
    at = app("""
        @st.cache_data
        def pick():
            log.append(1)
            st.button("press")
            st.markdown("after")
            return 1
        pick()
    """).run()
    [warning] = at.exception
    assert warning.is_warning and warning.is_markdown
    assert warning.message == (
        "Your script uses a widget command in a cached function\n(function decorated with `@st.cache_data` or "
        "`@st.cache_resource`).\nThis code will only be called when we detect a cache \"miss\",\nwhich can lead to "
        "unexpected results.\n\nTo fix this, move all widget commands outside the cached function.")
    assert any("pick()" in line for line in warning.stack_trace)
    assert [b.label for b in at.button] == ["press"] and texts(at) == ["after"]
    at.run()                                             # a hit: the same page, replayed (as in Streamlit)
    assert len(at.exception) == 1 and [b.label for b in at.button] == ["press"] and texts(at) == ["after"]
    assert calls.log == [1]


def spinners(at: AppTest) -> list[dict]:
    return [m for m in at._browser.messages if m["t"] == "cache_spinner"]


def test_show_spinner_default_text_and_custom_text(calls) -> None:
    at = app("""
        @st.cache_data
        def plain():
            return 1
        @st.cache_data
        def args(x):
            return x
        @st.cache_resource(show_spinner="Loading the model...")
        def model():
            return 2
        @st.cache_data(show_spinner=False)
        def quiet():
            return 3
        st.markdown("first")
        plain(); args(1); model(); quiet()
    """).run()
    shown = [m for m in spinners(at) if m["state"] == "show"]
    assert [m["text"] for m in shown] == ["Running `plain()`.", "Running `args(...)`.", "Loading the model..."]
    assert [m["at"] for m in shown] == ["main"] * 3 and shown[0]["index"] == 1   # just after "first"
    hidden = {m["id"] for m in spinners(at) if m["state"] == "hide"}
    assert hidden == {m["id"] for m in shown}                                    # each one taken away
    at.run()
    assert len(spinners(at)) == 6                                                # hits show none


def test_a_nested_cached_function_shows_only_the_outer_spinner(calls) -> None:
    at = app("""
        @st.cache_data
        def inner():
            return 1
        @st.cache_data(show_time=True)
        def outer():
            return inner() + 1
        outer()
    """).run()
    assert [m["text"] for m in spinners(at) if m["state"] == "show"] == ["Running `outer()`."]
    assert spinners(at)[0]["show_time"] is True


def test_nested_cached_functions_replay_inner_elements_with_the_outer(calls) -> None:
    at = app("""
        @st.cache_data
        def inner(x):
            log.append(("inner", x))
            st.markdown(f"inner {x}")
            return x
        @st.cache_data
        def outer():
            log.append("outer")
            st.markdown("outer")
            return inner(1) + inner(2)
        inner(1)
        outer()
    """).run()
    at.run()
    assert texts(at) == ["inner 1", "outer", "inner 1", "inner 2"]
    assert calls.log == [("inner", 1), "outer", ("inner", 2)]


def test_background_mode_does_not_replay_and_warns_about_elements(calls) -> None:
    at = app("""
        @st.cache_data(ttl=60, refresh_mode="background")
        def load():
            st.markdown("drawn")
            return 1
        load()
    """).run()
    assert texts(at) == ["drawn"]
    assert at.exception[0].is_warning
    assert at.exception[0].message.startswith(
        '`load()` is decorated with `@st.cache_data(refresh_mode="background")`\nand uses a Streamlit display command')
    at.run()
    assert texts(at) == [] and not at.exception


def test_a_container_the_function_returns_takes_later_elements_after_the_replayed_ones(calls) -> None:
    at = app("""
        @st.cache_resource
        def panel():
            box = st.container()
            box.markdown("drawn by the function")
            return box
        panel().markdown("added by the script")
    """).run()
    at.run()                                             # a hit: the replayed box gets the script's element after
    assert texts(at) == ["drawn by the function", "added by the script"]


def test_async_cached_functions_side_by_side_record_only_their_own_elements(calls) -> None:
    at = app("""
        import asyncio
        @st.cache_data
        async def part(name):
            await asyncio.sleep(0)
            st.markdown(f"{name} 1")
            await asyncio.sleep(0.01)   # the other task draws meanwhile
            st.markdown(f"{name} 2")
            return name
        async def main():
            await asyncio.gather(part("a"), part("b"))
        asyncio.run(main())
    """).run()
    first = texts(at)
    assert sorted(first) == ["a 1", "a 2", "b 1", "b 2"]
    at.run()                                             # hits: each replays its own two elements
    assert texts(at) == ["a 1", "a 2", "b 1", "b 2"]
