"""pages.toml: both st_pages generations, its places, sections, hidden pages, errors that
name the line, and the last good navigation kept."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from page_tabs import last, open_app, open_tab, send, shown

from appcore.testing import AppTest

EXAMPLES = Path(__file__).parents[3] / "examples" / "multipage_toml"


def menu(browser) -> list[tuple[str, str, str | None]]:
    return [(p["title"], p["url_path"], p["section"]) for p in last(browser, "navigation")["pages"]]


def test_an_st_pages_0_x_file_reads_unchanged():
    at = AppTest(EXAMPLES / "v0" / "app.py", default_timeout=10).run()
    assert not at.exception and at.title[0].value == "Home"
    pages = last(at._browser, "navigation")["pages"]
    assert [(p["title"], p["icon"], p["section"]) for p in pages] == [
        ("Home", "🏠", None), ("Sales", "💰", "Reports"), ("Costs", "📉", "Reports"), ("About", "", None)], \
        "rows after is_section belong to it until in_section = false; :shortcodes: are emoji"
    assert pages[0]["url_path"] == "", "the first page is the default, at /"
    at.switch_page("pages/costs.py").run()
    assert at.title[0].value == "Costs"


def test_an_st_pages_1_x_file_reads_unchanged_with_url_paths_nested_sections_and_a_hidden_page():
    app = open_app(EXAMPLES / "v1" / "app.py")
    tab, browser = open_tab(app, "/sales")
    assert shown(browser) == ["Sales"]
    assert menu(browser) == [("Home", "", None), ("Sales", "sales", "Reports"),
                             ("Costs 2024", "costs", "Reports/2024"), ("About", "about", None)]
    assert last(browser, "navigation")["pages"][1]["icon"] == ":material/payments:"
    hidden, hidden_browser = open_tab(app, "/debug")
    assert shown(hidden_browser) == ["Debug"], "a hidden page is out of the menu, and its URL opens it"


def write(tmp_path: Path, toml: str, place: str = "pages.toml", pages: tuple[str, ...] = ("a.py", "b.py")) -> Path:
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.title('Main')", encoding="utf-8")
    for name in pages:
        (tmp_path / name).write_text(f"import appcore as st\nst.title({name!r})", encoding="utf-8")
    target = tmp_path / place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(toml), encoding="utf-8")
    return script


TWO_PAGES = """
    [[pages]]
    path = "a.py"
    name = "A"

    [[pages]]
    path = "b.py"
    name = "B"
    default = true
"""


@pytest.mark.parametrize("place", ["pages.toml", ".appcore/pages.toml", ".streamlit/pages.toml"])
def test_the_file_is_found_beside_the_script_in_appcore_or_in_streamlit(tmp_path, place):
    tab, browser = open_tab(open_app(write(tmp_path, TWO_PAGES, place)), "/")
    assert shown(browser) == ["b.py"], "default = true makes B the page at /"
    assert menu(browser) == [("A", "a", None), ("B", "", None)]


def test_pages_toml_wins_over_the_pages_folder(tmp_path):
    script = write(tmp_path, TWO_PAGES)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "folder_page.py").write_text("import appcore as st\nst.title('folder')")
    tab, browser = open_tab(open_app(script), "/folder_page")
    assert menu(browser) == [("A", "a", None), ("B", "", None)] and shown(browser) == ["b.py"]


def test_st_navigation_wins_over_pages_toml(tmp_path):
    script = write(tmp_path, TWO_PAGES)
    script.write_text("import appcore as st\nst.navigation([st.Page('a.py', title='Nav A')]).run()")
    tab, browser = open_tab(open_app(script), "/b")
    assert menu(browser) == [("Nav A", "", None)] and shown(browser) == ["a.py"]


def test_a_section_path_nests_sections(tmp_path):
    tab, browser = open_tab(open_app(write(tmp_path, """
        [[pages]]
        path = "a.py"
        [[pages]]
        name = "Reports/2024"
        is_section = true
        [[pages]]
        path = "b.py"
        name = "Q1"
    """)))
    assert menu(browser) == [("a", "", None), ("Q1", "q1", "Reports/2024")]


@pytest.mark.parametrize(("toml", "error"), [
    ("[[pages]]\npath = \"a.py\"\nname = 'A\n", "pages.toml, line 3: not valid TOML"),
    ("[[pages]]\npath = = \"a.py\"\n[[pages]]\n", "pages.toml, line 2: not valid TOML: Invalid value"),
    ("[[pages]]\npath = \"a.py\"\n\n[[pages]]\npath = \"nope.py\"\n", "pages.toml, line 5: the file `nope.py` does not exist"),
    ("[[pages]]\npath = \"a.py\"\nurl_path = \"x\"\n[[pages]]\npath = \"b.py\"\nurl_path = \"x\"\n",
     "pages.toml, line 6: the url path `x` is used twice (first at line 3)"),
    ("[[pages]]\npath = \"a.py\"\ndefault = true\n[[pages]]\npath = \"b.py\"\ndefault = true\n",
     "pages.toml, line 6: two default pages (the first at line 3)"),
    ("[[pages]]\npath = \"a.py\"\ntitle = \"A\"\n", "pages.toml, line 3: unknown key `title`"),
    ("[[pages]]\npath = \"a.py\"\nurl_path = \"a/b\"\n", "pages.toml, line 3: `url_path = \"a/b\"` cannot include `/`"),
    ("[[pages]]\npath = \"a.py\"\nicon = \"xx\"\n", "pages.toml, line 3: `icon = \"xx\"` is not an emoji"),
    ("[[pages]]\nname = \"no path\"\n", "pages.toml, line 1: a page needs `path`"),
])
def test_a_bad_file_shows_its_line_and_reason_over_the_main_script(tmp_path, toml, error):
    tab, browser = open_tab(open_app(write(tmp_path, toml)), "/")
    assert last(browser, "navigation")["error"].startswith(error), last(browser, "navigation")["error"]
    assert shown(browser) == ["Main"], "with nothing good to serve, the main script runs alone"


def test_a_broken_edit_keeps_the_last_good_navigation_and_a_fix_clears_the_error(tmp_path):
    script = write(tmp_path, TWO_PAGES)
    app = open_app(script)
    tab, browser = open_tab(app, "/a")
    (tmp_path / "pages.toml").write_text(TWO_PAGES.replace('path = "b.py"', 'path = "gone.py"'))
    assert app.reload_pages() is True
    send(tab, {"t": "rerun"})
    nav = last(browser, "navigation")
    assert nav["error"].startswith("pages.toml, line 7: the file `gone.py` does not exist")
    assert [p["title"] for p in nav["pages"]] == ["A", "B"] and shown(browser) == ["a.py"]
    (tmp_path / "pages.toml").write_text(TWO_PAGES.replace('name = "B"', 'name = "Bee"'))
    app.reload_pages()
    send(tab, {"t": "rerun"})
    nav = last(browser, "navigation")
    assert "error" not in nav and [p["title"] for p in nav["pages"]] == ["A", "Bee"]
