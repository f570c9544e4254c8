import datetime

import pytest

from appcore.testing.v1 import AppTest
from appcore.testing.v1.element_tree import AppTestError


def run():
    return AppTest.from_file("app_newapi.py", default_timeout=10).run()


def test_the_tree_has_the_four_new_calls():
    at = run()
    assert [n.type for n in at.main] == ["main", "date_time_input", "markdown", "menu_button", "markdown",
                                         "pagination", "markdown", "empty", "markdown"]


def test_a_datetime_is_set_to_the_minute():
    at = run()
    assert at.datetime_input[0].value == datetime.datetime(2025, 11, 19, 16, 45)
    at.datetime_input[0].set_value(datetime.datetime(2026, 1, 2, 3, 4, 5)).run()
    assert at.markdown[0].value == "when=2026-01-02 03:04"
    assert at.datetime_input[0].step == 900 and at.datetime_input[0].format == "YYYY/MM/DD"


def test_a_menu_choice_lasts_one_run():
    at = run()
    assert at.menu_button[0].options == ["CSV", "JSON", "PDF"] and at.menu_button[0].value is None
    at.menu_button[0].click("PDF").run()
    assert at.markdown[1].value == "action=PDF"
    at.run()
    assert at.markdown[1].value == "action=None"
    at.menu_button[0].click_index(0).run()
    assert at.markdown[1].value == "action=CSV"


def test_pages_are_chosen_and_checked():
    at = run()
    assert (at.pagination[0].value, at.pagination[0].num_pages, at.pagination[0].default) == (1, 10, 1)
    at.pagination[0].select(4).run()
    assert at.markdown[2].value == "page=4" and at.session_state["page"] == 4
    with pytest.raises(AppTestError):
        at.pagination[0].set_value(11)
