"""st.rerun(scope=<fragment key or keys>) from a widget callback, and @st.fragment(key=...).

Checked on Streamlit 1.67.0's AppTest: a callback's st.rerun("charts") reruns only that
fragment (the script body does not run); a list reruns each named fragment; an unknown
key, a key from the script body, a reserved or empty name and bad types give the messages
below, with the script not run after a failing callback; plain st.rerun() in a callback
is one full run. (Streamlit's AppTest reruns the whole script for a click in a fragment;
appcore's, as the browser, reruns the fragment: there st.rerun("fragment") in the
callback reruns it, as a browser's fragment rerun does on Streamlit.)"""
from __future__ import annotations

import pytest

from appcore.runtime.run import RerunRequest
from appcore.testing import AppTest

APP = """
    import appcore as st
    ss = st.session_state
    for name in ("body", "charts", "table", "other"):
        ss.setdefault(name, 0)
    ss.body += 1

    @st.fragment(key="charts")
    def charts():
        ss.charts += 1
        st.markdown(f"charts {ss.charts}")

    @st.fragment(key=7)
    def table():
        ss.table += 1
        st.markdown(f"table {ss.table}")

    @st.fragment
    def other():
        ss.other += 1
        st.markdown(f"other {ss.other}")
        st.button("inner", key="inner", on_click=lambda: st.rerun("charts"))
        st.button("inner self", key="inner_self", on_click=lambda: st.rerun("fragment"))
        st.button("inner app", key="inner_app", on_click=lambda: st.rerun())

    charts()
    table()
    other()
    st.button("refresh", key="refresh", on_click=lambda: st.rerun("charts"))
    st.button("both", key="both", on_click=lambda: st.rerun(["charts", 7, "charts"]))
    st.button("plain", key="plain", on_click=lambda: st.rerun())
    st.markdown(f"body {ss.body}")
"""


def counts(at: AppTest) -> tuple[int, int, int, int]:
    ss = at.session_state
    return ss["body"], ss["charts"], ss["table"], ss["other"]


def test_a_key_from_a_callback_reruns_only_that_fragment():
    at = AppTest.from_string(APP).run()
    at.button(key="refresh").click().run()
    assert counts(at) == (1, 2, 1, 1)
    assert at.markdown.values == ["charts 2", "table 1", "other 1", "body 1"]


def test_a_list_of_keys_reruns_each_named_fragment_once():
    at = AppTest.from_string(APP).run()
    at.button(key="both").click().run()
    assert counts(at) == (1, 2, 2, 1)


def test_a_callback_inside_another_fragment_reruns_the_named_one_instead():
    at = AppTest.from_string(APP).run()
    at.button(key="inner").click().run()
    assert counts(at) == (1, 2, 1, 1)  # "other", where the click was, does not rerun


def test_scope_fragment_in_a_callback_of_a_fragment_widget_reruns_that_fragment():
    at = AppTest.from_string(APP).run()
    at.button(key="inner_self").click().run()
    assert counts(at) == (1, 1, 1, 2)


@pytest.mark.parametrize("button", ["plain", "inner_app"])
def test_plain_rerun_in_a_callback_is_one_full_run(button):
    at = AppTest.from_string(APP).run()
    at.button(key=button).click().run()
    assert counts(at) == (2, 2, 2, 2)
    assert len(at.runs) == 2


def test_call_sites_sharing_a_key_rerun_together():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("calls", [])
        @st.fragment(key="tile")
        def tile(name):
            st.session_state.calls.append(name)
            st.markdown(name)
        tile("a")
        tile("b")
        st.button("go", on_click=lambda: st.rerun("tile"))
    """).run()
    at.session_state["calls"].clear()
    at.button[0].click().run()
    assert sorted(at.session_state["calls"]) == ["a", "b"]
    assert at.markdown.values == ["a", "b"]


SIBLINGS = """
    import appcore as st
    ss = st.session_state
    ss.setdefault("body", 0); ss.setdefault("charts", 0)
    ss.body += 1

    @st.fragment(key="charts")
    def charts():
        ss.charts += 1

    charts()
    st.text_input("a", key="a", on_change=lambda: st.rerun("charts"))
    st.text_input("b", key="b", on_change={second})
"""


def change_both(at: AppTest) -> None:
    """Both fields changed in one interaction: two values that arrive together (or while a
    run is in flight, merged into one request) are one run, whose two callbacks both run."""
    values = {at.text_input(key="a").id: "x", at.text_input(key="b").id: "y"}
    at.session.request_rerun(RerunRequest(values=values))
    at._wait(5)


def test_a_sibling_callback_that_returns_normally_escalates_to_a_full_run():
    at = AppTest.from_string(SIBLINGS.replace("{second}", "lambda: None")).run()
    change_both(at)
    assert (at.session_state["body"], at.session_state["charts"]) == (2, 2)


def test_siblings_that_all_name_fragments_rerun_only_those():
    at = AppTest.from_string(SIBLINGS.replace("{second}", 'lambda: st.rerun("charts")')).run()
    change_both(at)
    assert (at.session_state["body"], at.session_state["charts"]) == (1, 2)
    assert at.session_state["b"] == "y"  # the other values are applied all the same


ERRORS = {
    '"nope"': "No fragment found for target 'nope'. Pass the same `key` you set on `@st.fragment(key=...)`, "
              "and make sure that fragment has rendered at least once.",
    "5": "No fragment found for target '5'. Pass the same `key` you set on `@st.fragment(key=...)`, "
         "and make sure that fragment has rendered at least once.",
    '["app"]': "Invalid `scope` value. Supported values: fragment keys. 'app' is a reserved scope name and "
               "cannot appear inside a list. Pass 'app' directly as a string.",
    "[]": "Invalid `scope` value. Supported values: 'app', 'fragment', a fragment key, a list of keys. "
          "Got an empty list.",
    '""': "Invalid `scope` value. Supported values: 'app', 'fragment', a fragment key, a list of keys. "
          "Got an empty string.",
    'b"x"': "Invalid `scope` type. Expected one of: str, int, list[str | int]. Provided type: bytes.",
    "None": "Invalid `scope` type. Expected one of: str, int, list[str | int]. Provided type: NoneType.",
    "[1.5]": "Invalid `scope list items` type. Expected one of: str, int. Provided type: float.",
    '["charts", ""]': "Invalid `scope list items` value. Supported values: non-empty strings or ints. "
                      "Found an empty string in the list.",
    '"fragment"': 'scope="fragment" can only be specified from `@st.fragment`-decorated functions during '
                  "fragment reruns.",
}


@pytest.mark.parametrize("scope", ERRORS, ids=ERRORS)
def test_a_bad_scope_in_a_callback_is_streamlits_error_and_the_script_does_not_run(scope):
    at = AppTest.from_string(f"""
        import appcore as st
        st.session_state.setdefault("body", 0)
        st.session_state.body += 1
        @st.fragment(key="charts")
        def charts():
            st.markdown("charts")
        charts()
        st.button("go", on_click=lambda: st.rerun({scope}))
    """).run()
    at.button[0].click().run()
    assert at.exception[0].message == ERRORS[scope]
    assert at.session_state["body"] == 1


KEY_OUTSIDE_CALLBACK = (
    "Passing a fragment key to `st.rerun()` is only allowed from a widget callback (e.g. `on_change` / "
    "`on_click`). Calling it from the main script body or a fragment body would abort the current run. If you "
    "meant to rerun the whole app or the current fragment, use `scope='app'` or `scope='fragment'`.")


@pytest.mark.parametrize("where", ["the script body", "a fragment body"])
def test_a_key_outside_a_callback_is_streamlits_error(where):
    call = 'st.rerun("charts")'
    at = AppTest.from_string(f"""
        import appcore as st
        @st.fragment(key="charts")
        def charts():
            st.markdown("charts")
            if {where == "a fragment body"}:
                {call}
        charts()
        if {where == "the script body"}:
            {call}
        st.markdown("after")
    """).run()
    assert at.exception[0].message == KEY_OUTSIDE_CALLBACK
