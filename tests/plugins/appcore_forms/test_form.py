"""st.form and st.form_submit_button: batching and Streamlit's rules."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

SIGN_UP = """
    import appcore as st
    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    with st.form("signup", clear_on_submit=CLEAR):
        name = st.text_input("Name")
        email = st.text_input("Email")
        city = st.text_input("City", key="city")
        submitted = st.form_submit_button("Sign up")
    st.markdown(f"runs={st.session_state.runs} {name}|{email}|{city} submitted={submitted}")
"""


def sign_up(clear: bool = False) -> AppTest:
    return AppTest.from_string(SIGN_UP.replace("CLEAR", str(clear))).run()


def test_values_wait_for_the_submit_and_arrive_in_one_run():
    at = sign_up()
    for field, value in zip(at.text_input, ["Ada", "ada@example.com", "London"]):
        field.input(value).run()
    assert at.markdown[0].value == "runs=1 || submitted=False"
    at.button[0].click().run()
    assert at.markdown[0].value == "runs=2 Ada|ada@example.com|London submitted=True"
    at.run()
    assert at.markdown[0].value == "runs=3 Ada|ada@example.com|London submitted=False"
    assert at.session_state["city"] == "London"


def test_clear_on_submit_resets_the_fields_after_the_submit_run():
    at = sign_up(clear=True)
    at.text_input[0].input("Ada").run()
    at.text_input[2].input("Paris").run()
    at.button[0].click().run()
    assert at.markdown[0].value == "runs=2 Ada||Paris submitted=True"
    assert [f.props["value"] for f in at.text_input] == ["", "", ""]
    assert at.session_state["city"] == ""
    at.run()
    assert at.markdown[0].value == "runs=3 || submitted=False"


def test_enter_in_a_field_submits_with_the_first_submit_button():
    at = sign_up()
    at.text_input[0].input("Ada")
    at.send({"t": "form_submit", "form": "signup"}).run()
    assert at.markdown[0].value == "runs=2 Ada|| submitted=True"


def test_enter_does_not_submit_when_enter_to_submit_is_off():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f", enter_to_submit=False):
            value = st.text_input("A")
            st.form_submit_button()
        st.markdown(f"[{value}]")
    """).run()
    at.text_input[0].input("x")
    at.send({"t": "form_submit", "form": "f"}).run()
    assert at.markdown[0].value == "[]"


def test_only_the_clicked_submit_button_returns_true():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            save = st.form_submit_button("Save")
            delete = st.form_submit_button("Delete")
        st.markdown(f"{save} {delete}")
    """).run()
    at.button[1].click().run()
    assert at.markdown[0].value == "False True"


def test_submit_callback_runs_with_the_submitted_values():
    at = AppTest.from_string("""
        import appcore as st
        def saved():
            st.session_state.saved = st.session_state.name
        with st.form("f"):
            st.text_input("Name", key="name")
            st.form_submit_button(on_click=saved)
        st.markdown(str(st.session_state.get("saved")))
    """).run()
    at.text_input[0].input("Ada").run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Ada"


def test_a_sidebar_widget_written_inside_the_form_block_is_not_in_the_form():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            inside = st.text_input("inside")
            outside = st.sidebar.text_input("outside")
            st.form_submit_button()
        st.markdown(f"{inside}|{outside}")
    """).run()
    at.sidebar.get("text_input")[0].input("now").run()
    assert at.markdown[0].value == "|now"


def test_form_method_submit_button():
    at = AppTest.from_string("""
        import appcore as st
        form = st.form("f")
        value = form.text_input("Name")
        clicked = form.form_submit_button("Go")
        st.markdown(f"{value} {clicked}")
    """).run()
    at.text_input[0].input("Ada").run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Ada True"


@pytest.mark.parametrize("script, message", [
    ("with st.form('a'):\n    with st.form('b'):\n        pass", "Forms cannot be nested in other forms."),
    ("with st.form('a'):\n    st.form_submit_button()\nwith st.form('a'):\n    st.form_submit_button()",
     "There are multiple identical forms with `key='a'`"),
    ("with st.form('a'):\n    st.button('x')\n    st.form_submit_button()", "`st.button()` can't be used in an `st.form()`"),
    ("st.form_submit_button()", "`st.form_submit_button()` must be used inside an `st.form()`."),
    ("with st.form('a'):\n    st.text_input('x', on_change=print)\n    st.form_submit_button()",
     "Within a form, callbacks can only be defined on the `st.form_submit_button`"),
])
def test_misuse_is_shown_in_the_page(script, message):
    at = AppTest.from_string("import appcore as st\n" + script).run()
    assert message in at.exception[0].message


def test_a_form_without_a_submit_button_shows_an_error():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("fixed", False)
        with st.form("f"):
            st.text_input("x")
            if st.session_state.fixed:
                st.form_submit_button()
    """).run()
    assert at.form[0].props["missing_submit"] is True
    at.session_state["fixed"] = True
    at.run()
    assert at.form[0].props["missing_submit"] is False


def test_form_inside_a_fragment_reruns_only_the_fragment(fragment_app):
    at = fragment_app("""
        with st.form("f"):
            value = st.text_input("x")
            st.form_submit_button()
        st.markdown(f"value={value}")
    """)
    at.text_input[0].input("hi").run()
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["value=hi", "full=1"]
    assert at.runs[-1]["partial"] is not None


def test_disabled_forms_plugin_names_itself():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("still runs")
        with st.form("f"):
            pass
    """, disable_plugins=["forms"]).run()
    assert at.markdown[0].value == "still runs"
    assert "plugin 'forms', which is disabled" in at.exception[0].message


def test_clear_on_submit_clears_even_when_the_submit_handler_calls_rerun():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("items", [])
        with st.form("add", clear_on_submit=True):
            name = st.text_input("name", key="name")
            if st.form_submit_button("Add"):
                st.session_state["items"].append(name)
                st.rerun()
        st.markdown(",".join(st.session_state["items"]))
    """).run()
    at.text_input[0].input("apple")
    at.button[0].click().run()
    assert at.markdown[0].value == "apple"
    assert at.text_input[0].value == ""          # Streamlit clears the field on submit
    assert at.text_input[0].props["value"] == ""  # and the browser shows it cleared


def test_after_a_reload_a_form_field_shows_what_its_submit_will_send(reconnect):
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            name = st.text_input("name")
            ok = st.form_submit_button("Save")
        st.markdown(f"saved={name if ok else None}")
    """).run()
    at.text_input[0].input("Ada").run()  # typed, not submitted: held by the server
    reconnect(at)  # the person reloads the tab
    at._wait(5)
    assert at.text_input[0].props["value"] == "Ada"
    at.button[0].click().run()
    assert at.markdown[0].value == "saved=Ada"


def test_form_submit_button_takes_streamlit_1_67s_button_options():
    import inspect

    from appcore_forms.form import form_submit_button

    # Parameter names and kinds as inspect.signature(streamlit.form_submit_button) gives on 1.67.0.
    assert [(p.name, p.kind.name) for p in inspect.signature(form_submit_button).parameters.values()] == [
        ("label", "POSITIONAL_OR_KEYWORD"), ("help", "POSITIONAL_OR_KEYWORD"), ("on_click", "POSITIONAL_OR_KEYWORD"),
        ("args", "POSITIONAL_OR_KEYWORD"), ("kwargs", "POSITIONAL_OR_KEYWORD"), ("key", "KEYWORD_ONLY"),
        ("type", "KEYWORD_ONLY"), ("icon", "KEYWORD_ONLY"), ("icon_position", "KEYWORD_ONLY"),
        ("disabled", "KEYWORD_ONLY"), ("use_container_width", "KEYWORD_ONLY"), ("width", "KEYWORD_ONLY"),
        ("shortcut", "KEYWORD_ONLY"), ("wrap", "KEYWORD_ONLY")]
    at = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            st.text_input("Name")
            st.form_submit_button("Send", icon=":material/send:", icon_position="right", shortcut="Ctrl+Enter")
    """).run()
    props = at.button[0].props
    assert (props["icon"], props["icon_position"], props["shortcut"]) == (":material/send:", "right", "ctrl+enter")
    bad = AppTest.from_string("""
        import appcore as st
        with st.form("f"):
            st.form_submit_button("Send", icon_position="top")
    """).run()
    assert bad.exception[0].message == "Invalid `icon_position` value. Supported values: 'left', 'right'."
