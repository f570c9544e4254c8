"""st.cache_resource as Streamlit 1.67 has it: one shared object, validate, on_release,
ttl and max_entries releasing, session scope, clear."""
from __future__ import annotations

import pytest

from tests.helpers import texts

from .conftest import app

RESOURCE = """
class Connection:
    def __init__(self, url):
        self.url = url
        self.open = True
    def close(self):
        self.open = False
"""


@pytest.mark.parametrize("decorator", ["@st.cache_resource", "@st.cache_resource()", "@st.cache_resource(ttl=3600)"])
def test_every_caller_gets_the_same_object(calls, decorator: str) -> None:
    script = RESOURCE + f"""
{decorator}
def connect(url):
    log.append(url)
    return Connection(url)
conn = connect("db://one")
conn.uses = getattr(conn, "uses", 0) + 1   # a mutation every caller sees
show(conn.uses, connect("db://one") is conn)
"""
    one = app(script).run()
    two = app(script).run()                   # another session
    assert (texts(one), texts(two)) == (["1 True"], ["2 True"])
    assert calls.log == ["db://one"]


def test_validate_drops_a_value_it_refuses(calls) -> None:
    at = app(RESOURCE + """
@st.cache_resource(validate=lambda conn: conn.open)
def connect():
    log.append(1)
    return Connection("db")
conn = connect()
show(len(log))
if st.session_state.get("close"):
    conn.close()
""").run()
    at.run()
    assert texts(at) == ["1"]
    at.session_state["close"] = True
    at.run()                                  # closes it after using it
    at.run()                                  # validate refuses it: a new one
    assert texts(at) == ["2"] and calls.log == [1, 1]


def test_on_release_gets_what_clear_ttl_and_max_entries_remove(calls, clock) -> None:
    at = app(RESOURCE + """
@st.cache_resource(max_entries=2, ttl=60, on_release=lambda conn: calls.released.append(conn.url))
def connect(url):
    return Connection(url)
for url in st.session_state.get("urls", ["a", "b"]):
    connect(url)
what = st.session_state.get("clear")
if what == "one":
    connect.clear("c")
elif what == "all":
    st.cache_resource.clear()
""").run()
    at.session_state["urls"] = ["a", "c"]     # "b" is the least recently used
    at.run()
    assert calls.released == ["b"]
    clock.advance(60)                         # "a" and "c" expire; the next access releases them
    at.session_state["urls"] = ["d"]
    at.run()
    assert sorted(calls.released) == ["a", "b", "c"]
    at.session_state["urls"] = ["c"]
    at.session_state["clear"] = "one"
    at.run()
    assert calls.released[-1] == "c"
    at.session_state["clear"] = "all"
    at.run()                                  # "c" again, then everything goes, oldest first
    assert calls.released[-2:] == ["d", "c"]


def test_an_async_callback_is_refused_with_streamlits_message(calls) -> None:
    at = app("""
async def check(value):
    return True
@st.cache_resource(validate=check)
def connect():
    return 1
""").run()
    assert at.exception[0].message == (
        "The `validate` callback of `st.cache_resource` must be a synchronous function. Async callbacks are never "
        "awaited; call the coroutine from a synchronous wrapper instead.")


def test_a_session_scoped_resource_is_released_when_its_session_ends(calls) -> None:
    script = RESOURCE + """
@st.cache_resource(scope="session", on_release=lambda conn: calls.released.append(conn.url))
def connect():
    log.append(1)
    return Connection(st.session_state.setdefault("name", f"session-{len(log)}"))
show(connect().url)
"""
    one, two = app(script).run(), app(script).run()
    assert (texts(one), texts(two)) == (["session-1"], ["session-2"])
    one.app.close_session(one.session)
    assert calls.released == ["session-1"]
    two.run()
    assert texts(two) == ["session-2"] and calls.log == [1, 1]


def test_clear_on_the_function_clears_only_its_values(calls) -> None:
    at = app("""
@st.cache_resource
def a():
    log.append("a")
    return object()
@st.cache_resource
def b():
    log.append("b")
    return object()
a(); b()
if st.session_state.get("clear"):
    a.clear()
    st.session_state.clear = False
a(); b()
""").run()
    at.session_state["clear"] = True
    at.run()
    assert calls.log == ["a", "b", "a"]


def test_a_resource_need_not_be_picklable(calls) -> None:
    at = app("""
import threading
@st.cache_resource
def lock():
    log.append(1)
    return threading.Lock()
show(lock() is lock())
""").run()
    assert texts(at) == ["True"] and not at.exception
