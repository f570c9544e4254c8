"""The input-widget builder and its codecs, as a plugin author uses them from
``appcore.plugin`` (core/runtime/inputs.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from appcore.plugin import (AppcoreAPIError, Args, BadMessage, BoolCodec, ColorCodec, DateCodec, DateTimeCodec,
                            ElementType, Help, IndexCodec, Key, Kwargs, LabelVisibility, MultiIndexCodec,
                            NumberCodec, OnChange, TextCodec, TimeCodec, WidthWithoutContent, check_width,
                            hookimpl, input_widget)
from appcore.testing import AppTest
from tests.helpers import width_error


# -- a widget from outside the core, written as docs/plugins.md says -----------------------

def rating(label: str, options: Any = (1, 2, 3, 4, 5), value: Any = None, key: Key = None, help: Help = None,
           on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
           label_visibility: LabelVisibility = "visible", width: WidthWithoutContent = "stretch") -> Any:
    codec = IndexCodec(options, None if value is None else list(options).index(value))
    return input_widget("rating", locals(), codec, props={"stars": True}).value


class WidgetPlugin:
    """A third party's plugin that adds one widget (its renderer is left out: AppTest needs none)."""

    def __init__(self, name: str, function: Any):
        self.name, self.function = name, function

    @hookimpl
    def appcore_register_elements(self) -> list[ElementType]:
        return [ElementType(self.name)]

    @hookimpl
    def appcore_register_api(self) -> dict[str, Any]:
        return {self.name: self.function}


def rating_app(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\n" + body, plugins=[WidgetPlugin("rating", rating)]).run()


def test_a_third_party_widget_gets_the_whole_pipeline():
    at = rating_app('v = st.rating("Stars", value=3, key="r", width=200)\nst.markdown(repr(v))')
    widget = at.rating[0]
    assert widget.props["options"] == ["1", "2", "3", "4", "5"] and widget.props["stars"] is True
    assert (widget.props["value"], widget.props["width"], widget.props["label"]) == (2, 200, "Stars")
    widget.set_value(5).run()
    assert at.markdown[0].value == "5" and at.session_state["r"] == 5
    assert "index 9 is outside the 5 options" in _refusal(at, widget.id, 9)
    assert "an option is sent as its index" in _refusal(at, widget.id, "5")
    at.run()
    assert at.markdown[0].value == "5" and not at.exception  # refused, and the session lives on


def test_a_third_party_widget_gets_streamlits_checks():
    assert rating_app('st.rating("S", width="content")').exception[0].message == width_error("content", content=False)
    assert rating_app('st.rating("S", on_change=print, label_visibility="gone")').exception[0].message == (
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.")


def test_a_third_party_widget_with_on_change_ignore_holds_its_value():
    at = rating_app('st.markdown(repr(st.rating("S", on_change="ignore")))')
    runs = len(at.runs)
    at.session.handle_message({"t": "widget", "id": at.rating[0].id, "value": 0})
    assert at.session.wait_idle(3)
    at.session.flush()
    assert len(at.runs) == runs
    at.run()
    assert at.markdown[0].value == "1"


def _refusal(at: AppTest, wid: str, raw: Any) -> str:
    with pytest.raises(BadMessage) as caught:
        at.session.handle_message({"t": "widget", "id": wid, "value": raw})
    return str(caught.value)


# -- codecs on their own -------------------------------------------------------------------------

def refused(codec: Any, raw: Any) -> bool:
    try:
        codec.parse(raw)
    except (ValueError, TypeError):
        return True
    return False


def test_number_codec_refuses_what_json_could_smuggle_in():
    ints = NumberCodec(3, 0, 10, integer=True)
    assert ints.parse(4) == 4 and ints.parse(4.0) == 4 and isinstance(ints.parse(4.0), int)
    for bad in (True, 4.5, 11, -1, "4", None, float("nan"), float("inf"), [4]):
        assert refused(ints, bad), bad
    floats = NumberCodec(None, integer=False, clearable=True)
    assert floats.parse(None) is None and floats.parse(2) == 2.0 and refused(floats, 1e309)


def test_a_range_is_an_ordered_list_of_the_right_length():
    span = NumberCodec((1, 9), 0, 100, integer=True, range=(2, 2))
    assert span.parse([2, 8]) == (2, 8) and span.to_json((2, 8)) == [2, 8]
    for bad in ([8, 2], [1], [1, 2, 3], 5, [0, 101]):
        assert refused(span, bad), bad
    days = DateCodec((), dt.date(2024, 1, 1), dt.date(2024, 12, 31), range=(0, 2))
    assert days.parse([]) == () and days.parse(["2024-05-01"]) == (dt.date(2024, 5, 1),)
    assert refused(days, ["2024-05-03", "2024-05-01"]) and refused(days, ["2025-01-01"])


def test_a_stored_value_outside_new_bounds_starts_over_or_fails_when_strict():
    loose = NumberCodec(5, 0, 10, integer=True)
    with pytest.raises(ValueError):
        loose.keep(50, by_user=True)
    strict = NumberCodec(5, 0, 10, integer=True, strict=True)
    with pytest.raises(ValueError):
        strict.keep(50, by_user=False)  # kept from an earlier run: start over
    with pytest.raises(AppcoreAPIError, match="greater than the `max_value` 10"):
        strict.keep(50, by_user=True)  # the script just set it: Streamlit's error
    assert strict.keep(7, by_user=True) == 7


def test_a_stored_none_empties_a_nullable_widget():
    codec = NumberCodec(5, 0, 10, integer=True)
    assert codec.keep(None, by_user=True) is None
    assert (codec.clearable, codec.default, codec.parse(None)) == (True, None, None)


def test_index_codec_sends_indices_and_returns_this_runs_option():
    codec = IndexCodec(["x", "y"], 0)
    assert (codec.default, codec.to_json("y"), codec.parse(1)) == ("x", 1, "y")
    for bad in (2, -1, True, "y", None, 1.0):
        assert refused(codec, bad), bad
    with pytest.raises(ValueError):
        codec.keep("z", by_user=False)  # an option no longer offered
    new = IndexCodec(["x"], None, accept_new=True)
    assert new.parse("fresh") == "fresh" and new.parse("x") == "x" and new.parse(None) is None
    with pytest.raises(AppcoreAPIError, match="outside the required range"):
        IndexCodec(["x"], 3)


def test_multi_index_codec_refuses_repeats_and_too_many():
    codec = MultiIndexCodec(["a", "b", "c"], ["a"], max_selections=2)
    assert codec.default == ["a"] and codec.parse([2, 0]) == ["c", "a"]
    for bad in ([0, 0], [0, 1, 2], [5], "a", ["a"], [True]):
        assert refused(codec, bad), bad
    assert codec.keep(["a", "gone"], by_user=False) == ["a"]


def test_text_bool_colour_and_time_codecs():
    text = TextCodec("hi", max_chars=3)
    assert text.parse("abc") == "abc" and refused(text, "abcd") and refused(text, 5)
    flag = BoolCodec(1)
    assert flag.default is True and refused(flag, 1) and flag.returned("yes") is True
    colour = ColorCodec()
    assert colour.default == "#000000" and colour.parse("0af") == "#0af" and refused(colour, "red")
    with pytest.raises(AppcoreAPIError, match="not a valid hex code"):
        ColorCodec("blue")
    minutes = TimeCodec(dt.time(8), seconds=False)
    assert minutes.parse("09:10:59") == dt.time(9, 10) and minutes.to_json(dt.time(9, 10)) == "09:10"
    assert refused(minutes, "25:00") and refused(minutes, "09:00+01:00")


def test_wall_clock_codecs_keep_the_timezone_on_the_server():
    tz = dt.timezone(dt.timedelta(hours=2))
    start = dt.datetime(2024, 1, 1, tzinfo=tz)
    codec = DateTimeCodec(start, start, start + dt.timedelta(days=5), tz=tz)
    assert codec.parse("2024-01-02T10:00:00") == dt.datetime(2024, 1, 2, 10, tzinfo=tz)
    assert codec.to_json(dt.datetime(2024, 1, 2, 10, tzinfo=tz)) == "2024-01-02T10:00:00"
    assert refused(codec, "2024-01-02T10:00:00+02:00") and refused(codec, "2024-02-01T00:00:00")


@pytest.mark.parametrize(("width", "allow_content", "ok"), [
    (1, False, True), (True, False, True), ("stretch", False, True), ("content", True, True),
    ("content", False, False), (0, True, False), (2.5, True, False), (None, True, False),
])
def test_check_width_follows_streamlit(width, allow_content, ok):
    if ok:
        assert check_width(width, allow_content=allow_content) == width
    else:
        with pytest.raises(AppcoreAPIError, match="Invalid width value"):
            check_width(width, allow_content=allow_content)


def test_a_pixel_width_must_fit_the_wire():
    with pytest.raises(AppcoreAPIError, match=r"outside the required range \[1, 4294967295\]"):
        check_width(2**33)


def test_the_new_widget_in_the_plugin_guide_works_as_written():
    guide = (Path(__file__).resolve().parents[3] / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = [block.partition("\n")[2] for block in guide.split("```python")[1:]]
    example = next(block.partition("```")[0] for block in blocks if "def select_slider(" in block)
    namespace: dict[str, Any] = {}
    exec(example, namespace)  # its own imports: appcore.plugin is all it needs
    # st.select_slider is bundled now: the example is added under a name of its own and draws the bundled type.
    class Example:
        @hookimpl
        def appcore_register_api(self) -> dict[str, Any]:
            return {"example_slider": namespace["select_slider"]}

    at = AppTest.from_string('import appcore as st\nst.markdown(st.example_slider("Size", ["S", "M", "L"], "M"))',
                             plugins=[Example()]).run()
    assert at.markdown[0].value == "M" and at.select_slider[0].props["options"] == ["S", "M", "L"]
    at.select_slider[0].set_value("L").run()
    assert at.markdown[0].value == "L"
    assert "outside the 3 options" in _refusal(at, at.select_slider[0].id, 3)
