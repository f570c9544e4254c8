"""st.context. Under AppTest there is no tab: checked on Streamlit 1.67.0's AppTest, headers
and cookies are empty, and timezone, offset, locale, url, is_embedded and the theme's type
are None. From a tab, the values come from its upgrade request and its hello."""
from __future__ import annotations

from appcore.app import App
from appcore.runtime.services import ClientInfo
from appcore.testing import AppTest

SCRIPT = """
import appcore as st
c = st.context
st.session_state.seen = (dict(c.headers), dict(c.cookies), c.timezone, c.timezone_offset, c.locale, c.url,
                         c.ip_address, c.is_embedded, dict(c.theme))
st.session_state.pragmas = c.headers.get_all("Pragma")
"""


def test_under_apptest_the_context_is_empty_as_streamlits():
    at = AppTest.from_string(SCRIPT).run()
    assert at.session_state.seen == ({}, {}, None, None, None, None, None, None, {"type": None})


class Tab:
    def wake(self, session) -> None:
        pass

    def deliver(self, frame: str) -> None:
        pass


def test_a_tab_tells_its_headers_cookies_and_browser_settings(tmp_path):
    (tmp_path / "app.py").write_text(SCRIPT)
    app = App(tmp_path / "app.py")
    connection = ClientInfo(headers=(("Host", "example.org"), ("Pragma", "a"), ("pragma", "b")),
                            cookies={"_ga": "1"}, ip_address="203.0.113.9")
    session = app.open_tab(Tab(), {"t": "hello", "url": "https://example.org/app?embed=true", "locale": "de-DE",
                                   "timezone": "Europe/Berlin", "timezone_offset": -60, "theme": "dark"},
                           connection=connection)
    assert session.wait_idle(5)
    headers, cookies, *rest = session.state.values["seen"]
    assert headers == {"host": "example.org", "pragma": "b"} and cookies == {"_ga": "1"}
    assert rest == ["Europe/Berlin", -60, "de-DE", "https://example.org/app?embed=true", "203.0.113.9", True,
                    {"type": "dark"}]
    assert session.state.values["pragmas"] == ["a", "b"]


def test_what_a_hello_says_of_the_tab_is_checked_at_the_door(tmp_path):
    (tmp_path / "app.py").write_text(SCRIPT)
    app = App(tmp_path / "app.py")
    session = app.open_tab(Tab(), {"t": "hello", "url": "x" * 5000, "locale": ["en"], "timezone": 3,
                                   "timezone_offset": 10 ** 9, "theme": "<script>"})
    assert session.wait_idle(5)
    assert session.state.values["seen"][2:] == (None, None, None, None, None, None, {"type": None})
