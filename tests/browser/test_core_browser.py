"""What a person sees in a real browser: typing, clicking, reloading, errors,
hot reload, the run-status indicator, streaming, DOM stability and the sidebar.

Each test serves its own script with ``appcore run`` (see conftest.py) and
looks at the page only through the test contract of DESIGN.md §6:
``data-testid="ac-<type>"`` on every element, ``data-key`` for keyed widgets,
and ``data-testid="ac-status"`` with ``data-state``.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from appcore_test_wire import COUNTER  # the counter app the protocol tests use too

pytestmark = pytest.mark.browser


def status(page: Page):
    return page.get_by_test_id("ac-status")


def open_app(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    """Load the app and wait for its first run to finish."""
    page.goto(app.url)
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect_real_renderers(page)


def expect_real_renderers(page: Page) -> None:
    """No element is drawn by the runtime's fallback (a JSON dump of its props)."""
    expect(page.locator(".ac-fallback"),
           "an element is drawn by the fallback renderer: its renderer module was not loaded "
           "(see test_elements_in_the_same_frame_as_the_session_message_get_their_renderers)",
           ).to_have_count(0)


def test_typing_into_a_text_input_and_pressing_enter_updates_the_page(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        name = st.text_input("Your name", key="name")
        st.markdown(f"Hello, {name or 'stranger'}!")
    """)
    open_app(page, app)
    greeting = page.get_by_test_id("ac-markdown")
    expect(greeting).to_have_text("Hello, stranger!")
    widget = page.get_by_test_id("ac-text_input")
    expect(widget).to_have_attribute("data-key", "name")

    box = page.get_by_label("Your name")
    box.fill("Ada Lovelace")
    box.press("Enter")

    expect(greeting).to_have_text("Hello, Ada Lovelace!")
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect(box).to_have_value("Ada Lovelace")


def test_two_fast_clicks_are_both_counted(serve_app, page: Page) -> None:
    app = serve_app(COUNTER)
    open_app(page, app)
    count = page.get_by_test_id("ac-markdown")
    expect(count).to_have_text("Count: 0")
    button = page.get_by_role("button", name="Add one")

    button.click()
    button.click()  # without waiting for the first click's run
    expect(count).to_have_text("Count: 2")

    # A burst faster than any person: three clicks in one task, before any answer.
    button.evaluate("b => { b.click(); b.click(); b.click(); }")
    expect(count).to_have_text("Count: 5")
    expect(status(page)).to_have_attribute("data-state", "idle")


def test_reloading_the_page_resumes_the_session(serve_app, page: Page) -> None:
    app = serve_app(COUNTER, env={"APPCORE_SERVER_EXPOSE_DETAILS": "true"})  # health counts sessions
    open_app(page, app)
    count = page.get_by_test_id("ac-markdown")
    button = page.get_by_role("button", name="Add one")
    button.click()
    expect(count).to_have_text("Count: 1")
    button.click()
    expect(count).to_have_text("Count: 2")
    session_id = page.evaluate("sessionStorage.getItem('appcore.session')")
    assert session_id

    page.reload()

    expect(status(page)).to_have_attribute("data-state", "idle")
    expect_real_renderers(page)
    expect(count).to_have_text("Count: 2")
    assert page.evaluate("sessionStorage.getItem('appcore.session')") == session_id
    assert app.health()["sessions"] == 1
    # The resumed session still takes clicks.
    page.get_by_role("button", name="Add one").click()
    expect(count).to_have_text("Count: 3")


def test_a_script_exception_is_shown_where_it_happened_and_the_app_lives_on(serve_app, page: Page) -> None:
    app = serve_app(COUNTER + 'if st.button("Divide by zero"):\n    1 / 0\nst.markdown("The end")\n')
    open_app(page, app)
    page.get_by_role("button", name="Divide by zero").click()

    error = page.get_by_test_id("ac-exception")
    expect(error).to_be_visible()
    expect(error).to_contain_text("ZeroDivisionError")
    expect(error).to_contain_text("division by zero")
    expect(error).to_contain_text("1 / 0")  # the user's line, from the traceback
    expect(status(page)).to_have_attribute("data-state", "error")
    # What the script drew before the error is still on the page.
    expect(page.get_by_test_id("ac-title")).to_have_text("Counter")
    expect(page.get_by_text("Count: 0")).to_be_visible()

    # The server is up and the session answers the next interaction.
    assert app.health()["status"] == "ok"
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count: 1")).to_be_visible()
    expect(error).to_have_count(0)
    expect(page.get_by_text("The end")).to_be_visible()
    expect(status(page)).to_have_attribute("data-state", "idle")


def test_an_api_errors_message_is_drawn_as_markdown_and_a_python_errors_as_text(
        serve_app, page: Page, artifacts_dir) -> None:
    app = serve_app('import appcore as st\ntry:\n    st.slider("Size", label_visibility="bogus")\n'
                    'except st.errors.StreamlitAPIException as error:\n    st.exception(error)\n'
                    'st.exception(ValueError("a `literal` message"))\n')
    open_app(page, app)
    api_error, python_error = page.get_by_test_id("ac-exception").all()
    # As Streamlit: the parameter's name in code, not between backticks.
    expect(api_error.locator("code")).to_have_text("label_visibility")
    expect(api_error).to_contain_text("Invalid label_visibility value")
    expect(api_error.locator("strong")).to_have_text("AppcoreAPIError")
    expect(python_error).to_contain_text("ValueError: a `literal` message")
    expect(python_error.locator("code")).to_have_count(0)
    page.screenshot(path=artifacts_dir / "exception-markdown.png")


def test_hot_reload_shows_edits_and_keeps_the_page_through_a_syntax_error(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        st.title("Version one")
        st.markdown("The body stays")
    """)
    open_app(page, app)
    title = page.get_by_test_id("ac-title")
    expect(title).to_have_text("Version one")
    page.evaluate("window.__notReloaded = true")

    app.write("""
        import appcore as st

        st.title("Version two")
        st.markdown("The body stays")
    """)
    expect(title).to_have_text("Version two")
    assert page.evaluate("window.__notReloaded === true"), "the page was reloaded instead of updated"

    app.write("""
        import appcore as st

        st.title("Version three"
        st.markdown("The body stays")
    """)
    banner = page.locator("#ac-error")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_contain_text("SyntaxError")
    # The previous page stays under the banner.
    expect(title).to_have_text("Version two")
    expect(page.get_by_text("The body stays")).to_be_visible()

    app.write("""
        import appcore as st

        st.title("Version three")
        st.markdown("The body stays")
    """)
    expect(title).to_have_text("Version three")
    expect(banner).to_be_hidden()
    expect(status(page)).to_have_attribute("data-state", "idle")
    assert page.evaluate("window.__notReloaded === true")


def test_a_slow_script_streams_its_elements_while_the_status_shows_running(serve_app, page: Page) -> None:
    app = serve_app("""
        import time

        import appcore as st

        st.markdown("First, at once")
        time.sleep(1)
        st.markdown("Second, a second later")
    """)
    page.goto(app.url)
    # Look at the page the moment the first element shows: one element, still running.
    seen = page.wait_for_function("""() => {
        const shown = document.querySelectorAll('[data-testid="ac-markdown"]');
        if (!shown.length) return null;
        const status = document.querySelector('[data-testid="ac-status"]');
        return {count: shown.length, first: shown[0].textContent.trim(), state: status.dataset.state,
                text: status.querySelector('.ac-status-text').textContent.trim()};
    }""", polling=10).json_value()
    assert seen == {"count": 1, "first": "First, at once", "state": "running", "text": "Running…"}

    expect(page.get_by_text("Second, a second later")).to_be_visible()
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect_real_renderers(page)
    expect(status(page)).not_to_contain_text("Running")


def test_a_rerun_keeps_unchanged_elements_as_the_same_dom_nodes(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        if "clicks" not in st.session_state:
            st.session_state.clicks = 0
        if st.button("Change one line"):
            st.session_state.clicks += 1
        for i in range(100):
            st.markdown(f"Line {i}")
            if i == 50:
                st.markdown(f"Clicks: {st.session_state.clicks}")
    """)
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    open_app(page, app)
    expect(page.get_by_test_id("ac-markdown")).to_have_count(101)
    marked = page.evaluate("""() => {
        let n = 0;
        for (const el of document.querySelectorAll('[data-testid="ac-markdown"], [data-testid="ac-button"]')) {
            el.__acMark = el.textContent.trim();
            const inner = el.querySelector('p, button');
            if (inner) inner.__acMark = el.__acMark;
            n += 1;
        }
        return n;
    }""")
    assert marked == 102
    frames.clear()

    page.get_by_role("button", name="Change one line").click()
    expect(page.get_by_text("Clicks: 1")).to_be_visible()
    expect(status(page)).to_have_attribute("data-state", "idle")

    lost = page.evaluate("""() => {
        const lost = [];
        for (const el of document.querySelectorAll('[data-testid="ac-markdown"], [data-testid="ac-button"]')) {
            const text = el.textContent.trim();
            if (el.__acMark === undefined) { lost.push(`root of ${text}`); continue; }
            const inner = el.querySelector('p, button');
            if (!text.startsWith('Clicks') && inner.__acMark === undefined) lost.push(`content of ${text}`);
        }
        return lost;
    }""")
    assert lost == [], f"these elements were redrawn although they did not change: {lost}"

    sent = [op for frame in frames for message in json.loads(frame) if message["t"] == "delta"
            for op in message["ops"]]
    assert [(op[0], op[2], op[3].get("body")) for op in sent] == [("e", "markdown", "Clicks: 1")], \
        "a rerun that changes one element must send only that element"


def test_sidebar_elements_are_drawn_in_the_sidebar(serve_app, page: Page, artifacts_dir) -> None:  # type: ignore[no-untyped-def]
    app = serve_app("""
        import appcore as st

        if "side" not in st.session_state:
            st.session_state.side = 0
        if st.sidebar.button("Sidebar button"):
            st.session_state.side += 1
        with st.sidebar:
            st.markdown(f"Sidebar clicks: {st.session_state.side}")
        st.title("Main area")
        name = st.text_input("Your name", key="name")
        st.markdown("In the main area")
    """)
    open_app(page, app)
    sidebar = page.locator('[data-root="sidebar"]')
    main = page.locator('[data-root="main"]')
    expect(sidebar).to_be_visible()
    expect(sidebar.get_by_test_id("ac-button")).to_have_text("Sidebar button")
    expect(sidebar.get_by_test_id("ac-markdown")).to_have_text("Sidebar clicks: 0")
    expect(sidebar.get_by_test_id("ac-title")).to_have_count(0)
    expect(main.get_by_test_id("ac-title")).to_have_text("Main area")
    expect(main.get_by_test_id("ac-markdown")).to_have_text("In the main area")
    expect(main.get_by_test_id("ac-button")).to_have_count(0)
    side_box, main_box = sidebar.bounding_box(), main.bounding_box()
    assert side_box["x"] + side_box["width"] <= main_box["x"], "the sidebar sits left of the main area"

    sidebar.get_by_role("button", name="Sidebar button").click()
    expect(sidebar.get_by_test_id("ac-markdown")).to_have_text("Sidebar clicks: 1")
    expect(status(page)).to_have_attribute("data-state", "idle")
    shot = artifacts_dir / "sidebar.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 1000


def test_elements_in_the_same_frame_as_the_session_message_get_their_renderers(serve_app, page: Page) -> None:
    """A frame is a list of messages, and the server may batch the session message
    with the first run's deltas (it does whenever the run is quick). The page must
    load each element's renderer from the URLs that same frame announces, rather
    than fall back to the JSON dump."""
    app = serve_app("""
        import appcore as st

        st.title("Batched")
        st.markdown("Drawn with its renderer")
        st.button("A real button")
    """)
    merged: list[list[dict]] = []

    def batch_until_idle(route) -> None:  # type: ignore[no-untyped-def]
        server = route.connect_to_server()
        held: list[dict] = []

        def from_server(message: str | bytes) -> None:
            if merged:  # after the first run: pass frames through untouched
                route.send(message)
                return
            held.extend(json.loads(message))
            if any(m["t"] == "run" and m["state"] == "idle" for m in held):
                merged.append(list(held))
                route.send(json.dumps(held))

        server.on_message(from_server)

    page.route_web_socket("**/_appcore/stream", batch_until_idle)
    open_app(page, app)
    assert [m["t"] for m in merged[0]][:1] == ["session"] and "delta" in [m["t"] for m in merged[0]]

    expect(page.get_by_test_id("ac-title").locator("h1")).to_have_text("Batched")
    expect(page.get_by_test_id("ac-markdown").locator("p")).to_have_text("Drawn with its renderer")
    expect(page.get_by_role("button", name="A real button")).to_be_visible()
    expect(page.locator(".ac-fallback")).to_have_count(0)


def test_the_first_run_happens_while_the_runtime_module_is_still_loading(serve_app, page: Page) -> None:
    """The page's head opens the socket (connect.js): the server runs the script while the
    browser still fetches the runtime, which then draws what already arrived. The helpers a
    renderer imports are fetched alongside it (modulepreload), not one import level at a time."""
    app = serve_app("""
        import appcore as st

        st.title("Early")
        st.button("Drawn once the runtime is here")
    """)
    held = []
    page.route("**/_appcore/static/runtime.*.js", lambda route: held.append(route))  # answered below
    with page.expect_websocket() as opened:
        page.goto(app.url, wait_until="commit")
    opened.value.wait_for_event("framereceived", lambda frame: any(
        m["t"] == "run" and m.get("state") == "idle" for m in json.loads(frame)))
    assert held, "the runtime was requested"
    expect(page.get_by_test_id("ac-title")).to_have_count(0)  # nothing drawn without the runtime
    held[0].continue_()

    expect(page.get_by_test_id("ac-title").locator("h1")).to_have_text("Early")
    expect(page.get_by_role("button", name="Drawn once the runtime is here")).to_be_visible()
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect_real_renderers(page)
    # st.title's module imports _markdown.js, which imports _shared.js.
    for helper in ("_markdown.js", "_shared.js"):
        expect(page.locator(f'link[rel="modulepreload"][href$="/_appcore/plugins/elements/{helper}"]')).to_have_count(1)



def test_a_new_tab_loads_the_renderers_the_app_drew_last_while_its_first_run_goes_on(serve_app, page: Page) -> None:
    """The session message names the element types the app drew lately: a second visitor's
    browser fetches their modules at once, before its own first run sends anything to draw."""
    app = serve_app("""
        import time
        import appcore as st

        time.sleep(1.0)  # a slow first run: the deltas come a second after the session message
        st.button("Go")
        st.slider("Level", 0, 10, 5)
    """)
    open_app(page, app)
    expect(page.get_by_role("slider", name="Level")).to_be_visible()
    visitor = page.context.browser.new_context()  # another person: nothing of the first tab cached
    try:
        tab = visitor.new_page()
        with tab.expect_websocket() as opened:
            tab.goto(app.url, wait_until="commit")
        opened.value.wait_for_event("framereceived", lambda frame: any(
            m["t"] == "session" and "slider" in m.get("preload", []) for m in json.loads(frame)))
        # Well before the run's deltas (a second away), the slider's module has been fetched.
        tab.wait_for_function("performance.getEntriesByType('resource').some(e => /elements\\/slider\\./.test(e.name))",
                              timeout=800)
        expect(tab.get_by_role("slider", name="Level")).to_have_count(0)  # not drawn yet
        expect(tab.get_by_role("slider", name="Level")).to_be_visible()
    finally:
        visitor.close()


def test_focus_stays_on_a_widget_when_an_element_appears_above_it(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        name = st.text_input("Your name")
        if name:
            st.success(f"Hi {name}")
        st.text_input("City", key="city")
    """)
    open_app(page, app)
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Your name").press("Tab")  # blur sends the name; focus moves to City
    expect(page.get_by_test_id("ac-success")).to_contain_text("Hi Ada")
    expect(status(page)).to_have_attribute("data-state", "idle")
    page.keyboard.type("Paris")
    expect(page.get_by_label("City")).to_have_value("Paris")


def test_a_text_area_hint_does_not_move_the_button_under_the_pointer(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        note = st.text_area("Note")
        if st.button("Save"):
            st.markdown(f"saved {note}")
    """)
    open_app(page, app)
    page.get_by_label("Note").fill("remember")
    before = page.get_by_role("button", name="Save").bounding_box()
    page.get_by_label("Note").blur()
    after = page.get_by_role("button", name="Save").bounding_box()
    assert before == after
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("ac-markdown")).to_have_text("saved remember")


def test_the_sidebar_closes_and_opens_and_starts_closed_on_a_narrow_screen(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        st.sidebar.markdown("In the sidebar")
        st.markdown("Main text that should keep a readable width on a phone.")
    """)
    open_app(page, app)
    sidebar = page.locator('[data-root="sidebar"]')
    toggle = page.get_by_role("button", name="Close sidebar")
    expect(sidebar).to_be_visible()
    toggle.click()
    expect(sidebar).to_be_hidden()
    page.get_by_role("button", name="Open sidebar").click()
    expect(sidebar).to_be_visible()

    page.set_viewport_size({"width": 400, "height": 800})
    page.reload()
    expect(status(page)).to_have_attribute("data-state", "idle")
    expect(sidebar).to_be_hidden()
    main_width = page.get_by_test_id("ac-main").bounding_box()["width"]
    assert main_width >= 360
    page.get_by_role("button", name="Open sidebar").click()
    expect(page.get_by_text("In the sidebar")).to_be_visible()


def test_set_page_config_collapses_the_sidebar(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st

        st.set_page_config(initial_sidebar_state="collapsed")
        st.sidebar.markdown("Hidden at first")
    """)
    open_app(page, app)
    expect(page.locator('[data-root="sidebar"]')).to_be_hidden()
    page.get_by_role("button", name="Open sidebar").click()
    expect(page.get_by_text("Hidden at first")).to_be_visible()


def test_latex_is_typeset_by_the_vendored_katex_with_its_fonts(serve_app, page: Page) -> None:
    app = serve_app(r'''
        import appcore as st

        st.latex(r"a + ar + a r^2 + \cdots + a r^{n-1} = \sum_{k=0}^{n-1} ar^k = a \left(\frac{1-r^{n}}{1-r}\right)")
    ''')
    failed: list[str] = []
    warnings: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    open_app(page, app)

    latex = page.get_by_test_id("ac-latex")
    expect(latex.locator(".katex")).to_have_count(1)
    expect(latex.locator(".katex-mathml math")).to_have_count(1)  # MathML for screen readers
    tex = r"a + ar + a r^2 + \cdots + a r^{n-1} = \sum_{k=0}^{n-1} ar^k = a \left(\frac{1-r^{n}}{1-r}\right)"
    expect(latex.locator("[data-tex]")).to_have_attribute("data-tex", tex)  # the source, for copy and title
    page.wait_for_function("[...document.fonts].some(f => f.family === 'KaTeX_Main' && f.status === 'loaded')")
    assert not failed, f"requests failed: {failed}"
    assert not [w for w in warnings if "KaTeX" in w], warnings
