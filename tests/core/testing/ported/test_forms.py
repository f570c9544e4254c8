import pytest

from appcore.testing.v1 import AppTest


def run():
    return AppTest.from_file("app_form.py", default_timeout=10).run()


def test_the_form_is_a_block_with_its_key_and_submit_button():
    at = run()
    (form,) = at.form
    assert form.type == "form" and form.key == "signup"
    assert [w.label for w in form.text_input] == ["Name"]
    assert at.form_submit_button[0].label == "Sign up"
    assert at.markdown[0].value == "Not sent yet"


def test_values_arrive_with_the_submit():
    at = run()
    at.text_input[0].input("Ada")
    at.number_input[0].set_value(36)
    at.form_submit_button[0].click().run()
    assert at.markdown.values == ["Welcome Ada, 36", "name is 'Ada'"]
    at.run()
    assert at.markdown.values == ["Not sent yet", "name is 'Ada'"]


def test_a_value_typed_without_the_submit_does_not_reach_the_app():
    at = run()
    at.text_input[0].input("Ada").run()
    assert at.markdown.values == ["Not sent yet", "name is ''"]


@pytest.mark.browser_behaviour
def test_a_value_typed_earlier_arrives_with_a_later_submit():
    at = run()
    at.text_input[0].input("Ada").run()  # typed, then something else reruns the app
    at.form_submit_button[0].click().run()
    assert at.markdown.values == ["Welcome Ada, 30", "name is 'Ada'"]


def test_a_form_without_a_submit_button_still_draws_its_widgets():
    at = AppTest.from_string("""
        import appcore as st
        with st.form("broken"):
            st.text_input("Lonely")
        st.markdown("after")
    """, default_timeout=10).run()
    assert at.form[0].text_input[0].label == "Lonely" and at.markdown[0].value == "after"
    assert not at.exception
