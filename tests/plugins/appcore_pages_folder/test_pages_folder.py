"""The pages/ folder source: Streamlit 1.67's naming and sorting, checked against a real
pages/ app on Streamlit 1.67 (the table below is what it showed), URLs, precedence."""
from __future__ import annotations

from pathlib import Path

import pytest
from page_tabs import last, open_app, open_tab, send, shown

from appcore.testing import AppTest

EXAMPLE = Path(__file__).parents[3] / "examples" / "multipage_folder" / "streamlit_app.py"

# File name -> (title, icon, url path), in the order Streamlit 1.67 lists them.
ON_STREAMLIT_1_67 = [
    ("1 - first page.py", "first page", "", "first_page"),
    ("2_two.py", "two", "", "two"),
    ("02_📊_Charts.py", "Charts", "📊", "Charts"),
    ("03_third.py", "third", "", "third"),
    ("10_ten.py", "ten", "", "ten"),
    ("123.py", "123", "", "123"),
    ("_12 monkeys.py", "12 monkeys", "", "12_monkeys"),
    ("A_page.py", "A page", "", "A_page"),
    ("b_page.py", "b page", "", "b_page"),
    ("__ snake__case  .py", "snake case ", "", "snake_case_"),
    ("🎉 party.py", "party", "🎉", "party"),
]


def write_app(tmp_path: Path, names: list[str], main: str = "import appcore as st\nst.title('Main')") -> Path:
    script = tmp_path / "streamlit_app.py"
    script.write_text(main, encoding="utf-8")
    (tmp_path / "pages").mkdir()
    for name in names:
        (tmp_path / "pages" / name).write_text(f"import appcore as st\nst.title({name!r})", encoding="utf-8")
    return script


def test_pages_are_named_and_sorted_as_streamlit_1_67_does(tmp_path):
    script = write_app(tmp_path, [name for name, *_ in reversed(ON_STREAMLIT_1_67)])
    at = AppTest.from_file(script).run()
    menu = last(at._browser, "navigation")
    assert menu["pages"][0] == {"url_path": "", "title": "streamlit app", "icon": "", "section": None,
                                "external": None, "help": None}, "the main script is the default page, at /"
    assert [(p["title"], p["icon"], p["url_path"]) for p in menu["pages"][1:]] == \
        [(title, icon, url) for _, title, icon, url in ON_STREAMLIT_1_67]


def test_subfolders_dot_files_and_init_are_not_pages(tmp_path):
    script = write_app(tmp_path, ["a.py", ".secret.py", "__init__.py", "notes.txt"])
    (tmp_path / "pages" / "sub").mkdir()
    (tmp_path / "pages" / "sub" / "deep.py").write_text("")
    at = AppTest.from_file(script).run()
    assert [p["title"] for p in last(at._browser, "navigation")["pages"]] == ["streamlit app", "a"]


def test_each_page_has_its_url_and_a_deep_link_opens_it(tmp_path):
    app = open_app(write_app(tmp_path, ["02_📊_Charts.py", "1 - first page.py"]))
    tab, browser = open_tab(app, "/Charts")
    assert shown(browser) == ["02_📊_Charts.py"]
    assert last(browser, "navigation")["current"] == "Charts"
    assert last(browser, "page")["url_path"] == "Charts"
    home, home_browser = open_tab(app, "/")
    assert shown(home_browser) == ["Main"] and last(home_browser, "navigation")["current"] == ""


def test_an_unknown_path_opens_the_main_page_with_streamlits_page_not_found_notice(tmp_path):
    app = open_app(write_app(tmp_path, ["a.py"]))
    tab, browser = open_tab(app, "/nope")
    assert shown(browser) == ["Main"]
    page = last(browser, "page")
    assert page["url_path"] == "" and page["history"] == "replace", "the URL becomes the main page's"
    assert page["notice"] == {"title": "Page not found", "message": (
        "You have requested page /nope, but no corresponding file was found in the app's pages/ directory. "
        "Running the app's main page.")}


def test_the_browser_opening_another_page_runs_it_in_the_same_session(tmp_path):
    app = open_app(write_app(tmp_path, ["a.py", "b.py"], main="import appcore as st\nst.title('Main')\n"
                                                         "st.session_state.n = st.session_state.get('n', 0) + 1"))
    tab, browser = open_tab(app, "/")
    send(tab, {"t": "navigate", "url_path": "b", "query": ""})
    assert shown(browser) == ["b.py"] and last(browser, "navigation")["current"] == "b"
    send(tab, {"t": "navigate", "url_path": "", "query": ""})  # back
    assert shown(browser) == ["Main"] and tab.state["n"] == 2, "one session, its state kept"


@pytest.mark.parametrize("bad", [{"t": "navigate"}, {"t": "navigate", "url_path": 3},
                                 {"t": "navigate", "url_path": "x" * 300}])
def test_a_malformed_navigate_is_refused_and_the_tab_lives_on(tmp_path, bad):
    app = open_app(write_app(tmp_path, ["a.py"]))
    tab, browser = open_tab(app, "/a")
    with pytest.raises(ValueError):
        tab.handle_message(bad)
    send(tab, {"t": "navigate", "url_path": "", "query": ""})
    assert shown(browser) == ["Main"]


def test_once_the_main_script_calls_st_navigation_the_folder_is_ignored(tmp_path):
    script = write_app(tmp_path, ["a.py"], main=(
        "import appcore as st\n"
        "st.navigation([st.Page(lambda: st.title('only page'), title='Only')]).run()"))
    app = open_app(script)
    tab, browser = open_tab(app, "/a")
    assert shown(browser) == ["only page"], "pages/a.py does not run, even by its URL"
    assert [p["title"] for p in last(browser, "navigation")["pages"]] == ["Only"]


def test_show_sidebar_navigation_false_hides_the_menu_and_keeps_the_urls(tmp_path):
    script = write_app(tmp_path, ["a.py"])
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[client]\nshowSidebarNavigation = false\n")
    tab, browser = open_tab(open_app(script), "/a")
    assert last(browser, "navigation")["position"] == "hidden" and shown(browser) == ["a.py"]


def test_the_example_shares_session_state_and_drops_a_pages_widgets_when_left():
    at = AppTest(EXAMPLE, default_timeout=10).run()
    at.text_input(key="name").input("Ada").run()
    assert "Hello, Ada!" in at.markdown[1].value
    at.switch_page("pages/1 - first steps.py").run()
    assert at.title[0].value == "First steps" and "Visits so far: 2" in at.markdown[0].value
    at.button[0].click().run()  # st.switch_page
    assert at.title[0].value == "Charts" and at.markdown[0].value.startswith("Showing 5 points")
    at.switch_page("streamlit_app.py").run()
    assert at.text_input(key="name").value == "", "the home page's field started again when it was left"
    assert at.session_state.visits == 3


def test_the_same_key_on_two_pages_is_two_widgets(tmp_path):
    script = write_app(tmp_path, [], main="import appcore as st\nst.text_input('A', key='k')")
    (tmp_path / "pages" / "other.py").write_text(
        "import appcore as st\nv = st.text_input('B', key='k')\nst.markdown(f'other sees {v!r}')")
    at = AppTest.from_file(script).run()
    at.text_input(key="k").input("x").run()
    first_id = at.text_input(key="k").id
    at.switch_page("pages/other.py").run()
    assert at.markdown[0].value == "other sees ''" and at.text_input(key="k").id != first_id
    assert "k" in at.session_state, "as Streamlit: the key now belongs to this page's widget"


def test_a_page_whose_name_is_not_ascii_opens_by_its_percent_encoded_url(tmp_path):
    app = open_app(write_app(tmp_path, ["über.py"]))
    tab, browser = open_tab(app, "/%C3%BCber")  # what the browser's location.pathname holds
    assert shown(browser) == ["über.py"]
    send(tab, {"t": "navigate", "url_path": "%C3%BCber/", "query": ""})
    assert last(browser, "navigation")["current"] == "über"
