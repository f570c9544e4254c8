"""st.cache_data as Streamlit 1.67 has it: decorator forms, keys, copies, ttl,
max_entries, max_size, persist, scope, clear, errors (texts checked against 1.67)."""
from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest

import appcore_caching.store as store
from appcore.testing import AppTest
from tests.helpers import error, texts

from .conftest import app

def test_the_signatures_are_streamlits() -> None:
    import appcore as st

    data = inspect.signature(type(st.cache_data).__call__)
    assert list(data.parameters)[1:] == ["func", "ttl", "max_entries", "max_size", "show_spinner", "show_time",
                                         "persist", "hash_funcs", "scope", "refresh_mode"]
    assert {n: p.default for n, p in data.parameters.items() if n not in ("self", "func")} == {
        "ttl": None, "max_entries": None, "max_size": None, "show_spinner": True, "show_time": False,
        "persist": None, "hash_funcs": None, "scope": "global", "refresh_mode": "foreground"}
    resource = inspect.signature(type(st.cache_resource).__call__)
    assert list(resource.parameters)[1:] == ["func", "ttl", "max_entries", "show_spinner", "show_time", "validate",
                                             "hash_funcs", "on_release", "scope", "refresh_mode"]
    assert str(inspect.signature(st.cache_data.clear)) == "() -> 'None'"


@pytest.mark.parametrize("decorator", ["@st.cache_data", "@st.cache_data()", "@st.cache_data(ttl=None, max_entries=5)"])
def test_a_cached_function_runs_once_per_arguments_in_every_decorator_form(calls, decorator: str) -> None:
    at = app(f"""
        {decorator}
        def square(x):
            log.append(x)
            return x * x
        show(square(3), square(3), square(4))
    """).run()
    assert texts(at) == ["9 9 16"]
    at.run()
    assert calls.log == [3, 4]
    assert not at.exception


def test_a_positional_and_a_keyword_argument_of_the_same_name_are_one_key(calls) -> None:
    at = app("""
        @st.cache_data
        def f(x, y=2):
            log.append((x, y))
            return x + y
        show(f(1), f(x=1), f(1, 2), f(1, y=2), f(y=3, x=1))
    """).run()
    assert texts(at) == ["3 3 3 3 4"]
    assert calls.log == [(1, 2), (1, 2), (1, 3)]  # f(1) and f(1, 2): different arguments given


def test_underscore_parameters_are_not_hashed(calls) -> None:
    at = app("""
        import threading
        @st.cache_data
        def fetch(_connection, rows):
            log.append(rows)
            return rows
        show(fetch(threading.Lock(), 5), fetch(threading.Lock(), 5))
    """).run()
    assert texts(at) == ["5 5"]
    assert calls.log == [5]


def test_an_unhashable_argument_is_streamlits_error(calls) -> None:
    at = app("""
        import threading
        @st.cache_data
        def load(conn, n):
            return n
        load(threading.Lock(), 1)
    """).run()
    assert error(at, "UnhashableParamError") == (
        "Cannot hash argument 'conn' (of type `_thread.lock`) in 'load'.\n\nTo address this, you can tell Streamlit "
        "not to hash this argument by adding a\nleading underscore to the argument's name in the function "
        "signature:\n\n```\n@st.cache_data\ndef load(_conn, ...):\n    ...\n```")
    from appcore.errors import StreamlitAPIException, UnhashableParamError
    assert issubclass(UnhashableParamError, StreamlitAPIException)


def test_a_function_argument_is_unhashable_as_in_streamlit(calls) -> None:
    at = app("""
        @st.cache_resource
        def apply(fn):
            return fn(2)
        apply(lambda v: v)
    """).run()
    assert "Cannot hash argument 'fn' (of type `builtins.function`) in 'apply'." in at.exception[0].message
    assert "@st.cache_resource\ndef apply(_fn, ...):" in at.exception[0].message


def test_hash_funcs_by_type_and_by_name(calls) -> None:
    at = app("""
        import threading
        class Conn:
            def __init__(self, url):
                self.url = url
                self.lock = threading.Lock()
        @st.cache_data(hash_funcs={Conn: lambda c: c.url})
        def by_type(conn):
            log.append(("type", conn.url))
            return conn.url
        @st.cache_data(hash_funcs={"__main__.Conn": lambda c: c.url})
        def by_name(conn):
            log.append(("name", conn.url))
            return conn.url
        show(by_type(Conn("a")), by_type(Conn("a")), by_type(Conn("b")), by_name(Conn("a")), by_name(Conn("a")))
    """).run()
    assert texts(at) == ["a a b a a"]
    assert calls.log == [("type", "a"), ("type", "b"), ("name", "a")]


def test_a_failing_hash_func_names_itself(calls) -> None:
    at = app("""
        def broken(value):
            raise ValueError("no hash today")
        @st.cache_data(hash_funcs={int: broken})
        def f(x):
            return x
        f(1)
    """).run()
    message = at.exception[0].message
    assert message.startswith("no hash today\n\nThis error is likely due to a bug in `broken()`, which is a\n"
                              "user-defined hash function that was passed into the `@st.cache_data` decorator of\n"
                              "`f()`.")
    assert at.exception[0].props["type"] == "UserHashError"


def test_common_types_hash_by_value(calls) -> None:
    at = app("""
        import dataclasses, datetime, enum
        import numpy as np, pandas as pd
        @dataclasses.dataclass
        class Point:
            x: int
            y: int
        class Colour(enum.Enum):
            RED = 1
        @st.cache_data
        def seen(value):
            log.append(type(value).__name__)
            return 1
        for _ in range(2):  # equal values built again: hits
            seen(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
            seen(pd.Series([1.5, 2.5]))
            seen(np.arange(6).reshape(2, 3))
            seen(Point(1, 2))
            seen(Colour.RED)
            seen(datetime.datetime(2024, 1, 2, 3, 4))
            seen(b"bytes")
            seen({"k": [1, (2, 3)], "s": {4, 5}})
            seen(None)
        seen(pd.DataFrame({"a": [1, 3], "b": ["x", "y"]}))   # other values: misses
        seen(np.arange(6).reshape(3, 2))
        seen(Point(2, 1))
    """).run(timeout=60)  # the first import of pandas may be slow on a busy machine
    assert not at.exception
    assert calls.log == ["DataFrame", "Series", "ndarray", "Point", "Colour", "datetime", "bytes", "dict",
                         "NoneType", "DataFrame", "ndarray", "Point"]


def test_pandas_values_pandas_cannot_hash_are_keyed_by_their_pickle_after_streamlits_warning(calls, caplog) -> None:
    at = app("""
        import pandas as pd
        @st.cache_data
        def seen(value):
            log.append(type(value).__name__)
            return 1
        for _ in range(2):  # equal values built again: hits
            seen(pd.DataFrame({"a": [[1], [2]]}))
            seen(pd.Series([{1}, {2}]))
        seen(pd.DataFrame({"a": [[1], [3]]}))   # another value: a miss
    """).run(timeout=60)
    assert not at.exception
    assert calls.log == ["DataFrame", "Series", "DataFrame"]
    warned = [r.getMessage() for r in caplog.records if "falling back to pickling" in r.getMessage()]
    assert warned and {m.split(",")[0] for m in warned} == {
        "Streamlit's default hashing method failed for a pandas DataFrame",
        "Streamlit's default hashing method failed for a pandas Series"}


def test_editing_the_function_starts_a_new_cache_and_the_same_source_shares_it(calls) -> None:
    body = """
        @st.cache_data
        def value():
            log.append("{tag}")
            return "{tag}"
        show(value())
    """
    first = app(body.replace("{tag}", "v1")).run()
    again = app(body.replace("{tag}", "v1")).run()     # another AppTest, the same function: shared, as Streamlit
    edited = app(body.replace("{tag}", "v2")).run()    # the source changed: computed again
    assert (texts(first), texts(again), texts(edited)) == (["v1"], ["v1"], ["v2"])
    assert calls.log == ["v1", "v2"]


def test_the_caller_gets_a_copy_so_mutating_it_does_not_poison_the_cache(calls) -> None:
    at = app("""
        @st.cache_data
        def rows():
            log.append(1)
            return [1, 2]
        mine = rows()
        mine.append("mutated")
        show(str(rows()))
    """).run()
    at.run()
    assert texts(at) == ["[1, 2]"]
    assert calls.log == [1]


def test_an_unpicklable_return_value_is_streamlits_error(calls) -> None:
    at = app("""
        import threading
        @st.cache_data
        def load():
            return threading.Lock()
        load()
    """).run()
    assert error(at, "UnserializableReturnValueError") == (
        "Cannot serialize the return value (of type `_thread.lock`)\n            in `load()`. `st.cache_data` uses\n"
        "            [pickle](https://docs.python.org/3/library/pickle.html) to serialize the\n            function's "
        "return value and safely store it in the cache\n            without mutating the original object. Please "
        "convert the return value to a\n            pickle-serializable type. If you want to cache unserializable "
        "objects such\n            as database connections or Tensorflow sessions, use `st.cache_resource`\n"
        "            instead (see [our docs](https://docs.streamlit.io/develop/concepts/architecture/caching) for "
        "differences).")


@pytest.mark.parametrize("ttl, lives", [("60", 60), ("datetime.timedelta(minutes=1)", 60), ('"1m"', 60),
                                         ('"1h"', 3600), ('"1d2h34m"', 95640), ('"1.5 days"', 129600)])
def test_ttl_in_seconds_timedelta_or_pandas_strings(calls, clock, ttl: str, lives: int) -> None:
    at = app(f"""
        import datetime
        @st.cache_data(ttl={ttl})
        def stamp():
            log.append(1)
            return len(log)
        show(stamp())
    """).run()
    clock.advance(lives - 1)
    at.run()
    assert texts(at) == ["1"] and calls.log == [1]
    clock.advance(1)
    at.run()
    assert texts(at) == ["2"]


def test_a_bad_ttl_string_is_streamlits_error(calls) -> None:
    at = app("""
        @st.cache_data(ttl="bogus")
        def load():
            return 1
        load()
    """).run()
    assert at.exception[0].message == ("Time string doesn't look right. It should be formatted as `'1d2h34m'` or "
                                       "`2 days`, for example. Got: bogus")


def test_max_entries_drops_the_least_recently_used(calls) -> None:
    at = app("""
        @st.cache_data(max_entries=2)
        def f(x):
            log.append(x)
            return x
        for x in st.session_state.setdefault("calls", ["a", "b", "a", "c"]):
            f(x)
    """).run()
    assert calls.log == ["a", "b", "c"]          # "b" was the least recently used when "c" came
    at.session_state["calls"] = ["a", "b"]
    at.run()
    assert calls.log == ["a", "b", "c", "b"]


def test_max_size_bounds_the_pickled_bytes(calls) -> None:
    at = app("""
        @st.cache_data(max_size="1KB")
        def blob(x):
            log.append(x)
            return x * 600
        blob("a"); blob("b"); blob("b"); blob("a")
    """).run()
    assert calls.log == ["a", "b", "a"]          # two 600-byte values do not fit in 1024 bytes


def test_max_size_errors_are_streamlits(calls) -> None:
    at = app("""
        @st.cache_data(max_size="lots")
        def f():
            return 1
    """).run()
    assert at.exception[0].message == (
        "Invalid `max_size` value. Supported values: a positive byte size. Use an integer number of bytes or a "
        'positive value with an explicit unit, such as "500MB", "1.5GB", or "200KiB".')


@pytest.mark.parametrize("call, message", [
    ('scope="user"', "Invalid `scope` value. Supported values: 'global', 'session'."),
    ('persist="memory"', "Invalid `persist` value. Supported values: 'disk', None."),
    ('refresh_mode="later"', "Invalid `refresh_mode` value. Supported values: foreground, background."),
    ('refresh_mode="background"', 'The `ttl` parameter is required. Set a positive `ttl` (for example `ttl="1h"`) '
                                  'or use `refresh_mode="foreground"`.'),
    ('refresh_mode="background", ttl=60, persist="disk"',
     "`refresh_mode='background'` and `persist='disk'` cannot be used together. Persisted (disk) caches do not "
     "support TTL-based expiration, which background refresh requires. Use `persist=None` with "
     '`refresh_mode="background"`, or use `refresh_mode="foreground"`.'),
])
def test_parameter_errors_are_streamlits(calls, call: str, message: str) -> None:
    at = app(f"""
        @st.cache_data({call})
        def f():
            return 1
    """).run()
    assert at.exception[0].message == message


def test_persist_disk_writes_beside_the_script_and_survives_a_restart(calls, monkeypatch) -> None:
    at = app("""
        @st.cache_data(persist="disk")
        def slow():
            log.append(1)
            return {"answer": 42}
        show(slow()["answer"])
    """).run()
    folder = Path(at._script_path).parent / ".appcore" / "cache"
    assert [p.suffix for p in folder.iterdir()] == [".memo"]
    monkeypatch.setattr(store, "DATA", store.Caches("data"))   # a new process: nothing in memory
    at.run()
    assert texts(at) == ["42"] and calls.log == [1]
    import appcore as st
    st.cache_data.clear()
    assert list(folder.iterdir()) == []


def test_persist_true_is_disk(calls) -> None:
    at = app("""
        @st.cache_data(persist=True)
        def f():
            return 1
        f()
    """).run()
    assert os.listdir(Path(at._script_path).parent / ".appcore" / "cache")


def test_clear_on_the_function_per_arguments_and_everything(calls) -> None:
    at = app("""
        @st.cache_data
        def f(x):
            log.append(x)
            return x
        @st.cache_data
        def g():
            log.append("g")
            return 0
        f(1); f(2); g()
        what = st.session_state.get("clear")
        if what == "one":
            f.clear(1)
        elif what == "f":
            f.clear()
        elif what == "all":
            st.cache_data.clear()
        f(1); f(2); g()
    """).run()
    assert calls.log == [1, 2, "g"]
    at.session_state["clear"] = "one"
    at.run()
    assert calls.log[3:] == [1]
    at.session_state["clear"] = "f"
    at.run()
    assert calls.log[4:] == [1, 2]
    at.session_state["clear"] = "all"
    at.run()
    assert calls.log[6:] == [1, 2, "g"]


def test_session_scope_keeps_values_per_session(calls) -> None:
    script = """
        @st.cache_data(scope="session")
        def mine():
            log.append(1)
            return len(log)
        show(mine())
    """
    one, two = app(script).run(), app(script).run()
    one.run()
    assert (texts(one), texts(two)) == (["1"], ["2"])
    one.app.close_session(one.session)            # its values go with it; the other session keeps its own
    assert [where[0] for where in store.DATA._caches] == [two.session.id]
    two.run()
    assert texts(two) == ["2"] and len(calls.log) == 2


def test_cached_methods_and_staticmethods(calls) -> None:
    at = app("""
        class Repo:
            def __init__(self, name):
                self.name = name
            @st.cache_data
            def rows(_self, n):  # as in Streamlit, `self` (a plain instance) is not hashable
                log.append((_self.name, n))
                return [_self.name] * n
            @staticmethod
            @st.cache_data
            def total(n):
                log.append(("total", n))
                return n * 10
        a = Repo("a")
        show(a.rows(2), Repo("a").rows(2), Repo("b").rows(1), Repo.total(3), a.total(3))
        if st.session_state.get("clear"):
            a.rows.clear()
    """).run()
    assert texts(at) == ["['a', 'a'] ['a', 'a'] ['b'] 30 30"]    # keyed on n alone
    assert calls.log == [("a", 2), ("b", 1), ("total", 3)]
    at.session_state["clear"] = True
    at.run()
    at.run()
    assert calls.log[3:] == [("a", 2), ("b", 1)]


def test_an_async_function_is_cached_and_awaitable(calls) -> None:
    at = app("""
        import asyncio
        @st.cache_data
        async def config(env):
            log.append(env)
            await asyncio.sleep(0)
            return {"env": env}
        async def main():
            show((await config("prod"))["env"], (await config("prod"))["env"])
        asyncio.run(main())
    """).run()
    assert texts(at) == ["prod prod"] and calls.log == ["prod"]


def test_two_tasks_awaiting_the_same_key_at_once_compute_once(calls) -> None:
    at = app("""
        import asyncio
        @st.cache_data
        async def slow(x):
            log.append(x)
            await asyncio.sleep(0.05)   # both tasks are in flight together
            return x * 2
        async def main():
            return await asyncio.gather(slow(1), slow(1), slow(2))
        show(*asyncio.run(main()))
    """).run()
    assert texts(at) == ["2 2 4"] and calls.log == [1, 2]


def test_a_synchronous_function_returning_a_coroutine_is_streamlits_error(calls) -> None:
    at = app("""
        async def later():
            return 1
        @st.cache_data
        def f():
            return later()
        f()
    """).run()
    assert at.exception[0].message.startswith(
        "`f()` is a synchronous function decorated with `st.cache_data`, but it returned an awaitable of type "
        "`builtins.coroutine`.")


def test_background_refresh_serves_the_stale_value_and_refreshes_it(calls, clock) -> None:
    at = app("""
        @st.cache_data(ttl=10, refresh_mode="background")
        def price():
            log.append(1)
            if len(log) > 1:
                import appcore_test_calls
                appcore_test_calls.refreshed.set()
            return len(log)
        show(price())
    """).run()
    clock.advance(11)          # stale, not yet expired (2 x ttl)
    at.run()
    assert texts(at) == ["1"]  # served at once
    assert calls.refreshed.wait(5)
    [cache] = store.DATA.find("__main__.price")
    assert cache.wait_for_refreshes(5)   # its thread has written the new value
    at.run()
    assert texts(at) == ["2"]
    clock.advance(25)          # past 2 x ttl: computed in the foreground
    at.run()
    assert texts(at) == ["3"]


def test_st_cache_says_it_was_removed(calls) -> None:
    at = AppTest.from_string("import appcore as st\n@st.cache\ndef f():\n    return 1\n").run()
    assert at.exception[0].message == "st.cache has been removed. Use st.cache_data or st.cache_resource instead."


def test_max_entries_zero_holds_nothing_as_in_streamlit(calls) -> None:
    at = app("""
        @st.cache_data(max_entries=0)
        def f():
            return 1
        f()
    """).run()
    assert at.exception[0].message == "value too large"
