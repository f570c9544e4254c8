"""Widget identity and session_state binding (DESIGN.md §4)."""
from __future__ import annotations

from appcore.testing import AppTest


def test_duplicate_keys_name_both_widgets_and_lines():
    at = AppTest.from_string("""
        import appcore as st
        st.text_input("Name", key="name")
        st.button("Go", key="name")
    """).run()
    message = at.exception[0].message
    assert "Widget key 'name' is used twice" in message
    assert "text_input at line 3" in message and "button at line 4" in message


def test_identical_keyless_widgets_are_an_error():
    at = AppTest.from_string("""
        import appcore as st
        st.button("Go")
        st.button("Go")
    """).run()
    assert "two identical button widgets" in at.exception[0].message


def test_same_widget_in_main_and_sidebar_is_fine():
    at = AppTest.from_string("""
        import appcore as st
        st.button("Go")
        st.sidebar.button("Go")
    """).run()
    assert len(at.button) == 2 and not at.exception


def test_a_key_keeps_the_value_when_the_label_changes():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("label", "A")
        st.text_input(st.session_state.label, key="k")
    """).run()
    at.text_input[0].input("kept").run()
    at.session_state["label"] = "B"
    at.run()
    assert at.text_input[0].label == "B" and at.text_input[0].value == "kept"


def test_setting_state_before_the_widget_sets_its_value():
    at = AppTest.from_string("""
        import appcore as st
        if st.button("reset"):
            st.session_state.name = "default name"
        st.markdown(st.text_input("Name", key="name"))
    """).run()
    at.text_input[0].input("typed").run()
    assert at.markdown[0].value == "typed"
    at.button[0].click().run()
    assert at.markdown[0].value == "default name"
    assert at.text_input[0].props["value"] == "default name"


def test_setting_state_after_the_widget_is_an_error():
    at = AppTest.from_string("""
        import appcore as st
        st.text_input("Name", key="name")
        st.session_state.name = "late"
    """).run()
    assert "cannot be modified after the widget with key 'name' is instantiated" in at.exception[0].message


def test_button_values_cannot_be_set_through_state():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.go = True
        st.button("Go", key="go")
    """).run()
    assert "cannot be set using st.session_state" in at.exception[0].message


def test_session_state_mapping_api():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        del st.session_state["a"]
        st.text_input("keyless")
        st.markdown(f"{'a' in st.session_state} {'b' in st.session_state} {sorted(st.session_state)} "
                    f"{len(st.session_state)} {st.session_state.to_dict()}")
        try:
            st.session_state.missing
        except AttributeError as error:
            st.markdown(str(error))
    """).run()
    assert at.markdown[0].value == "False True ['b'] 1 {'b': 2}"
    assert 'has no attribute "missing"' in at.markdown[1].value


def test_widget_state_is_dropped_when_the_widget_is_not_drawn():
    at = AppTest.from_string("""
        import appcore as st
        if st.session_state.get("show", True):
            st.text_input("Name", key="name")
    """).run()
    at.text_input[0].input("x").run()
    assert at.session_state["name"] == "x"
    at.session_state["show"] = False
    at.run()
    assert "name" not in at.session_state


def test_a_key_reassigned_in_the_run_survives_its_widget_not_being_drawn():
    """Streamlit docs: `st.session_state.k = st.session_state.k` interrupts the widget
    clean-up, so a hidden widget's value is kept (multipage apps, tabs toggled by state)."""
    at = AppTest.from_string("""
        import appcore as st
        if "k" in st.session_state:
            st.session_state.k = st.session_state.k
        show = st.checkbox("show", value=True)
        if show:
            st.text_input("name", key="k")
        st.markdown(f"k={st.session_state.get('k')}")
    """).run()
    at.text_input[0].input("typed").run()
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "k=typed"
    at.checkbox[0].check().run()
    assert at.text_input[0].value == "typed"


def test_keyed_button_reads_true_in_its_run_then_false():
    at = AppTest.from_string("""
        import appcore as st
        st.button("Go", key="go")
        st.markdown(str(st.session_state.go))
    """).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "True"
    at.run()
    assert at.markdown[0].value == "False"


def test_chained_changes_before_one_run_build_on_each_other():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown(str(st.number_input("n", value=0, step=2)))
    """).run()
    at.number_input[0].increment().increment().increment().run()
    assert at.markdown[0].value == "6"


def test_a_callback_that_sets_the_value_back_updates_the_page():
    at = AppTest.from_string("""
        import appcore as st
        def clear():
            st.session_state.q = ""
        st.text_input("Query", key="q", on_change=clear)
    """).run()
    before = len(at._browser.messages)
    at.text_input[0].input("hello").run()
    assert at.session_state["q"] == ""
    # The page shows "hello" now, so "" is sent again although the server sent "" before.
    ops = [op for m in at._browser.messages[before:] if m["t"] == "delta" for op in m["ops"]]
    assert [op[3]["value"] for op in ops] == [""]
