import datetime

import pytest

from appcore.testing.v1 import AppTest
from appcore.testing.v1.element_tree import Button, ElementList, WidgetList


def run():
    return AppTest.from_file("app_widgets.py", default_timeout=10).run()


def test_a_click_counts_and_the_button_reads_true_in_that_run():
    at = run()
    assert at.button[0].value is False and at.button[0].help == "counts clicks"
    at.button[0].click().run()
    assert at.markdown[0].value == "clicks=1" and at.button[0].value is True
    at.run()
    assert at.button[0].value is False and at.session_state.clicks == 1


def test_lists_are_typed_and_found_by_key():
    at = run()
    assert isinstance(at.button, WidgetList) and isinstance(at.markdown, ElementList)
    assert isinstance(at.button[0], Button) and at.button.len == 2
    assert at.checkbox(key="agree").label == "I agree" and at.text_input(key="name").key == "name"
    with pytest.raises(KeyError):
        at.checkbox(key="nope")


def test_setters_return_the_widget_and_run_from_it():
    at = run()
    at.checkbox[0].check().run()
    at.toggle[0].set_value(True).run()
    at.text_input[0].input("Ada").run()
    at.text_area[0].input("Hello").run()
    assert at.markdown[1].value == "agree=True dark=True name=Ada bio=Hello qty=2"
    at.checkbox[0].uncheck().run()
    assert at.checkbox[0].value is False


def test_typing_past_max_chars_leaves_the_value():
    at = run()
    at.text_input[0].input("Ada").run()
    at.text_input[0].input("Adalbert").run()
    assert at.text_input[0].value == "Ada" and at.text_input[0].max_chars == 5


def test_number_input_steps_stay_within_the_bounds():
    at = run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 3
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 3
    at.number_input[0].decrement().run()
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 1
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 1 and at.session_state.qty == 1


def test_sliders_take_a_value_or_a_range():
    at = run()
    at.slider[0].set_value(7).run()
    at.slider[1].set_range(10, 30).run()
    assert at.markdown[2].value == "level=7 span=(10, 30) size=m shape=circle"


def test_selectbox_and_radio_use_their_format_func():
    at = run()
    size, shape = at.selectbox[0], at.radio[0]
    assert (size.value, size.index, size.options) == ("m", 1, ["S", "M", "L"])
    assert (shape.value, shape.index, shape.options) == ("circle", 0, ["Circle", "Square"])
    assert size.format_func("xl") == "XL"
    at.selectbox[0].select_index(2).run()
    at.radio[0].set_value("square").run()
    assert at.selectbox[0].value == "l" and at.radio[0].index == 1
    at.selectbox[0].select("s").run()
    assert at.markdown[2].value == "level=5 span=(20, 80) size=s shape=square"


def test_multiselect_selects_and_unselects():
    at = run()
    at.multiselect[0].select("ham").unselect("egg").run()
    assert at.multiselect[0].value == ["ham"]
    at.multiselect[0].select("cheese").run()
    assert at.markdown[3].value.startswith("toppings=['ham', 'cheese']")


def test_colour_date_and_time():
    at = run()
    at.color_picker[0].pick("#ff0000").run()
    at.date_input[0].set_value(datetime.date(2024, 6, 2)).run()
    at.time_input[0].increment().run()
    assert at.markdown[3].value == "toppings=['egg'] colour=#ff0000 day=2024-06-02 alarm=07:15:00"


def test_a_disabled_widget_cannot_be_touched():
    at = run()
    locked = at.button[1]
    assert locked.disabled is True and locked.label == "Locked"
    with pytest.raises(Exception, match="Cannot update a disabled button widget"):
        locked.click()
