import pytest

from appcore.testing.v1 import AppTest


def run():
    return AppTest.from_file("app_fragment.py", default_timeout=10).run()


def test_a_fragment_is_drawn_as_a_container():
    at = run()
    (fragment,) = at.container
    assert fragment.type == "flex_container"
    assert fragment.button[0].label == "Count" and fragment.markdown[0].value == "count=0"


def test_a_click_in_the_fragment_updates_it():
    at = run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "count=2" and at.session_state.count == 2


@pytest.mark.browser_behaviour
def test_a_click_in_the_fragment_reruns_only_the_fragment():
    at = run()
    at.button[0].click().run()
    assert at.session_state.full_runs == 1 and at.markdown[1].value == "full runs=1"
