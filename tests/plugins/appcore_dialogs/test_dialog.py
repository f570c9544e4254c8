"""@st.dialog: a modal that reruns alone, closes on st.rerun, applies on_dismiss."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

SIGN_UP = """
    import appcore as st
    st.session_state.setdefault("full", 0)
    st.session_state.full += 1

    def dismissed():
        st.session_state.dismissed = True

    @st.dialog("Sign up", on_dismiss=ON_DISMISS)
    def sign_up():
        name = st.text_input("Name")
        email = st.text_input("Email")
        if st.button("Submit"):
            st.session_state.user = (name, email)
            st.rerun()
        st.markdown(f"typed={name}")

    if st.button("Open"):
        sign_up()
    st.markdown(f"full={st.session_state.full} user={st.session_state.get('user')} "
                f"dismissed={st.session_state.get('dismissed')}")
"""


def open_sign_up(on_dismiss: str = '"ignore"') -> AppTest:
    at = AppTest.from_string(SIGN_UP.replace("ON_DISMISS", on_dismiss)).run()
    at.button[0].click().run()
    assert len(at.dialog) == 1
    return at


def main_text(at: AppTest) -> str:
    return at.main.get("markdown")[0].value


def test_interactions_inside_rerun_only_the_dialog():
    at = open_sign_up()
    at.dialog[0].get("text_input")[0].input("Ada").run()
    assert at.dialog[0].get("markdown")[0].value == "typed=Ada"
    assert main_text(at) == "full=2 user=None dismissed=None"
    assert at.dialog[0].props["title"] == "Sign up" and at.dialog[0].props["width"] == "small"


def test_rerun_inside_closes_it():
    at = open_sign_up()
    dialog = at.dialog[0]
    dialog.get("text_input")[0].input("Ada").run()
    dialog.get("text_input")[1].input("ada@example.com").run()
    at.dialog[0].get("button")[0].click().run()
    assert len(at.dialog) == 0
    assert main_text(at) == "full=3 user=('Ada', 'ada@example.com') dismissed=None"


def test_dismiss_with_ignore_reruns_nothing_and_it_can_open_again():
    at = open_sign_up()
    runs = len(at.runs)
    at.dialog[0].dismiss().run()
    assert len(at.runs) == runs and len(at.dialog) == 0
    at.button[0].click().run()
    assert len(at.dialog) == 1


def test_dismiss_with_rerun_reruns_the_app():
    at = open_sign_up('"rerun"')
    at.dialog[0].dismiss().run()
    assert len(at.dialog) == 0 and main_text(at) == "full=3 user=None dismissed=None"


def test_dismiss_with_a_callable_calls_it_first():
    at = open_sign_up("dismissed")
    at.dialog[0].dismiss().run()
    assert main_text(at) == "full=3 user=None dismissed=True"


def test_a_closed_dialog_refuses_its_widgets_and_dismissals(refuses):
    """docs/differences.md: "its widgets are refused afterwards"."""
    at = open_sign_up()
    dialog = at.dialog[0]
    field = dialog.get("text_input")[0].id
    dialog.dismiss().run()
    refuses(at, {"t": "widget", "id": field, "value": "late"}, match="unknown widget id")
    refuses(at, {"t": "dialog_dismissed", "id": dialog.props["id"]})
    assert main_text(at) == "full=2 user=None dismissed=None"


def test_not_dismissible_dialog_refuses_dismissal(refuses):
    at = AppTest.from_string("""
        import appcore as st
        @st.dialog("Must answer", dismissible=False)
        def ask():
            st.markdown("answer me")
        ask()
    """).run()
    assert at.dialog[0].props["dismissible"] is False
    refuses(at, {"t": "dialog_dismissed", "id": at.dialog[0].props["id"]}, match="not dismissible")
    assert len(at.dialog) == 1


@pytest.mark.parametrize("script, message", [
    ("@st.dialog('A')\ndef a(): pass\na()\na()", "Only one dialog is allowed to be opened at the same time"),
    ("@st.dialog('A')\ndef a(): b()\n@st.dialog('B')\ndef b(): pass\na()", "Dialogs may not be nested"),
    ("@st.dialog('')\ndef a(): pass", "A non-empty `title` argument has to be provided"),
    ("@st.dialog('A', width='huge')\ndef a(): pass", "Invalid `width` value"),
])
def test_misuse_is_shown_in_the_page(script, message):
    at = AppTest.from_string("import appcore as st\n" + script).run()
    assert message in at.exception[0].message


def test_experimental_dialog_is_an_alias():
    at = AppTest.from_string("""
        import appcore as st
        @st.experimental_dialog("Old name", width="large")
        def old():
            st.markdown("inside")
        old()
    """).run()
    assert at.dialog[0].props["width"] == "large"
    assert at.dialog[0].get("markdown")[0].value == "inside"


def test_a_dialog_closed_by_rerun_refuses_a_late_dismissal(refuses):
    at = open_sign_up('"rerun"')
    dialog_id = at.dialog[0].props["id"]
    runs = len(at.runs)
    at.dialog[0].get("button")[0].click().run()  # Submit: st.rerun() closes it
    assert len(at.dialog) == 0
    assert len(at.runs) == runs + 2  # the submit's run and its rerun
    refuses(at, {"t": "dialog_dismissed", "id": dialog_id}, match="no open dialog")  # no on_dismiss rerun


def test_an_exception_in_a_dialog_run_is_shown_inside_the_dialog():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Edit")
        def edit():
            if st.button("save"):
                raise ValueError("cannot save")
            st.markdown("dialog body")

        st.markdown("first")
        if st.button("open"):
            edit()
        st.markdown("last")
    """).run()
    at.button[0].click().run()  # open
    at.dialog[0].get("button")[0].click().run()  # save: raises inside the dialog
    assert at.main.get("markdown").values == ["first", "last"]
    assert at.exception and at.exception[0].path[0] == "dialog"


def test_a_dialog_dismissed_during_its_own_run_reopens_whole(gates):
    at = AppTest.from_string("""
        import appcore as st
        from appcore_test_gates import working

        @st.dialog("Slow")
        def slow():
            if st.button("work"):
                working.arrive()
            st.markdown("dialog text")

        if st.button("open"):
            slow()
    """).run()
    at.button[0].click().run()
    dialog = at.dialog[0]
    session = at.session
    with gates.working.closed():
        session.handle_message({"t": "widget", "id": dialog.get("button")[0].id, "value": True})
        gates.working.wait_arrival()  # the dialog's run is working; the person presses Esc
        at._browser._remove(dialog.path)
        session.handle_message({"t": "dialog_dismissed", "id": dialog.props["id"]})
    at._wait(5)
    assert len(at.dialog) == 0
    at.button[0].click().run()  # open it again
    assert at.dialog[0].get("markdown").values == ["dialog text"]


def test_a_dialog_opened_by_a_fragment_is_one_dialog_with_its_body_once_however_often_the_fragment_reruns():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Alert")
        def alert():
            st.markdown("temperature too high")

        @st.fragment(run_every=60)
        def monitor():
            st.markdown("monitoring")
            if st.session_state.get("hot"):
                alert()

        monitor()
    """).run()
    at.session_state["hot"] = True
    fragment_id = at.fragment[0].props["id"]
    for _ in range(3):
        at.send({"t": "fragment_tick", "id": fragment_id}).run()
    assert len(at.dialog) == 1, "not stacked on each fragment rerun"
    assert at.dialog[0].get("markdown").values == ["temperature too high"]
    dialog_children = sorted(p for p in at.session.shown if p[:2] == at.dialog[0].path and len(p) == 3)
    assert dialog_children == [(*at.dialog[0].path, 0)], "what the server tells the browser the dialog holds"


def test_a_dialog_takes_streamlit_1_67s_position_icon_and_pixel_width():
    at = AppTest.from_string("""
        import appcore as st

        @st.dialog("Settings", position="right", icon=":material/settings:", width=600)
        def settings():
            st.markdown("inside")

        settings()
    """).run()
    props = at.dialog[0].props
    assert (props["position"], props["icon"], props["width"]) == ("right", ":material/settings:", 600)


@pytest.mark.parametrize("options, message", [
    ('position="top"', "Invalid `position` value. Supported values: 'left', 'center', 'right'."),
    ('width="huge"', "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. "
                     "Got 'huge'."),
    ("width=0", "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 0."),
])
def test_a_dialogs_bad_position_or_width_is_streamlits_error(options, message):
    # Messages checked on Streamlit 1.67.0's AppTest.
    at = AppTest.from_string(f"""
        import appcore as st

        @st.dialog("x", {options})
        def d():
            pass

        d()
    """).run()
    assert at.exception[0].message == message
