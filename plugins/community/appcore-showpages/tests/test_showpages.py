"""appcore-showpages through AppTest and tabs opened at a URL: st_pages' calls of both
generations, pages per session, and hidden pages refused on the server.

What st_pages does was read from its published code (0.5.0 and 1.0.1): 0.x names a page
from its file title-cased and lets a section hide its pages; 1.x's get_nav_from_toml
returns st.Page lists (a dict when the file has sections, pages before the first under
"") and hide_pages keeps the names in the session and reruns.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from appcore.app import App
from appcore.config import Config
from appcore.testing import AppTest, FakeBrowser

EXAMPLE = Path(__file__).parents[1] / "example"
SEED = """
import appcore as st
from appcore_showpages import Page, show_pages, add_page_title
show_pages([Page("streamlit_app.py", "Home", "🏠"), Page("other_pages/page2.py", "Page 2", ":books:")])
add_page_title()
st.write("home content")
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder / "streamlit_app.py"


def page_file(title: str) -> str:
    return f"import appcore as st\nst.title({title!r})\n"


def seed_app(folder: Path, main: str = SEED, **more: str) -> Path:
    return write(folder, {"streamlit_app.py": main, "other_pages/page2.py": page_file("page two"), **more})


def menu(at_or_browser: Any) -> list[tuple[str, str, str, str | None]]:
    messages = at_or_browser._browser.messages if isinstance(at_or_browser, AppTest) else at_or_browser.messages
    nav = [m for m in messages if m["t"] == "navigation"][-1]
    return [(p["title"], p["icon"], p["url_path"], p["section"]) for p in nav["pages"]]


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def open_at(script: Path, path: str) -> tuple[Any, FakeBrowser]:
    """A fresh tab whose URL is ``path``, as a person pasting a link opens it."""
    app = App(script, Config.load(script.parent, env={}))
    browser = FakeBrowser()
    tab = app.open_tab(browser, {"t": "hello", "path": path, "url": f"http://localhost:8501{path}"})
    assert tab.wait_idle(10), "the first run did not end"
    tab.flush()
    return tab, browser


def tab_titles(browser: FakeBrowser) -> list[str]:
    return [props["body"] for path, (kind, props, _w, _k) in sorted(browser.tree.items(), key=str)
            if kind == "title"]


def test_it_is_installed_as_a_plugin_and_listed() -> None:
    from appcore.plugins import load_plugin_manager

    _, infos = load_plugin_manager()
    mine = [info for info in infos if info.name == "showpages"]
    assert mine and mine[0].distribution == "appcore-showpages" and not mine[0].error
    assert "appcore_register_navigation_calls" in mine[0].hooks


# -- st_pages 0.x ------------------------------------------------------------------------


def test_the_seeds_show_pages_lists_both_pages_with_emoji_and_the_main_script_goes_on_as_home(tmp_path) -> None:
    at = AppTest.from_file(seed_app(tmp_path)).run()
    assert not at.exception
    assert menu(at) == [("Home", "🏠", "", None), ("Page 2", "📚", "page_2", None)]  # :books: as its emoji
    assert titles(at) == ["🏠 Home"] and at.markdown[0].value == "home content"
    at.switch_page("other_pages/page2.py").run()
    assert titles(at) == ["page two"], "only the page's file runs, not the main script's Home content"
    assert not at.markdown


def test_sections_group_the_pages_after_them_until_one_leaves_with_in_section_false(tmp_path) -> None:
    main = """
import appcore as st
from appcore_showpages import Page, Section, show_pages
show_pages([Page("streamlit_app.py", "Home"), Section("Reports", ":bar_chart:"),
            Page("other_pages/sales_report.py"), Page("other_pages/02_💰_costs.py"),
            Page("other_pages/page2.py", "About", in_section=False), Page("other_pages/last.py", "Last")])
"""
    script = seed_app(tmp_path, main, **{"other_pages/sales_report.py": page_file("sales"),
                                         "other_pages/02_💰_costs.py": page_file("costs"),
                                         "other_pages/last.py": page_file("last")})
    at = AppTest.from_file(script).run()
    assert not at.exception
    assert menu(at) == [("Home", "", "", None),
                        ("Sales Report", "", "sales_report", "📊 Reports"),  # named from the file, title-cased
                        ("Costs", "💰", "costs", "📊 Reports"),              # the file name's emoji is its icon
                        ("About", "", "about", None), ("Last", "", "last", None)]


def test_add_page_title_names_the_page_the_tab_shows_and_sets_the_tabs_title(tmp_path) -> None:
    page2 = "import appcore as st\nfrom appcore_showpages import add_page_title\nadd_page_title(layout='wide')\n"
    at = AppTest.from_file(seed_app(tmp_path, **{"other_pages/page2.py": page2})).run()
    at.switch_page("other_pages/page2.py").run()
    assert titles(at) == ["📚 Page 2"]
    config = [m for m in at._browser.messages if m["t"] == "page_config"][-1]
    assert (config["title"], config["icon"], config["layout"]) == ("Page 2", "📚", "wide")


def test_show_pages_from_config_reads_an_st_pages_0_x_file(tmp_path) -> None:
    toml = """
[[pages]]
path = "streamlit_app.py"
name = "Home"
icon = ":house:"

[[pages]]
name = "Extra"
is_section = true

[[pages]]
path = "other_pages/page2.py"
name = "Page 2"
icon = ":books:"
"""
    main = "import appcore as st\nfrom appcore_showpages import show_pages_from_config\nshow_pages_from_config()\n" \
           "st.write('home')\n"
    at = AppTest.from_file(seed_app(tmp_path, main, **{".streamlit/pages.toml": toml})).run()
    assert not at.exception
    assert menu(at) == [("Home", "🏠", "", None), ("Page 2", "📚", "page_2", "Extra")]
    assert at.markdown[0].value == "home"


def test_a_broken_pages_file_is_shown_with_its_line_and_the_app_goes_on(tmp_path) -> None:
    toml = '[[pages]]\npath = "streamlit_app.py"\n\n[[pages]]\npath = "nowhere.py"\n'
    main = "import appcore as st\nfrom appcore_showpages import show_pages_from_config\nshow_pages_from_config()\n" \
           "st.write('still here')\n"
    at = AppTest.from_file(seed_app(tmp_path, main, **{".streamlit/pages.toml": toml})).run()
    assert at.error[0].value == "Could not use .streamlit/pages.toml, line 5: the file `nowhere.py` does not exist."
    assert at.markdown[0].value == "still here"
    missing = AppTest.from_string(main.replace("show_pages_from_config()", "show_pages_from_config('gone.toml')"))
    assert missing.run().error[0].value.startswith("Could not find a valid gone.toml file")


@pytest.mark.parametrize(("call", "message"), [
    ("show_pages([Page('nowhere.py')])", "show_pages: the page file `nowhere.py` does not exist"),
    ("show_pages([Section('Only a section')])", "show_pages: pass at least one Page"),
    ("show_pages([Page('streamlit_app.py', 'A'), Page('other_pages/page2.py', 'A')])",
     "show_pages: two pages have the URL path `a`"),
    ("show_pages(['streamlit_app.py'])", "show_pages takes Page and Section objects, not str."),
])
def test_misuse_is_said_in_the_page(tmp_path, call, message) -> None:
    main = f"import appcore as st\nfrom appcore_showpages import Page, Section, show_pages\n{call}\n"
    at = AppTest.from_file(seed_app(tmp_path, main)).run()
    assert at.exception and at.exception[0].message.startswith(message)


# -- hide_pages: the URL is refused on the server ------------------------------------------


def test_a_hidden_page_is_refused_when_a_fresh_tab_opens_its_url(tmp_path) -> None:
    script = EXAMPLE / "v0" / "streamlit_app.py"
    tab, browser = open_at(script, "/admin")
    assert tab_titles(browser) == ["🏠 Home"], "the admin page never ran"
    page = [m for m in browser.messages if m["t"] == "page"][-1]
    assert page["url_path"] == "" and page["notice"]["title"] == "Page not found"
    assert [title for title, *_ in menu(browser)] == ["Home", "Page 2"], "its section is gone with it"
    _, allowed = open_at(script, "/page_2")
    assert tab_titles(allowed) == ["📚 Page 2"]


def test_a_forged_navigate_to_a_hidden_page_runs_home_and_unhiding_lets_it_open(tmp_path) -> None:
    at = AppTest.from_file(EXAMPLE / "v0" / "streamlit_app.py").run()
    at.send({"t": "navigate", "url_path": "admin"}).run()
    assert titles(at) == ["🏠 Home"]
    at.checkbox(key="admin").check().run()
    assert ("Admin", "🔒", "admin", "🛠️ Tools") in menu(at)
    at.send({"t": "navigate", "url_path": "admin"}).run()
    assert titles(at) == ["🔒 Admin"]


def test_hide_pages_after_show_pages_reruns_at_once_without_the_page(tmp_path) -> None:
    main = """
import appcore as st
from appcore_showpages import Page, Section, show_pages, hide_pages
show_pages([Page("streamlit_app.py", "Home"), Section("Private"), Page("other_pages/page2.py", "Page 2"),
            Page("other_pages/other.py", "Other")])
st.session_state.runs = st.session_state.get("runs", 0) + 1
if st.checkbox("hide the private section", key="hide"):
    hide_pages(["Private"])
else:
    hide_pages([])
"""
    at = AppTest.from_file(seed_app(tmp_path, main, **{"other_pages/other.py": page_file("other")})).run()
    assert [t for t, *_ in menu(at)] == ["Home", "Page 2", "Other"]
    runs = at.session_state["runs"]
    at.checkbox(key="hide").check().run()
    assert [t for t, *_ in menu(at)] == ["Home"], "a section's name hides every page in it"
    assert at.session_state["runs"] == runs + 2, "the change reran the app once, with the new pages"
    at.send({"t": "navigate", "url_path": "other"}).run()
    assert not at.title, "refused: the main script runs as Home"


def test_pages_are_per_session_and_per_app_never_global(tmp_path) -> None:
    script = EXAMPLE / "v0" / "streamlit_app.py"
    admin = AppTest.from_file(script).run()
    admin.checkbox(key="admin").check().run()
    visitor = AppTest.from_file(script).run()
    assert "Admin" in [t for t, *_ in menu(admin)] and "Admin" not in [t for t, *_ in menu(visitor)]
    other = tmp_path / "other"
    main = ("import appcore as st\nfrom appcore_showpages import Page, show_pages\n"
            "show_pages([Page('streamlit_app.py', 'Start'), Page('other_pages/page2.py', 'Elsewhere')])\n")
    elsewhere = AppTest.from_file(seed_app(other, main)).run()
    assert [t for t, *_ in menu(elsewhere)] == ["Start", "Elsewhere"]
    assert [t for t, *_ in menu(visitor.run())] == ["Home", "Page 2"], "another app's pages changed nothing here"


# -- st_pages 1.x -------------------------------------------------------------------------


def test_get_nav_from_toml_gives_st_navigation_its_pages_by_section(tmp_path) -> None:
    at = AppTest.from_file(EXAMPLE / "v1" / "streamlit_app.py").run()
    assert not at.exception
    assert menu(at) == [("Home", "🏠", "", None), ("Page 2", "📖", "page_2", "Reading")]
    assert titles(at) == ["🏠 Home"], "add_page_title(page) draws the page's icon and title"
    at.switch_page("pages/page2.py").run()
    assert titles(at) == ["📖 Page 2"]
    at.send({"t": "navigate", "url_path": "admin"}).run()
    assert titles(at) == ["🏠 Home"], "hidden: refused"
    at.checkbox(key="admin").check().run()
    at.send({"t": "navigate", "url_path": "admin"}).run()
    assert titles(at) == ["🔒 Admin"]


def test_get_nav_from_toml_returns_a_list_without_sections_and_pages_st_page_makes(tmp_path) -> None:
    toml = ('[[pages]]\npath = "a.py"\nname = "Alpha"\nicon = ":material/home:"\n\n'
            '[[pages]]\npath = "b.py"\nname = "Beta"\nurl_path = "bee"\n')
    main = """
import appcore as st
from appcore_showpages import get_nav_from_toml, add_page_title
nav = get_nav_from_toml()
st.session_state.shape = [type(nav).__name__] + [(p.title, p.icon, p.url_path) for p in nav]
pg = st.navigation(nav)
add_page_title(pg)
pg.run()
"""
    script = write(tmp_path, {"streamlit_app.py": main, ".streamlit/pages.toml": toml,
                              "a.py": "", "b.py": "import appcore as st\nst.write('b runs')"})
    at = AppTest.from_file(script).run()
    assert at.session_state["shape"] == ["list", ("Alpha", ":material/home:", ""), ("Beta", "", "bee")]
    assert titles(at) == ["Alpha"], "st_pages 1.x leaves a Material icon out of the title"
    at.switch_page("b.py").run()
    assert titles(at) == ["Beta"] and at.markdown[0].value == "b runs"


def test_translate_icon_turns_shortcodes_into_emoji_and_leaves_the_rest() -> None:
    from appcore_showpages import translate_icon

    assert translate_icon(":books:") == "📚"
    assert translate_icon(":material/home:") == ":material/home:"
    assert translate_icon("🏠") == "🏠" and translate_icon(None) is None
    assert translate_icon(":no_such_emoji_here:") == "no_such_emoji_here"  # as st_pages 1.x
    assert translate_icon("random") != "random"


def test_both_example_apps_open_on_home_without_an_error() -> None:
    for folder in ("v0", "v1"):
        at = AppTest.from_file(EXAMPLE / folder / "streamlit_app.py").run()
        assert not at.exception and titles(at) == ["🏠 Home"]
