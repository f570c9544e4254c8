"""Components v2 (no iframe), their Python side: registration, mounting, state and trigger values.

Checked on Streamlit 1.67.0 (its own venv): `st.components.v2.component(name, *, html, css, js,
isolate_styles)` returns a mount function `(*, key, data, default, width, height,
**on_<name>_change)`; the result is dict-like with attribute access; state values persist
across reruns, trigger values last one run; a `default` key needs its on_<key>_change; the
AppTest node type is `bidi_component`; `session_state[key]` holds the state dict.
"""
from __future__ import annotations

import base64

import pytest

from appcore.testing import AppTest
from tests.helpers import install_distribution

HEAD = """
import appcore as st
JS = "export default function(c) {}"
counter = st.components.v2.component("counter", html="<button>+</button>", css="button{}", js=JS)
"""


def app(body: str) -> AppTest:
    return AppTest.from_string(HEAD + body)


def component(at: AppTest):
    return at.get("bidi_component")[0]


def test_mounting_draws_the_definition_and_returns_default_state() -> None:
    at = app("""
result = counter(key="c", data={"start": 2}, default={"count": 0}, on_count_change=lambda: None)
st.markdown(f"count={result.count} same={result['count']}")
""").run()
    assert not at.exception
    props = component(at).props
    assert (props["name"], props["html"], props["css"], props["js"]) == ("counter", "<button>+</button>", "button{}",
                                                                         "export default function(c) {}")
    assert props["data"] == {"start": 2} and props["isolate_styles"] is True
    assert at.markdown[0].value == "count=0 same=0"
    assert at.session_state["c"] == {"count": 0}


def test_state_values_persist_and_only_the_changed_values_callback_runs() -> None:
    at = app("""
def on(name):
    def called():
        st.session_state.setdefault("calls", []).append(name)
    return called
result = counter(key="c", default={"count": 0, "label": "x"}, on_count_change=on("count"),
                 on_label_change=on("label"))
st.markdown(f"count={result.count} label={result.label}")
""").run()
    at.send({"t": "widget", "id": component(at).id, "value": {"count": 1, "label": "x"}}).run()
    assert at.markdown[0].value == "count=1 label=x"
    assert at.session_state["calls"] == ["count"]
    at.run()  # an unrelated rerun keeps the state
    assert at.markdown[0].value == "count=1 label=x"


def test_a_trigger_value_lasts_one_run_and_runs_its_callback() -> None:
    at = app("""
result = counter(key="c", on_clicked_change=lambda: st.session_state.update(heard=True))
st.markdown(f"clicked={result.clicked!r} heard={st.session_state.get('heard', False)}")
""").run()
    assert at.markdown[0].value == "clicked=None heard=False"
    at.send({"t": "bidi_trigger", "id": component(at).id, "event": "clicked", "value": "now"}).run()
    assert at.markdown[0].value == "clicked='now' heard=True"
    at.run()
    assert at.markdown[0].value == "clicked=None heard=True"


@pytest.mark.parametrize("message", [
    {"t": "bidi_trigger", "id": "nope", "event": "clicked"},
    {"t": "bidi_trigger", "event": "clicked"},
    {"t": "bidi_trigger", "id": None, "event": ""},
])
def test_triggers_for_no_component_are_refused(message: dict, refuses) -> None:
    at = app("counter(key='c', on_clicked_change=lambda: None)").run()
    refuses(at, message)


def test_in_a_form_triggers_are_refused_callbacks_allowed_and_state_waits_for_the_submit(refuses) -> None:
    at = app("""
with st.form("f"):
    result = counter(key="c", default={"count": 0}, on_count_change=lambda: None)
    st.form_submit_button("Send")
st.markdown(f"count={result.count}")
""").run()
    assert component(at).props["in_form"] is True
    refuses(at, {"t": "bidi_trigger", "id": component(at).id, "event": "clicked", "value": 1})
    at.send({"t": "widget", "id": component(at).id, "value": {"count": 5}}).run()
    assert at.markdown[0].value == "count=0"
    at.button[0].click().run()
    assert at.markdown[0].value == "count=5"


def test_a_keyed_instance_keeps_its_identity_when_its_data_changes_an_unkeyed_one_does_not() -> None:
    at = app("""
n = st.session_state.setdefault("n", 0)
counter(key="kept", data={"n": n})
counter(data={"n": n, "other": True})
""").run()
    first = [node.id for node in at.get("bidi_component")]
    at.session_state["n"] = 1
    at.run()
    second = [node.id for node in at.get("bidi_component")]
    assert first[0] == second[0] and first[1] != second[1]


def test_bytes_data_travels_as_bytes() -> None:
    at = app("counter(key='c', data=b'\\x00\\x01')").run()
    assert base64.b64decode(component(at).props["data_bytes"]) == b"\x00\x01"


def test_dataframes_in_data_travel_as_arrow_streams() -> None:
    import pyarrow as pa
    at = app("""
import pandas as pd
frame = pd.DataFrame({"city": ["Oslo", "Lima"], "people": [709, 10_000]})
counter(key="whole", data=frame)
counter(key="inside", data={"table": frame, "title": "Cities"})
""").run(timeout=30)
    assert not at.exception
    whole, inside = (node.props for node in at.get("bidi_component"))
    read = lambda blob: pa.ipc.open_stream(base64.b64decode(blob)).read_all().to_pandas()  # noqa: E731
    assert read(whole["data_arrow"]).to_dict("list") == {"city": ["Oslo", "Lima"], "people": [709, 10_000]}
    ref = inside["data"]["table"]["__streamlit_arrow_ref__"]
    assert inside["data"]["title"] == "Cities"
    assert read(inside["data_arrow_blobs"][ref])["people"].tolist() == [709, 10_000]


@pytest.mark.parametrize(("body", "message"), [
    ("counter(key='c', default={'count': 0})", "needs an on_count_change callback"),
    ("counter(key='c', on__change=lambda: None)", "Invalid callback name"),
    ("counter(key='c', whatever=1)", "is not a parameter"),
    ("st.components.v2.component('x', js=3)", "Invalid type for `js`"),
    ("counter(key='c', data={'f': object()})", "could not be serialized"),
])
def test_misuse_gets_a_clear_error(body: str, message: str) -> None:
    at = app(body).run(timeout=30)  # importing pandas on a busy machine
    assert message in at.exception[0].message


def test_the_module_paths_streamlit_code_imports() -> None:
    at = AppTest.from_string("""
import streamlit.components.v2 as v2
from appcore.components.v2 import component
assert v2.component is component
component("x", html="<i>x</i>")()
""").run()
    assert not at.exception
    assert [n.type for n in at.main][1:] == ["bidi_component"]


# -- packaged components: files under the asset_dir their pyproject.toml declares -------------

@pytest.fixture
def packaged(tmp_path, monkeypatch):
    """An installed distribution 'acme-widgets' shipping pyproject.toml beside its code, as
    streamlit-extras does, with one component whose build holds a hashed module name."""
    package = tmp_path / "acme_widgets"
    (package / "pager" / "build").mkdir(parents=True)
    (package / "pager" / "build" / "index-3f9a.js").write_text("export default function() {}")
    (package / "pager" / "build" / "style.css").write_text("button {}")
    (package / "__init__.py").write_text("")
    (package / "pyproject.toml").write_text(
        '[project]\nname = "acme-widgets"\n\n[[tool.streamlit.component.components]]\n'
        'name = "pager"\nasset_dir = "pager/build"\n\n[[tool.streamlit.component.components]]\n'
        'name = "bare"\n')
    install_distribution(monkeypatch, tmp_path, "acme-widgets", {
        "RECORD": "acme_widgets/__init__.py,,\nacme_widgets/pyproject.toml,,\nacme_widgets-1.0.dist-info/METADATA,,\n"})
    from appcore_components import manifest
    manifest._manifest.cache_clear()
    yield package / "pager" / "build"
    manifest._manifest.cache_clear()


def test_a_packaged_components_module_and_styles_are_files_in_its_asset_dir(packaged) -> None:
    at = AppTest.from_string("""
import appcore as st
pager = st.components.v2.component("acme-widgets.pager", html="<div></div>", js="index-*.js", css="style.css")
pager(key="p")
""").run()
    assert not at.exception
    props = component(at).props
    assert (props["js"], props["js_file"], props["css"], props["css_file"]) == (None, "index-3f9a.js", None,
                                                                                "style.css")
    from appcore_components import appcore_resolve_component
    assert appcore_resolve_component("acme-widgets.pager") == packaged.resolve()


@pytest.mark.parametrize("name, js, message", [
    ("acme-widgets.bare", "index.js", "must be declared in pyproject.toml with asset_dir to use file-backed js"),
    ("nobody.pager", "index.js", "must be declared in pyproject.toml with asset_dir"),
    ("acme-widgets.pager", "*.*", "must match exactly one file"),
    ("acme-widgets.pager", "missing.js", "is not a file in its asset_dir"),
    ("acme-widgets.pager", "../../__init__.js", "may not leave it"),
])
def test_a_file_backed_module_that_cannot_be_found_is_a_clear_error(packaged, name, js, message) -> None:
    at = AppTest.from_string(f"import appcore as st\nst.components.v2.component({name!r}, js={js!r})").run()
    assert message in at.exception[0].value


def test_code_with_a_newline_stays_inline_even_when_it_mentions_a_path(packaged) -> None:
    js = "import x from './index.js';\nexport default function() {}"
    at = AppTest.from_string(f"import appcore as st\nst.components.v2.component('acme-widgets.pager', js={js!r})"
                             "(key='p')").run()
    assert not at.exception
    assert (component(at).props["js"], component(at).props["js_file"]) == (js, None)



def test_a_trigger_belongs_to_the_run_it_asks_for_not_to_a_click_run_in_flight(gates) -> None:
    at = app("""
from appcore_test_gates import drawing
st.button("Other")
drawing.arrive()
result = counter(key="c", on_clicked_change=lambda: None)
st.session_state.setdefault("seen", []).append(result.clicked)
st.markdown(f"clicked={result.clicked!r}")
""").run()
    with gates.drawing.closed():
        at.session.handle_message({"t": "widget", "id": at.button[0].id, "value": True})
        gates.drawing.wait_arrival()  # the click's run (never cut short) waits before the component
        at.session.handle_message({"t": "bidi_trigger", "id": component(at).id, "event": "clicked", "value": "Add"})
    at._wait(5)
    assert at.session_state["seen"] == [None, None, "Add"]
    assert at.markdown[0].value == "clicked='Add'"


def test_state_sent_with_a_trigger_reaches_the_same_single_run() -> None:
    at = app("""
result = counter(key="c", default={"count": 0}, on_count_change=lambda: None, on_clicked_change=lambda: None)
st.markdown(f"count={result.count} clicked={result.clicked!r}")
""").run()
    runs = at.session.runs_started
    at.send({"t": "bidi_trigger", "id": component(at).id, "event": "clicked", "value": "Add",
             "state": {"count": 1}}).run()
    assert at.markdown[0].value == "count=1 clicked='Add'"
    assert at.session.runs_started - runs == 1
    assert at.session_state["c"] == {"count": 1}


def test_a_run_that_carries_a_trigger_is_not_cut_short_by_a_newer_state_change(gates) -> None:
    at = app("""
from appcore_test_gates import drawing
result = counter(key="c", default={"count": 0}, on_count_change=lambda: None, on_clicked_change=lambda: None)
drawing.arrive()
st.session_state.setdefault("seen", []).append((result.count, result.clicked))
st.markdown(f"count={result.count}")
""").run()
    wid = component(at).id
    with gates.drawing.closed():
        at.session.handle_message({"t": "bidi_trigger", "id": wid, "event": "clicked", "value": "Add"})
        gates.drawing.wait_arrival()  # the trigger's run has drawn the component
        at.session.handle_message({"t": "widget", "id": wid, "value": {"count": 2}})
    at._wait(5)
    assert at.session_state["seen"] == [(0, None), (0, "Add"), (2, None)]
    assert at.markdown[0].value == "count=2"
