"""st.navigation, st.Page, st.switch_page, st.page_link: Streamlit 1.67's behaviour and messages
(each message checked on Streamlit 1.67's AppTest), the URLs, and pages refused per viewer."""
from __future__ import annotations

from pathlib import Path

import pytest
from page_tabs import last, open_app, open_tab, send, shown

from appcore.testing import AppTest

EXAMPLE = Path(__file__).parents[3] / "examples" / "navigation" / "app.py"


def app_with(tmp_path: Path, main: str, **pages: str) -> Path:
    (tmp_path / "p").mkdir(exist_ok=True)
    for name, body in {"a": "st.title('A')", "b": "st.title('B')", **pages}.items():
        (tmp_path / "p" / f"{name}.py").write_text(f"import appcore as st\n{body}\n", encoding="utf-8")
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\n" + main, encoding="utf-8")
    return script


def exception_of(tmp_path: Path, main: str) -> str:
    at = AppTest.from_file(app_with(tmp_path, main)).run()
    assert at.exception, "the call should have failed"
    return at.exception[0].message


@pytest.mark.parametrize(("call", "message"), [
    ("st.navigation([st.Page('nope.py')])", "Unable to create Page. The file `nope.py` could not be found."),
    ("st.navigation([st.Page('p/a.py', url_path='x/y')])", "The `url_path` `x/y` cannot include `/`."),
    ("st.navigation([st.Page('p/a.py', url_path='x'), st.Page('p/b.py', url_path='x')])",
     "Two pages resolve to the URL pathname `/x`: `p/a.py` (default page) and `p/b.py`. Each page passed to "
     "`st.navigation` needs a unique URL pathname"),
    ("st.navigation([st.Page('https://example.com', title='E', default=True), st.Page('p/a.py')])",
     "`page=<external URL>` and `default=True` cannot be used together. External URL pages cannot be set as "
     "the default page."),
    ("st.navigation([st.Page('https://example.com'), st.Page('p/a.py')])",
     "The `title` parameter is required. External URL pages require a non-empty title. Please provide a title "
     "for the URL: https://example.com"),
    ("st.navigation([st.Page('p/a.py', default=True), st.Page('p/b.py', default=True)])",
     "Multiple Pages specified with `default=True`. At most one Page can be set to default."),
    ("st.navigation([])", "The `pages` parameter is required. Provide at least one `st.Page`."),
    ("st.navigation([st.Page('p/a.py', title='  ')])",
     "The `title` parameter is required. It cannot be empty or consist of underscores/spaces only."),
    ("st.navigation([st.Page('p/a.py', visibility='x')])", "Invalid `visibility` value. Supported values: visible, hidden."),
    ("st.navigation([st.Page('p/a.py')], position='left')",
     "Invalid `position` value. Supported values: 'sidebar', 'hidden', 'top'."),
    ("st.navigation([st.Page('p/a.py'), st.Page('p/b.py', url_path='')])",
     "The `url_path` parameter is required. It can only be empty for the default page."),
    ("st.Page('p/a.py').run()",
     "This page cannot be called directly. Only the page returned from st.navigation can be called once."),
    ("st.page_link('https://example.com')", "The `label` parameter is required."),
    ("st.navigation([st.Page('p/a.py')]); st.switch_page('p/b.py')",
     "Could not find page: `p/b.py`. You must provide a `Page` object or file path relative to the entrypoint "
     "file. Only pages previously defined by `st.Page` and passed to `st.navigation` are allowed."),
])
def test_misuse_fails_with_streamlits_message(tmp_path, call, message):
    assert exception_of(tmp_path, call).startswith(message)


def test_a_page_runs_once_per_run(tmp_path):
    message = exception_of(tmp_path, "pg = st.navigation([st.Page('p/a.py')])\npg.run()\npg.run()")
    assert message.startswith("This page cannot be called directly.")


def test_pages_infer_title_icon_and_url_path_and_sections_keep_their_order(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "03_🎈_balloons.py").write_text("import appcore as st\nst.title('balloons')")
    script = app_with(tmp_path, (
        "def my_report():\n    st.title('report')\n"
        "st.navigation({'': [st.Page('p/a.py')], 'Fun': [st.Page('p/03_🎈_balloons.py'), "
        "st.Page(my_report, icon=':material/bar_chart:')], 'Links': [st.Page('https://example.com', "
        "title='Example site')]}, expanded=True).run()"))
    tab, browser = open_tab(open_app(script), "/balloons")
    assert shown(browser) == ["balloons"]
    nav = last(browser, "navigation")
    assert [(p["title"], p["icon"], p["url_path"], p["section"], p["external"]) for p in nav["pages"]] == [
        ("a", "", "", None, None), ("balloons", "🎈", "balloons", "Fun", None),
        ("my report", ":material/bar_chart:", "my_report", "Fun", None),
        ("Example site", "", "example_site", "Links", "https://example.com")]
    assert nav["expanded"] is True and nav["position"] == "sidebar"
    tab2, browser2 = open_tab(open_app(script), "/example_site")
    assert shown(browser2) == ["A"], "an external page is a link, never run"


def test_a_page_left_out_for_this_viewer_is_refused_on_the_server():
    app = open_app(EXAMPLE)
    tab, browser = open_tab(app, "/admin")
    assert shown(browser) == ["Home"], "not an admin: /admin opens the home page"
    assert last(browser, "page")["notice"]["title"] == "Page not found"
    assert "Admin" not in [p["title"] for p in last(browser, "navigation")["pages"]]
    send(tab, {"t": "navigate", "url_path": "admin", "query": ""})
    assert shown(browser) == ["Home"], "a navigate message from the tab is refused the same way"
    tab.state.values["admin"] = True
    send(tab, {"t": "navigate", "url_path": "admin", "query": ""})
    assert shown(browser) == ["Admin"], "once the script lists it for this session, it opens"


def test_a_hidden_page_is_out_of_the_menu_and_opens_by_url_and_switch_page(tmp_path):
    script = app_with(tmp_path, "st.navigation([st.Page('p/a.py'), st.Page('p/b.py', visibility='hidden')]).run()\n"
                                "if st.button('go'): st.switch_page('p/b.py')")
    tab, browser = open_tab(open_app(script), "/b")
    assert shown(browser) == ["B"] and [p["title"] for p in last(browser, "navigation")["pages"]] == ["a"]
    at = AppTest.from_file(script).run()
    at.button[0].click().run()
    assert at.title[0].value == "B"


def test_switch_page_opens_the_page_with_its_query_params_and_pushes_a_history_entry():
    at = AppTest(EXAMPLE, default_timeout=10).run()
    at.switch_page("pages/settings.py").run()
    at.button[0].click().run()
    assert at.title[0].value == "Reports" and at.markdown[0].value == "Year: **2024**"
    assert at.query_params == {"year": "2024"}
    page = last(at._browser, "page")
    assert page == {"t": "page", "url_path": "reports", "query": "year=2024", "history": "push"}


def test_page_link_points_at_the_page_url_with_its_query_and_marks_the_current_page():
    at = AppTest(EXAMPLE, default_timeout=10).run()
    internal, external = at.get("page_link")
    assert (internal.value, internal.page, internal.props["query"], internal.props["icon"]) == \
        ("Open the reports", "reports", "year=2024", "📊")
    assert (external.value, external.page, external.props["external"]) == \
        ("Streamlit's docs", "https://docs.streamlit.io", "https://docs.streamlit.io")
    with pytest.raises(Exception, match="not supported for page_link"):
        internal.click()


def test_widgets_drawn_by_the_main_script_keep_their_value_across_pages():
    at = AppTest(EXAMPLE, default_timeout=10).run()
    at.radio(key="position").set_value("top").run()
    assert last(at._browser, "navigation")["position"] == "top"
    at.switch_page("pages/reports.py").run()
    assert at.radio(key="position").value == "top", "the entrypoint's widgets belong to no page"
    assert last(at._browser, "navigation")["current"] == "reports"


def test_st_session_state_idiom_keeps_a_pages_widget_value_across_a_switch(tmp_path):
    script = app_with(tmp_path, "if 'k' in st.session_state:\n    st.session_state.k = st.session_state.k\n"
                                "st.navigation([st.Page('p/a.py'), st.Page('p/b.py')]).run()",
                      a="st.text_input('A', key='k')", b="st.text_input('B', key='k')")
    at = AppTest.from_file(script).run()
    at.text_input(key="k").input("kept").run()
    at.switch_page("p/b.py").run()
    assert at.text_input(key="k").value == "kept"


def test_a_fragment_on_a_page_reruns_alone_with_its_widgets_state(tmp_path):
    script = app_with(tmp_path, "st.navigation([st.Page('p/a.py'), st.Page('p/b.py')]).run()", b=(
        "st.session_state.setdefault('full', 0)\nst.session_state.full += 1\n"
        "@st.fragment\ndef part():\n    st.text_input('In fragment', key='f')\n"
        "    if st.button('Go'):\n        st.markdown(f'fragment sees {st.session_state.f}')\npart()"))
    at = AppTest.from_file(script).run()
    at.switch_page("p/b.py").run()
    at.text_input(key="f").input("typed").run()
    at.button[0].click().run()
    assert at.markdown[0].value == "fragment sees typed" and at.session_state.full == 1
    assert at.runs[-1]["partial"] is not None, "only the fragment reran"


def test_an_app_without_pages_links_and_switches_to_its_main_script(tmp_path):
    script = app_with(tmp_path, "st.page_link('app.py', label='Start again')\n"
                                "st.session_state.n = st.session_state.get('n', 0) + 1\n"
                                "if st.button('again'): st.switch_page('app.py')")
    at = AppTest.from_file(script).run()
    assert at.get("page_link")[0].props["url_path"] == ""
    at.button[0].click().run()
    assert at.session_state.n == 3 and not at.exception, "switch_page ended the run and ran the main script"
    other = AppTest.from_file(app_with(tmp_path, "st.page_link('p/a.py')")).run()
    assert other.exception[0].message.startswith("Could not find page: `p/a.py`."), "no pages: only the main script"
