"""Custom components (v1), their Python side: declaring, calling, identity and values.

Behaviour checked on Streamlit 1.67.0 (its own venv) and kept here: the full name is
"<caller module>.<name>" (the script's file stem for the script itself); positional
arguments are refused ("Argument 'x' needs a label"); bytes and dataframe arguments travel
apart from the JSON ones; `default` is returned until the frontend sends a value, and
`session_state[key]` is None meanwhile; the AppTest node type is `component_instance`,
and `components.v1.html`/`.iframe` and `st.iframe` are `iframe` nodes.
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from appcore.testing import AppTest

ECHO = Path(__file__).parent / "echo_component"


def app(body: str) -> AppTest:
    return AppTest.from_string(f"import appcore as st\nECHO = {str(ECHO)!r}\n{body}")


def ipc(frame: pd.DataFrame) -> str:
    table = pa.Table.from_pandas(frame)
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return base64.b64encode(sink.getvalue()).decode()


def test_the_full_name_is_the_calling_module_and_the_name() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
st.markdown(comp.name)
comp(label="x")
""").run()
    assert not at.exception
    full_name = at.markdown[0].value
    assert full_name.endswith(".echo") and full_name != "__main__.echo"
    assert at.component[0].props["name"] == full_name


@pytest.mark.parametrize(("call", "message"), [
    ('declare_component("x")', "Either 'path' or 'url' must be set."),
    ('declare_component("x", path="/no/such/folder")', "No such component directory"),
])
def test_declare_component_refuses_what_streamlit_refuses(call: str, message: str) -> None:
    at = app(f"import appcore.components.v1 as components\ncomponents.{call}").run()
    assert message in at.exception[0].message


def test_positional_arguments_and_a_bad_tab_index_are_refused() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
comp("oops")
""").run()
    assert at.exception[0].message == "Argument 'oops' needs a label"
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
comp(tab_index=-2)
""").run()
    assert "tab_index" in at.exception[0].message


def test_arguments_travel_as_json_bytes_and_arrow_tables() -> None:
    at = app("""
import pandas as pd
comp = st.components.v1.declare_component("echo", path=ECHO)
comp(label="hi", blob=b"\\x00\\x01", table=pd.DataFrame({"a": [1, 2]}, index=["r1", "r2"]), default=3)
""").run()
    props = at.component[0].props
    assert props["args"] == {"label": "hi", "default": 3, "key": None}
    assert base64.b64decode(props["bytes_args"]["blob"]) == b"\x00\x01"
    table = props["dataframes"]["table"]
    data = pa.ipc.open_stream(base64.b64decode(table["data"])).read_all().to_pandas()
    index = pa.ipc.open_stream(base64.b64decode(table["index"])).read_all().to_pandas()
    assert data["a"].tolist() == [1, 2]
    assert index.iloc[:, 0].tolist() == ["r1", "r2"]


def test_an_index_and_a_series_argument_travel_as_streamlit_sends_them() -> None:
    # Checked on Streamlit 1.67 (component_arrow.marshall): an Index is a column of its values
    # under a fresh index, a Series its one column under its own index.
    at = app("""
import pandas as pd
comp = st.components.v1.declare_component("echo", path=ECHO)
comp(names=pd.Index(["x", "y"], name="n"), series=pd.Series([1, 2], name="s", index=["a", "b"]))
""").run()
    tables = at.component[0].props["dataframes"]

    def read(table: dict, part: str) -> pd.DataFrame:
        return pa.ipc.open_stream(base64.b64decode(table[part])).read_all().to_pandas()

    got = {name: (read(t, "data").to_dict("list"), read(t, "index").iloc[:, 0].tolist(),
                  read(t, "columns").iloc[:, 0].tolist()) for name, t in tables.items()}
    assert got == {"names": ({"n": ["x", "y"]}, [0, 1], ["n"]), "series": ({"s": [1, 2]}, ["a", "b"], ["s"])}


def test_arguments_that_are_not_json_are_streamlits_error() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
comp(thing=object())
""").run()
    assert "Could not convert component args to JSON" in at.exception[0].message


def test_default_until_the_frontend_sends_then_its_json_value() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
value = comp(label="a", key="k", default="nothing yet")
st.markdown(f"value={value!r}")
""").run()
    assert at.markdown[0].value == "value='nothing yet'"
    assert at.session_state["k"] is None
    at.send({"t": "widget", "id": at.component[0].id, "value": {"json": {"x": [1, 2]}}}).run()
    assert at.markdown[0].value == "value={'x': [1, 2]}"
    assert at.session_state["k"] == {"x": [1, 2]}


def test_bytes_and_dataframes_from_the_frontend_come_back_as_bytes_and_a_dataframe() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
value = comp(key="k")
st.session_state["seen"] = value
""").run()
    at.send({"t": "widget", "id": at.component[0].id,
             "value": {"bytes": base64.b64encode(b"\x01\x02\xff").decode()}}).run()
    assert at.session_state["seen"] == b"\x01\x02\xff"
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    sent = {"data": ipc(frame), "index": ipc(pd.DataFrame(["r1", "r2"])), "columns": ipc(pd.DataFrame(["a", "b"]))}
    at.send({"t": "widget", "id": at.component[0].id, "value": {"dataframe": sent}}).run()
    got = at.session_state["seen"]
    assert isinstance(got, pd.DataFrame)
    assert got.index.tolist() == ["r1", "r2"] and got.columns.tolist() == ["a", "b"]
    assert got["b"].tolist() == ["x", "y"]


@pytest.mark.parametrize("value", [
    "plain", {"json": 1, "bytes": "AA=="}, {"bytes": "not base64!"}, {"dataframe": {"data": "AA=="}},
    {"dataframe": {"data": "AAAA", "index": "AAAA", "columns": "AAAA"}}, {"binary": "AA=="},
])
def test_values_outside_the_protocol_are_refused_and_the_session_lives_on(value: object) -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
st.markdown(f"value={comp(key='k')!r}")
""").run()
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.component[0].id, "value": value}).run()
    at.send({"t": "widget", "id": at.component[0].id, "value": {"json": "fine"}}).run()
    assert at.markdown[0].value == "value='fine'"


def test_an_unkeyed_instance_is_a_new_widget_when_its_arguments_change_and_a_keyed_one_is_not() -> None:
    script = """
comp = st.components.v1.declare_component("echo", path=ECHO)
n = st.session_state.setdefault("n", 0)
comp(label=f"unkeyed {n}")
comp(label=f"keyed {n}", key="kept")
"""
    at = app(script).run()
    first = [element.id for element in at.component]
    at.session_state["n"] = 1
    at.run()
    second = [element.id for element in at.component]
    assert first[0] != second[0]
    assert first[1] == second[1]


def test_on_change_runs_when_the_frontend_sends_a_value() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
def changed():
    st.session_state["calls"] = st.session_state.get("calls", 0) + 1
comp(key="k", on_change=changed)
""").run()
    at.send({"t": "widget", "id": at.component[0].id, "value": {"json": 1}}).run()
    assert at.session_state["calls"] == 1


def test_a_component_draws_into_the_container_it_is_called_in() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
with st.sidebar:
    comp(label="side")
""").run()
    assert at.sidebar.get("component_instance")[0].props["args"]["label"] == "side"
    assert not at.main.get("component_instance")


def test_streamlit_node_types() -> None:
    at = app("""
import streamlit.components.v1 as components
comp = components.declare_component("echo", path=ECHO)
comp(key="k")
components.html("<b>hi</b>", height=40)
components.iframe("https://example.com")
st.iframe("<p>doc</p>")
""").run()
    assert not at.exception
    assert [node.type for node in at.main][1:] == ["component_instance", "iframe", "iframe", "iframe"]


@pytest.mark.parametrize(("src", "expected"), [
    ("https://example.com/x", {"src": "https://example.com/x", "srcdoc": None, "height": 400}),
    ("data:text/html,<b>x</b>", {"src": "data:text/html,<b>x</b>", "srcdoc": None, "height": 400}),
    ("/app/static/report.html", {"src": "/app/static/report.html", "srcdoc": None, "height": 400}),
    ("<p>inline</p>", {"src": None, "srcdoc": "<p>inline</p>", "height": "content"}),
])
def test_st_iframe_tells_urls_from_html_as_streamlit(src: str, expected: dict) -> None:
    at = app(f"st.iframe({src!r})").run()
    props = at.get("iframe")[0].props
    assert {name: props[name] for name in expected} == expected


def test_st_iframe_reads_a_local_html_file_and_refuses_other_files(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text("<h1>Report</h1>")
    at = app(f"from pathlib import Path\nst.iframe(Path({str(page)!r}), height=300, alt='The report')").run()
    props = at.get("iframe")[0].props
    assert (props["srcdoc"], props["height"], props["title"]) == ("<h1>Report</h1>", 300, "The report")
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG")
    at = app(f"from pathlib import Path\nst.iframe(Path({str(picture)!r}))").run()
    assert "local HTML files" in at.exception[0].message


def test_components_v1_html_defaults_to_150_pixels() -> None:
    at = app("st.components.v1.html('<b>x</b>')").run()
    props = at.get("iframe")[0].props
    assert (props["srcdoc"], props["height"], props["scrolling"]) == ("<b>x</b>", 150, False)


async def test_a_declared_component_folder_is_served_path_safe_by_the_running_app(aiohttp_client, tmp_path) -> None:
    from appcore.app import App
    from appcore.config import Config
    from appcore.server import build_web_app

    import appcore_components

    (tmp_path / "front").mkdir()
    (tmp_path / "front" / "index.html").write_text("<p>mine</p>")
    (tmp_path / "front" / "secret.py").write_text("TOKEN = 1")
    at = AppTest.from_string(f"import appcore as st\nst.components.v1.declare_component('mine', path={str(tmp_path / 'front')!r})")
    at.run()
    name = next(iter(n for n in appcore_components.v1._declared if n.endswith(".mine")))
    config = Config()
    config.server.run_on_save = False
    client = await aiohttp_client(build_web_app(App(tmp_path / "app.py", config, plugins=[appcore_components],
                                                    autoload_plugins=False)))
    response = await client.get(f"/_appcore/components/{name}/index.html")
    assert response.status == 200 and await response.text() == "<p>mine</p>"
    assert response.headers["Cache-Control"] == "no-cache"
    for bad in [f"/_appcore/components/{name}/secret.py", f"/_appcore/components/{name}/%2e%2e/app.py",
                "/_appcore/components/nobody.mine/index.html"]:
        assert (await client.get(bad)).status == 404, bad


def test_inside_a_form_a_value_waits_for_the_submit() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
with st.form("f"):
    value = comp(key="k")
    st.form_submit_button("Send")
st.markdown(f"value={value!r}")
""").run()
    at.send({"t": "widget", "id": at.component[0].id, "value": {"json": "typed"}}).run()
    assert at.markdown[0].value == "value=None"
    at.button[0].click().run()
    assert at.markdown[0].value == "value='typed'"


def test_inside_a_fragment_a_value_reruns_only_the_fragment() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
st.session_state["full runs"] = st.session_state.get("full runs", 0) + 1
@st.fragment
def part():
    st.markdown(f"value={comp(key='k')!r}")
part()
""").run()
    at.send({"t": "widget", "id": at.component[0].id, "value": {"json": 5}}).run()
    assert at.markdown[0].value == "value=5"
    assert at.session_state["full runs"] == 1


def test_apptest_sets_a_components_value_as_its_frontend_would() -> None:
    at = app("""
comp = st.components.v1.declare_component("echo", path=ECHO)
st.markdown(f"value={comp(key='k')!r}")
""").run()
    at.get("component_instance")[0].set_value({"stars": 4}).run()
    assert at.markdown[0].value == "value={'stars': 4}"
    at.get("component_instance")[0].set_value(b"\x07").run()
    assert at.markdown[0].value == "value=b'\\x07'"
