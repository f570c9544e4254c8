from appcore.testing.v1 import AppTest


def run():
    at = AppTest.from_file("app_state.py", default_timeout=10)
    at.session_state.nick = "Bee"
    return at.run()


def test_state_set_before_the_first_run_reaches_the_script():
    at = run()
    assert at.markdown[1].value == "nick=Bee" and at.text_input(key="nick").value == "Bee"


def test_a_callback_gets_its_args_and_kwargs():
    at = run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "total=10 note=by five"
    assert at.session_state["total"] == 10 and at.session_state.note == "by five"


def test_a_keyed_widget_writes_its_key():
    at = run()
    at.text_input(key="nick").input("Cat").run()
    assert at.session_state.nick == "Cat" and "nick" in at.session_state
    assert at.session_state.get("missing", "none") == "none"
