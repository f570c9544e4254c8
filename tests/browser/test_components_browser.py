"""Custom components (v1) in Chromium: the host side of Streamlit's iframe protocol, with a
component page written by hand against the protocol and with published component packages
whose built frontends run unchanged."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ECHO = Path(__file__).parents[1] / "plugins" / "appcore_components" / "echo_component"
SHOTS = Path("/work/shots")

# Records what the page sends on its websocket, to prove what it did not send.
RECORD_SENT = """
const send = WebSocket.prototype.send;
window.__sent = [];
WebSocket.prototype.send = function (data) { window.__sent.push(String(data)); return send.call(this, data); };
"""


def echo_app(keyed: bool) -> str:
    key = ', key="echo"' if keyed else ""
    return f"""
        import appcore as st
        import pandas as pd
        comp = st.components.v1.declare_component("echo", path={str(ECHO)!r})
        label = st.text_input("label", "first")
        value = comp(label=label, blob=b"\\x01\\x02", table=pd.DataFrame({{"a": [1]}}){key})
        st.markdown(f"value={{value!r}}")
    """


def test_a_component_gets_its_arguments_and_theme_and_its_values_reach_python(serve_app, page: Page) -> None:
    app = serve_app(echo_app(keyed=True))
    page.add_init_script(RECORD_SENT)
    page.goto(app.url)
    frame = page.frame_locator('[data-testid="ac-component"] iframe')
    args = frame.locator("#args")
    expect(args).to_contain_text('"label":"first"')
    expect(args).to_contain_text('"blob":[1,2]')
    expect(args).to_contain_text('"dfs":[["table",true,true]]')
    expect(args).to_contain_text('"key":"echo"')
    expect(frame.locator("#theme")).to_have_text("light #ff4b4b #ffffff")
    # The value the page sent before componentReady was dropped.
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value=None")
    assert not any("too early" in sent for sent in page.evaluate("window.__sent"))

    frame.locator("#json").click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value={'clicked': 'first'}")
    frame.locator("#bytes").click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value=b'\\x01\\x02\\xff'")
    frame.locator("#untyped").click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value=['first', 7]")

    # setFrameHeight sizes the iframe.
    assert page.locator('[data-testid="ac-component"] iframe').evaluate("f => f.offsetHeight") < 300
    frame.locator("#grow").click()
    page.wait_for_function("() => document.querySelector('[data-testid=ac-component] iframe').offsetHeight > 300")


def test_a_keyed_component_keeps_its_frame_when_its_arguments_change_and_an_unkeyed_one_remounts(
        serve_app, page: Page) -> None:
    for keyed, renders_after in ((True, 2), (False, 1)):
        app = serve_app(echo_app(keyed=keyed))
        page.goto(app.url)
        frame = page.frame_locator('[data-testid="ac-component"] iframe')
        expect(frame.locator("#args")).to_contain_text('"renders":1')
        page.get_by_label("label").fill("second")
        page.get_by_label("label").press("Enter")
        expect(frame.locator("#args")).to_contain_text('"label":"second"')
        expect(frame.locator("#args")).to_contain_text(f'"renders":{renders_after}')


def test_messages_from_another_frame_are_ignored(serve_app, page: Page) -> None:
    app = serve_app(echo_app(keyed=True))
    page.add_init_script(RECORD_SENT)
    page.goto(app.url)
    expect(page.frame_locator('[data-testid="ac-component"] iframe').locator("#args")).to_contain_text("first")
    page.evaluate("""() => new Promise((done) => {
        window.addEventListener("message", (e) => { if (e.data === "forger done") done(); });
        const forger = document.createElement("iframe");
        forger.srcdoc = `<script>
          parent.postMessage({isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1}, "*");
          parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue", value: "forged", dataType: "json"}, "*");
          parent.postMessage("forger done", "*");
        <\\/script>`;
        document.body.append(forger);
    })""")
    assert not any("forged" in sent for sent in page.evaluate("window.__sent"))
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value=None")


def test_an_unknown_api_version_is_shown_in_the_page(serve_app, page: Page, tmp_path: Path) -> None:
    folder = tmp_path / "future"
    folder.mkdir()
    (folder / "index.html").write_text("""<script>
      parent.postMessage({isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 2}, "*");
    </script>""")
    app = serve_app(f"""
        import appcore as st
        st.components.v1.declare_component("future", path={str(folder)!r})()
    """)
    page.goto(app.url)
    expect(page.get_by_role("alert")).to_have_text("Unrecognized component API version: '2'")


def test_st_iframe_and_components_html_draw_their_documents(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        st.iframe("<p id='inside'>inside st.iframe</p>" + "<div style='height: 250px'></div>")
        st.components.v1.html("<p id='legacy'>legacy html</p>", height=80)
    """)
    page.goto(app.url)
    frames = page.locator('[data-testid="ac-iframe"] iframe')
    expect(frames).to_have_count(2)
    expect(page.frame_locator('[data-testid="ac-iframe"] iframe >> nth=0').locator("#inside")).to_have_text(
        "inside st.iframe")
    expect(page.frame_locator('[data-testid="ac-iframe"] iframe >> nth=1').locator("#legacy")).to_have_text(
        "legacy html")
    # height="content": the frame grows to its document; components.v1.html keeps its 80 px.
    page.wait_for_function("() => document.querySelector('[data-testid=ac-iframe] iframe').offsetHeight > 250")
    assert frames.nth(1).evaluate("f => f.offsetHeight") == 80


# -- published packages, their Python and their built frontends unchanged -------------------

# Pinned, each for a reason: streamlit-autorefresh 1.0.1 is a React build (the component
# library's class API), streamlit-option-menu 0.4.0 a Vue build that reads the theme,
# streamlit-image-coordinates 0.4.1 sends its values without a dataType; streamlit-keyup 1.0.0
# is a components v2 package (inline HTML, CSS and a JS module; a state and a trigger);
# streamlit-extras 1.6.0 packages its v2 extras' React builds under the asset_dirs its
# pyproject.toml declares and names the module by glob (js="index-*.js").
PACKAGES = ["streamlit-autorefresh==1.0.1", "streamlit-option-menu==0.4.0", "streamlit-image-coordinates==0.4.1",
            "streamlit-keyup==1.0.0", "streamlit-extras==1.6.0"]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages pip-installed, without their dependency on Streamlit, into a folder of their own."""
    target = tmp_path_factory.mktemp("published")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    "--target", str(target), *PACKAGES], check=True)
    return target


def test_published_component_packages_run_unchanged(serve_app, page: Page, published: Path) -> None:
    app = serve_app("""
        import streamlit as st
        from PIL import Image
        from streamlit_autorefresh import st_autorefresh
        from streamlit_image_coordinates import streamlit_image_coordinates
        from streamlit_option_menu import option_menu

        selected = option_menu("Main menu", ["Home", "Settings"], icons=["house", "gear"], default_index=0)
        st.markdown(f"selected={selected}")
        count = st_autorefresh(interval=300, limit=3, key="tick")
        st.markdown(f"count={count}")
        point = streamlit_image_coordinates(Image.new("RGB", (120, 80), "teal"), key="pic")
        st.markdown(f"point={None if point is None else (point['x'], point['y'])}")
    """, env={"PYTHONPATH": str(published)})
    page.goto(app.url)
    markdown = page.get_by_test_id("ac-markdown")
    expect(markdown.nth(0)).to_have_text("selected=Home")
    menu = page.frame_locator('[data-testid="ac-component"] iframe >> nth=0')
    menu.get_by_text("Settings").click()
    expect(markdown.nth(0)).to_have_text("selected=Settings")
    # The autorefresh counts up to limit - 1 and stops there.
    expect(markdown.nth(1)).to_have_text("count=2")
    picture = page.frame_locator('[data-testid="ac-component"] iframe >> nth=2').locator("img")
    picture.click(position={"x": 30, "y": 20})
    expect(markdown.nth(2)).to_have_text("point=(30, 20)")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "components-published.png"), full_page=True)
    assert "Traceback" not in app.stderr


def test_a_v2_package_runs_unchanged(serve_app, page: Page, published: Path) -> None:
    app = serve_app("""
        import streamlit as st
        from st_keyup import st_keyup
        value = st_keyup("Search", key="q", on_submit=lambda: st.session_state.update(entered=True))
        st.markdown(f"value={value!r} entered={st.session_state.get('entered', False)}")
    """, env={"PYTHONPATH": str(published)})
    page.goto(app.url)
    box = page.get_by_test_id("ac-bidi_component").locator("input")
    # The input is in the element's HTML, drawn before the package's module has run: keys typed
    # before that are lost to its first render, which sets the input to Python's value (under
    # Streamlit too). The module marks the input on that render; a person cannot type so soon.
    box.evaluate("i => new Promise((done) => { const ran = () => i._userTyping === false ? done() : requestAnimationFrame(ran); ran(); })")
    box.press_sequentially("abc")
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value='abc' entered=False")
    box.press("Enter")
    expect(page.get_by_test_id("ac-markdown")).to_have_text("value='abc' entered=True")
    # Its styles are isolated in a shadow root and read the page's theme as --st-* variables.
    # Focused: --st-primary-color, once the package's own 150 ms border transition is over.
    box.evaluate("""i => new Promise((done) => {
      const wrap = i.closest('.stkeyup__wrap');
      const settled = () => getComputedStyle(wrap).borderColor === "rgb(255, 75, 75)" ? done() : requestAnimationFrame(settled);
      settled();
    })""")
    border = box.evaluate("i => getComputedStyle(i.closest('.stkeyup__wrap')).borderColor")
    assert border == "rgb(255, 75, 75)"
    assert page.evaluate("document.querySelectorAll('.stkeyup__wrap').length") == 0  # in the shadow root


def test_a_packaged_v2_component_loads_its_module_from_its_asset_dir(serve_app, page: Page, published: Path) -> None:
    app = serve_app("""
        import streamlit as st
        from streamlit_extras.pagination import pagination
        page = pagination(num_pages=12, key="pager")
        st.markdown(f"page={page}")
    """, env={"PYTHONPATH": str(published)})
    page.goto(app.url)
    expect(page.get_by_test_id("ac-markdown")).to_have_text("page=1")
    pager = page.get_by_test_id("ac-bidi_component")
    # Previous, 1 to 6, an ellipsis, 12, next: drawn by the package's own React build.
    expect(pager.get_by_role("button")).to_have_count(9)
    pager.get_by_role("button").nth(3).click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("page=3")
    assert "Traceback" not in app.stderr


V2_JS = """
export default function({ parentElement, data, setStateValue, setTriggerValue }) {
  const button = parentElement.querySelector("button");
  button.textContent = data.label;
  button.onclick = () => {
    const count = (Number(button.dataset.count) || 0) + 1;
    button.dataset.count = count;
    setStateValue("count", count);
    setTriggerValue("clicked", data.label);
  };
  return () => { document.body.dataset.cleaned = "yes"; };
}
"""


def test_a_v2_component_gets_data_and_sends_state_and_triggers(serve_app, page: Page) -> None:
    app = serve_app(f"""
        import appcore as st
        counter = st.components.v2.component(
            "counter", html="<button></button>", css="button {{ color: var(--st-primary-color); }}",
            js={V2_JS!r}, isolate_styles=False)
        if st.checkbox("show", value=True):
            result = counter(key="c", data={{"label": "Add"}}, default={{"count": 0}},
                             on_count_change=lambda: None, on_clicked_change=lambda: None)
            st.markdown(f"count={{result.count}} clicked={{result.clicked!r}}")
    """)
    page.goto(app.url)
    button = page.get_by_role("button", name="Add")
    button.click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("count=1 clicked='Add'")
    assert button.evaluate("b => getComputedStyle(b).color") == "rgb(255, 75, 75)"
    page.get_by_text("show").click()  # the component goes: its cleanup runs
    expect(page.locator("body")).to_have_attribute("data-cleaned", "yes")


TABLE_JS = """
export default function({ parentElement, data }) {
  const out = parentElement.querySelector("output");
  if (data instanceof Uint8Array) {
    out.textContent = `bytes of ${data.length}`;
  } else {
    const table = data.table;
    const people = table.getChild("people").toArray();
    out.textContent = `${data.title}: ${table.numRows} rows, ${table.getChild("city").get(1)} has ${people[1]}`;
  }
}
"""


def test_dataframes_in_data_reach_the_module_as_arrow_tables_or_bytes(serve_app, page: Page) -> None:
    app = serve_app(f"""
        import appcore as st
        import pandas as pd
        shows = st.components.v2.component("shows", html="<output></output>", js={TABLE_JS!r})
        frame = pd.DataFrame({{"city": ["Oslo", "Lima"], "people": [709, 10_000]}})
        shows(key="inside", data={{"table": frame, "title": "Cities"}})
        shows(key="whole", data=frame)
    """)
    page.goto(app.url)
    outputs = page.get_by_test_id("ac-bidi_component").locator("output")
    expect(outputs.nth(0)).to_have_text("Cities: 2 rows, Lima has 10000")
    # A dataframe as the whole of data is its Arrow IPC stream, as Streamlit's host gives it.
    expect(outputs.nth(1)).to_have_text(re.compile(r"^bytes of \d{3,}$"))
