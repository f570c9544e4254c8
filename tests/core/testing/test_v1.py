"""appcore's AppTest as Streamlit 1.67's: import paths, node types a plugin declares, the
browser's limits on setters, and what appcore does not have yet."""
from __future__ import annotations

import threading
from typing import Any

import pytest

import appcore.testing
from appcore.plugin import ElementType, add_element, hookimpl, input_widget, NumberCodec
from appcore.testing import AppTest
from appcore.testing.v1 import AppTestError
from appcore.testing.v1.element_tree import Block, Element, ElementList, UnknownElement, Widget


class GaugePlugin:
    """A third party's element that declares how Streamlit's AppTest would show it."""

    def __init__(self, **extra: Any):
        self.extra = extra

    @hookimpl
    def appcore_register_elements(self) -> list[ElementType]:
        return [ElementType("gauge", extra=self.extra)]

    @hookimpl
    def appcore_register_api(self) -> dict[str, Any]:
        return {"gauge": lambda level: add_element("gauge", {"level": level})}


def test_the_v1_paths_hold_the_same_objects():
    import appcore.testing.v1 as v1
    from appcore.testing.v1 import app_test, element_tree

    assert v1.AppTest is app_test.AppTest is appcore.testing.AppTest
    assert element_tree.ElementList is appcore.testing.ElementList
    assert issubclass(element_tree.Button, Widget) and issubclass(Widget, Element)
    assert element_tree.Exception.__name__ == "Exception" and element_tree.UnknownElement


def test_a_plugin_declares_its_node_type_value_and_class():
    class Gauge(UnknownElement):
        @property
        def percent(self) -> str:
            return f"{self.props['level']}%"

    at = AppTest.from_string("import appcore as st\nst.gauge(40)", plugins=[GaugePlugin(
        test_type="progress", test_value=lambda props: props["level"] / 100, test_class=Gauge)]).run()
    (gauge,) = at.get("progress")
    assert (gauge.type, gauge.element_type, gauge.value, gauge.percent) == ("progress", "gauge", 0.4, "40%")
    assert at.gauge[0] is gauge and at.progress[0] is gauge  # by appcore's type and by Streamlit's


def test_an_undeclared_plugin_element_keeps_its_own_type():
    at = AppTest.from_string("import appcore as st\nst.gauge(3)", plugins=[GaugePlugin()]).run()
    assert at.gauge[0].type == "gauge" and isinstance(at.gauge[0], UnknownElement) and at.gauge[0].level == 3


def test_bundled_types_that_streamlit_names_otherwise():
    at = AppTest.from_string("""
        import appcore as st
        st.line_chart({"y": [1, 2]})
        st.help(len)
        with st.container():
            st.text("in")
    """).run()
    assert [n.type for n in at.main] == ["main", "vega_lite_chart", "help_info", "flex_container", "text"]
    assert at.line_chart[0] is at.get("vega_lite_chart")[0]
    assert isinstance(at.container, ElementList) and isinstance(at.container[0], Block)


def test_iterating_the_app_walks_every_root_and_a_dialog_opens_in_event():
    at = AppTest.from_string("""
        import appcore as st
        @st.dialog("Hi")
        def hello():
            st.text("in the dialog")
        st.sidebar.text("side")
        hello()
    """).run()
    # Streamlit 1.67's root has the same four blocks; it names the last (st.bottom) "unknown".
    assert [n.type for n in at] == ["root", "main", "sidebar", "text", "event", "dialog", "text", "bottom"]
    assert at.dialog[0].text[0].value == "in the dialog" and not at.main.text


def test_set_value_on_an_element_that_is_not_a_widget_is_an_apptest_error():
    at = AppTest.from_string("import appcore as st\nst.markdown('x')").run()
    with pytest.raises(AppTestError, match="set_value\\(\\) is not supported for markdown"):
        at.markdown[0].set_value("y")


def test_a_number_typed_past_the_bounds_is_kept_within_them_as_the_browser_does():
    at = AppTest.from_string("""
        import appcore as st
        n = st.number_input("n", min_value=0, max_value=10, value=5)
        s = st.slider("s", 0, 10, (2, 3))
        st.markdown(f"{n} {s}")
    """).run()
    at.number_input[0].set_value(99).run()
    at.slider[0].set_range(-5, 50).run()
    assert at.markdown[0].value == "10 (0, 10)"
    at.number_input[0].set_value(-3).run()
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 0  # Streamlit's AppTest sends -1 here and the app starts over at 5


def test_text_pasted_past_max_chars_is_cut_and_a_multiselect_stops_at_its_limit():
    at = AppTest.from_string("""
        import appcore as st
        t = st.text_input("t", max_chars=3)
        m = st.multiselect("m", ["a", "b", "c"], max_selections=2)
        st.markdown(f"{t} {m}")
    """).run()
    at.text_input[0].set_value("abcdef")
    at.multiselect[0].select("a").select("b").select("c").run()
    assert at.markdown[0].value == "abc ['a', 'b']"


def test_the_server_still_refuses_what_apptest_would_not_send():
    at = AppTest.from_string("import appcore as st\nst.number_input('n', 0, 10)").run()
    at.send({"t": "widget", "id": at.number_input[0].id, "value": 99})
    with pytest.raises(ValueError, match="the app refused"):
        at.run()


def test_from_function_hands_over_args_that_cannot_be_written_into_a_script():
    lock = threading.Lock()

    def app(held, *, label):
        import appcore as st

        st.markdown(f"{label}: {type(held).__name__}")

    at = AppTest.from_function(app, args=(lock,), kwargs={"label": "got"}).run()
    assert at.markdown[0].value == "got: lock"


def test_a_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError, match="AppTest script not found"):
        AppTest.from_file("no_such_app.py")


def test_switch_page_to_a_file_that_does_not_exist_is_a_value_error_as_streamlit():
    at = AppTest.from_string("import appcore as st").run()
    with pytest.raises(ValueError, match="Could not find page 'pages/other.py' relative to the main script"):
        at.switch_page("pages/other.py")


def test_secrets_reach_st_secrets_and_query_params_reach_st_query_params():
    at = AppTest.from_string("import appcore as st\nst.session_state.user = st.secrets.db.user\n"
                             "st.session_state.ids = st.query_params.get_all('ids')")
    at.secrets["db"] = {"user": "ada"}
    at.query_params["ids"] = [1, 2]
    at.run()
    assert at.session_state.user == "ada"
    assert at.session_state.ids == ["1", "2"]
    assert at.query_params == {"ids": ["1", "2"]}  # as Streamlit reads them back


def test_lists_slice_and_find_by_key_and_the_tree_by_key():
    at = AppTest.from_string("""
        import appcore as st
        for name in "abc":
            st.checkbox(name, key=name)
    """).run()
    assert isinstance(at.checkbox[1:], ElementList) and at.checkbox[1:].values == [False, False]
    assert at.checkbox("b").label == "b" and at.get_by_key("c").label == "c"
    with pytest.raises(KeyError):
        at.get_by_key("z")


def test_an_exception_reads_as_streamlits():
    at = AppTest.from_string("""
        import appcore as st
        st.button("x", key="k")
        st.button("y", key="k")
    """).run()
    (error,) = at.exception
    assert error.is_markdown and "Widget key 'k' is used twice" in error.message
    assert error.stack_trace and all(not line.startswith(" ") for line in error.stack_trace)


def test_a_keyed_widget_of_a_plugin_keeps_every_setter():
    def stepper(label, key=None):
        return input_widget("stepper", locals(), NumberCodec(1, 0, 5, integer=True)).value

    class StepperPlugin:
        @hookimpl
        def appcore_register_elements(self) -> list[ElementType]:
            return [ElementType("stepper")]

        @hookimpl
        def appcore_register_api(self) -> dict[str, Any]:
            return {"stepper": stepper}

    at = AppTest.from_string("import appcore as st\nst.markdown(st.stepper('s', key='s'))",
                             plugins=[StepperPlugin()]).run()
    at.stepper(key="s").increment().run()
    assert at.markdown[0].value == "2" and at.stepper[0].value == 2


# One call of every element appcore has, and the node types Streamlit 1.67's AppTest
# gives the same app (with `import streamlit as st` and st.dataframe for st.write).
EVERY_ELEMENT = """
    import appcore as st
    import pandas as pd
    st.title("T"); st.header("H"); st.subheader("S"); st.markdown("**m**"); st.caption("c"); st.text("t")
    st.latex("E=mc^2"); st.code("x=1"); st.divider(); st.json({"a": 1}); st.metric("M", 3, 1)
    st.success("ok"); st.info("i"); st.warning("w"); st.error("e"); st.exception(ValueError("boom"))
    st.help(len); st.write(pd.DataFrame({"x": [1]})); st.line_chart(pd.DataFrame({"x": [1, 2]}))
    st.area_chart([1, 2]); st.bar_chart([1, 2]); st.scatter_chart([1, 2])
    import altair as alt
    st.vega_lite_chart({"mark": "point"}); st.altair_chart(alt.Chart(pd.DataFrame({"a": [1]})).mark_point())
    st.map(pd.DataFrame({"lat": [0.0], "lon": [0.0]})); st.empty()
    st.table(pd.DataFrame({"x": [1]})); st.data_editor(pd.DataFrame({"x": [1]}))
    with st.container(key="box"):
        st.button("b")
    st.checkbox("cb"); st.toggle("tg")
    st.radio("r", ["a", "b"]); st.selectbox("sb", ["a", "b"]); st.multiselect("ms", ["a", "b"])
    st.slider("sl", 0, 10, 5); st.number_input("ni", 0, 10, 1)
    st.text_input("ti", max_chars=3); st.text_area("ta")
    st.date_input("di"); st.time_input("tm"); st.datetime_input("dti"); st.color_picker("cp")
    st.menu_button("mb", ["a"]); st.pagination(3)
    st.feedback("thumbs"); st.html("<b>hi</b>"); st.link_button("Go", "https://example.org")
    st.pills("P", ["a", "b"]); st.segmented_control("S", ["a", "b"]); st.select_slider("SS", ["a", "b"])
    st.file_uploader("fu"); st.camera_input("cam"); st.audio_input("mic")
    with st.chat_message("user"):
        st.chat_input("inline")
    with st.form("f"):
        st.text_input("in form")
        st.form_submit_button("go")
    @st.fragment
    def frag():
        st.markdown("in fragment")
    frag()
    a, b = st.columns(2); a.write("in column")
    with st.expander("E"): st.write("in expander")
    t, = st.tabs(["T"]); t.write("in tab")
    st.popover("P").write("in popover")
    st.space()
    st.progress(5); st.status("st"); st.toast("hi"); st.balloons(); st.snow()
    with st.spinner():
        pass
    st.skeleton()
    with st.skeleton():
        pass
    st.set_page_config(page_title="x")
    st.page_link("https://example.com", label="Ex")
    st.image("https://example.com/i.png"); st.audio(b"RIFF"); st.video("https://example.com/v.mp4")
    st.download_button("Get", "text"); st.pdf(b"%PDF-1.4"); st.logo("https://example.com/l.png")
    st.components.v1.declare_component("c", url="http://localhost:9")(key="c")
    st.components.v1.html("<b>hi</b>"); st.iframe("https://example.org")
    st.components.v2.component("v2", html="<i>v2</i>")()
    import plotly.graph_objects as go
    st.plotly_chart(go.Figure(go.Bar(y=[1])))
    import matplotlib.pyplot as plt
    figure, axes = plt.subplots()
    st.pyplot(figure)
    st.graphviz_chart("digraph { a -> b }")
    import pydeck
    st.pydeck_chart(pydeck.Deck())
"""
ON_STREAMLIT_1_67 = [
    ("main", "SpecialBlock"), ("title", "Title"), ("header", "Header"), ("subheader", "Subheader"),
    ("markdown", "Markdown"), ("caption", "Caption"), ("text", "Text"), ("latex", "Latex"), ("code", "Code"),
    ("divider", "Divider"), ("json", "Json"), ("metric", "Metric"), ("success", "Success"), ("info", "Info"),
    ("warning", "Warning"), ("error", "Error"), ("exception", "Exception"), ("help_info", "Help"),
    ("dataframe", "Dataframe"), ("vega_lite_chart", "UnknownElement"), ("vega_lite_chart", "UnknownElement"),
    ("vega_lite_chart", "UnknownElement"), ("vega_lite_chart", "UnknownElement"), ("vega_lite_chart", "UnknownElement"),
    ("vega_lite_chart", "UnknownElement"), ("deck_gl_json_chart", "UnknownElement"), ("empty", "UnknownElement"),
    ("table", "Table"), ("dataframe", "Dataframe"),
    ("flex_container", "Block"), ("button", "Button"), ("checkbox", "Checkbox"), ("toggle", "Toggle"),
    ("radio", "Radio"), ("selectbox", "Selectbox"), ("multiselect", "Multiselect"), ("slider", "Slider"),
    ("number_input", "NumberInput"), ("text_input", "TextInput"), ("text_area", "TextArea"),
    ("date_input", "DateInput"), ("time_input", "TimeInput"), ("date_time_input", "DateTimeInput"),
    ("color_picker", "ColorPicker"), ("menu_button", "MenuButton"), ("pagination", "Pagination"),
    ("feedback", "Feedback"), ("html", "Html"), ("link_button", "LinkButton"), ("button_group", "ButtonGroup"),
    ("button_group", "ButtonGroup"), ("select_slider", "SelectSlider"),
    ("file_uploader", "FileUploader"), ("camera_input", "CameraInput"), ("audio_input", "AudioInput"),
    ("chat_message", "ChatMessage"),
    ("chat_input", "ChatInput"),
    ("form", "Block"), ("text_input", "TextInput"), ("button", "Button"), ("flex_container", "Block"),
    ("markdown", "Markdown"),
    ("flex_container", "Block"), ("column", "Column"), ("markdown", "Markdown"), ("column", "Column"),
    ("expander", "Expander"), ("markdown", "Markdown"), ("tab_container", "Block"), ("tab", "Tab"),
    ("markdown", "Markdown"), ("popover", "Block"), ("markdown", "Markdown"), ("space", "Space"),
    ("progress", "Progress"), ("status", "Status"), ("balloons", "UnknownElement"),
    ("snow", "UnknownElement"), ("skeleton", "UnknownElement"), ("empty", "UnknownElement"),
    ("page_link", "PageLink"), ("image", "Image"), ("audio", "UnknownElement"), ("video", "UnknownElement"),
    # 1.67's st.pdf needs the streamlit-pdf package, whose viewer is a component (an UnknownElement too).
    ("download_button", "DownloadButton"), ("pdf", "UnknownElement"),
    ("component_instance", "UnknownElement"), ("iframe", "UnknownElement"), ("iframe", "UnknownElement"),
    ("bidi_component", "UnknownElement"),
    ("plotly_chart", "UnknownElement"), ("image", "Image"),
    ("graphviz_chart", "UnknownElement"), ("deck_gl_json_chart", "UnknownElement"),
]
# Where appcore's node has setters Streamlit's lacks: a subclass of Streamlit's class, so that a test
# can send a component's value (isinstance(node, UnknownElement) holds, as on Streamlit).
RICHER_THAN_STREAMLIT = {"component_instance": "ComponentInstance", "bidi_component": "UnknownWidget"}
# Element types that draw nothing in main: st.set_page_config, st.logo and the page menu are messages, a
# dialog opens in "event".
NOT_IN_MAIN = {"page_config", "dialog", "navigation", "toast", "spinner", "cache_spinner", "logo"}


def test_every_element_appcore_has_gives_streamlits_node_type_and_class():
    # Importing plotly and matplotlib can take longer than AppTest's default 3 s on a busy machine.
    at = AppTest.from_string(EVERY_ELEMENT, default_timeout=60).run()
    assert [(n.type, type(n).__name__) for n in at.main] == [
        (node_type, RICHER_THAN_STREAMLIT.get(node_type, name)) for node_type, name in ON_STREAMLIT_1_67]
    assert isinstance(at.get("component_instance")[0], UnknownElement)
    drawn = {n.element_type for n in at.main} | NOT_IN_MAIN
    bundled = {name for name, element in at.app.element_types.items()
               if at.app.plugin_infos_by_name[element.plugin].distribution == "appcore"}  # not pip-installed ones
    missing = sorted(bundled - drawn)
    assert not missing, (f"element types {missing} are not in EVERY_ELEMENT: add a call of each, run the app on "
                         "Streamlit 1.67's AppTest and add the node type it shows to ON_STREAMLIT_1_67 (declare "
                         "ElementType.extra['test_type'] where it differs from appcore's type)")


def test_st_bottom_is_a_root_whose_widgets_apptest_finds():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown("above")
        st.bottom.button("Send")
    """).run()
    assert at.button[0].label == "Send" and at.button[0].path[0] == "bottom"
    assert [n.type for n in at.main] == ["main", "markdown"]


def test_a_run_that_times_out_is_stopped_not_left_running():
    at = AppTest.from_string("""
        import appcore as st
        st.session_state.setdefault("laps", 0)
        while True:
            st.session_state.laps += 1
    """)
    with pytest.raises(RuntimeError, match=r"AppTest script run timed out after 0.5\(s\)"):
        at.run(timeout=0.5)
    assert at.session.wait_idle(5) and not at.session.running, "the runaway script was stopped"
    assert at.session.state.values["laps"] > 0
