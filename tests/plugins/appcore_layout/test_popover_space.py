"""st.popover and st.space as a user meets them; checked against Streamlit 1.67's AppTest."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest
from tests.helpers import ICON_HINT, ON_CHANGE_ERROR, error, run, width_error


def test_a_popover_is_a_popover_block_holding_its_widgets():
    at = run("""
        with st.popover("Settings", icon=":material/settings:", help="More"):
            on = st.checkbox("Enable")
        st.write(on)
    """)
    block = at.get("popover")[0]
    assert block.type == "popover"
    assert block.props["label"] == "Settings" and block.props["icon"] == ":material/settings:"
    assert block.props["help"] == "More" and block.props["width"] == "content"
    block.checkbox[0].check().run()
    assert at.markdown[0].value == "`True`"


def test_use_container_width_wins_over_width_as_in_streamlit():
    at = run('st.popover("a", use_container_width=True, width=100); st.popover("b", use_container_width=False)')
    assert [p.props["width"] for p in at.get("popover")] == ["stretch", "content"]


def test_a_disabled_popover_says_so_to_the_page():
    assert run('st.popover("a", disabled=True)').get("popover")[0].props["disabled"] is True


def test_on_change_makes_a_popover_a_widget_whose_open_state_reruns_the_app():
    at = run("""
        pop = st.popover("P", key="p", on_change="rerun")
        st.write(f"{pop.open} {st.session_state.p}")
        st.write(repr(st.popover("Q").open))
    """)
    assert at.markdown[0].value == "False False"
    assert at.markdown[1].value == "None"
    at.send({"t": "widget", "id": at.get("popover")[0].id, "value": True}).run()
    assert at.markdown[0].value == "True True"


def test_a_disabled_stateful_popover_refuses_to_open():
    at = run('st.popover("P", on_change="rerun", disabled=True)')
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.get("popover")[0].id, "value": True}).run()


@pytest.mark.parametrize("call, message", [
    ("st.popover(None)", "The `label` parameter is required."),
    ('st.popover("a", type="x")', "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
    ('st.popover("a", width="x")', width_error("x")),
    ('st.popover("a", icon="zz")', f'The value "zz" is not a valid icon. {ICON_HINT}'),
    ('st.popover("a", on_change=3)', ON_CHANGE_ERROR),
])
def test_bad_popover_arguments_are_refused_with_streamlits_messages(call, message):
    assert error(run(call)) == message


def test_space_is_a_space_node_whose_value_is_its_size():
    at = run('st.space(); st.space("large"); st.space(30); st.space("stretch")')
    assert [s.type for s in at.space] == ["space"] * 4
    assert [s.value for s in at.space] == ["small", "large", 30, "stretch"]


@pytest.mark.parametrize("size", ["0", '"huge"', "1.5", "None", "-3"])
def test_a_size_that_is_not_a_name_or_positive_pixels_is_refused(size):
    shown = repr(eval(size))  # noqa: S307 - the test's own literals
    assert error(run(f"st.space({size})")) == (
        "Invalid `size` value. Supported values: 'stretch', 'xxsmall', 'xsmall', 'small', 'medium', 'large', "
        f"'xlarge', 'xxlarge', a positive integer. Got {shown}.")
