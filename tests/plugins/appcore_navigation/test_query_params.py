"""st.query_params: str to str (the last of a repeated key), get_all, clear, to_dict, from_dict;
kept in the URL, cleared by a page switch unless passed, embed and embed_options out of reach."""
from __future__ import annotations

import pytest
from page_tabs import last, open_app, open_tab, send

from appcore.testing import AppTest


def test_a_repeated_key_reads_as_its_last_value_and_get_all_gives_every_value(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.session_state.seen = (st.query_params['tag'], "
                      "st.query_params.get_all('tag'), st.query_params.to_dict(), len(st.query_params), "
                      "'embed' in st.query_params, st.query_params.get_all('embed'))")
    tab, browser = open_tab(open_app(script), "/", "tag=a&tag=b&x=1&embed=true")
    assert tab.state["seen"] == ("b", ["a", "b"], {"tag": "b", "x": "1"}, 2, False, [])


def test_setting_and_deleting_change_the_url_at_once(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.query_params['page'] = 2\nst.query_params.tags = ['a', 'b']\n"
                      "del st.query_params['drop']")
    tab, browser = open_tab(open_app(script), "/", "drop=1&embed=true")
    assert last(browser, "page")["query"] == "embed=true&page=2&tags=a&tags=b"
    assert last(browser, "page")["history"] == "replace", "a query change is no new history entry"


def test_clear_and_from_dict_keep_embed(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.query_params.clear()\nst.query_params.from_dict({'a': '1', 'b': ['2', '3']})")
    tab, browser = open_tab(open_app(script), "/", "x=9&embed_options=show_toolbar")
    assert last(browser, "page")["query"] == "embed_options=show_toolbar&a=1&b=2&b=3"


@pytest.mark.parametrize(("code", "message"), [
    ("st.query_params['a'] = {'x': 1}", "Query param value for `a` cannot be set to a dictionary. Provide a "
                                        "string or iterable of strings instead."),
    ("st.query_params['embed'] = 'true'", "Query param embed and embed_options (case-insensitive) cannot be set "
                                          "programmatically."),
    ("st.query_params['zz']", "'st.query_params has no key \"zz\".'"),
    ("st.query_params.zz", "st.query_params has no attribute \"zz\"."),
])
def test_misuse_fails_with_streamlits_messages(code, message):
    at = AppTest.from_string("import appcore as st\n" + code).run()
    assert at.exception[0].message == message


def test_at_query_params_reach_the_script_and_read_back_as_streamlits_apptest():
    at = AppTest.from_string("import appcore as st\nst.markdown(st.query_params.get('q', '-'))\n"
                             "st.query_params['seen'] = 'yes'")
    at.query_params["q"] = "hello"
    at.run()
    assert at.markdown[0].value == "hello" and at.query_params == {"q": "hello", "seen": "yes"}


def test_a_page_switch_clears_the_query_unless_passed_and_keeps_embed(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "other.py").write_text("import appcore as st\nst.title('other')")
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.title('main')")
    tab, browser = open_tab(open_app(script), "/", "x=1&embed=true")
    send(tab, {"t": "navigate", "url_path": "other", "query": ""})
    assert tab.page.query == {"embed": ["true"]}
    send(tab, {"t": "navigate", "url_path": "", "query": "y=2"})
    assert tab.page.query == {"embed": ["true"], "y": ["2"]}
