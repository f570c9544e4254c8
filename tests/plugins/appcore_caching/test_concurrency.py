"""Two sessions asking for the same value at once compute it once; a computation
that is stopped or fails leaves nothing behind and does not keep waiters waiting."""
from __future__ import annotations

import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import appcore_caching.store as store
from appcore.runtime.run import RerunRequest
from appcore.testing import AppTest
from tests.helpers import texts

SCRIPT = textwrap.dedent("""
    import appcore as st
    from appcore_test_calls import log
    from appcore_test_gates import before, work

    before.arrive()            # open unless a test holds a new run here

    @st.{decorator}
    def slow(x):
        log.append(x)
        work.arrive()          # the test holds the first caller here
        st.markdown("computing")
        if st.session_state.get("fail"):
            raise RuntimeError("the source is down")
        return x * 2

    st.markdown(f"result {{slow(21)}}")
""")
DRAWN = ["computing", "result 42"]  # what a session shows once it has the value


def start(at: AppTest, state: dict | None = None) -> threading.Thread:
    for key, value in (state or {}).items():
        at.session_state[key] = value
    thread = threading.Thread(target=at.run, kwargs={"timeout": 15}, daemon=True)
    thread.start()
    return thread


def callers_of_slow() -> int:
    return sum(cache.callers() for caches in (store.DATA, store.RESOURCE) for cache in caches.find("__main__.slow"))


def wait_for_callers(count: int) -> None:
    caches = store.DATA.find("__main__.slow") + store.RESOURCE.find("__main__.slow")
    assert caches and caches[0].wait_for_callers(count, 10), f"{callers_of_slow()} callers, expected {count}"


@contextmanager
def first_computes_second_waits(gates, decorator: str = "cache_data",
                                state: dict | None = None) -> Iterator[tuple[AppTest, AppTest]]:
    """Two sessions run SCRIPT (the first with ``state``). Inside the block the first is
    inside ``slow``, held at the ``work`` gate, and the second waits for its value; after
    the block the gate is open and both runs have ended."""
    first, second = (AppTest.from_string(SCRIPT.format(decorator=decorator)) for _ in range(2))
    with gates.work.closed():
        one = start(first, state)
        gates.work.wait_arrival()          # the first session computes, inside the function
        two = start(second)
        wait_for_callers(2)                # the second one missed and waits for the first
        yield first, second
    one.join(15), two.join(15)


@pytest.mark.parametrize("decorator", ["cache_data", "cache_resource"])
def test_two_sessions_at_once_compute_once_and_both_get_the_result(calls, gates, decorator: str) -> None:
    with first_computes_second_waits(gates, decorator) as (first, second):
        pass
    assert calls.log == [21]
    assert texts(first) == DRAWN
    assert texts(second) == DRAWN          # replayed from the first's call
    assert callers_of_slow() == 0


def test_a_stopped_computation_leaves_no_value_and_the_waiter_computes(calls, gates) -> None:
    with first_computes_second_waits(gates) as (first, second):
        first.session.stop()               # the page's Stop: lands at the function's next st call
    assert first.runs[-1]["status"] == "cancelled"
    assert calls.log == [21, 21]                                     # the stopped call stored nothing
    assert texts(second) == DRAWN
    third = AppTest.from_string(SCRIPT.format(decorator="cache_data")).run()
    assert texts(third) == DRAWN and calls.log == [21, 21]


def test_a_failed_computation_raises_for_its_caller_and_the_next_caller_computes(calls, gates) -> None:
    with first_computes_second_waits(gates, "cache_resource", {"fail": True}) as (first, second):
        pass
    assert [e.message for e in first.exception] == ["the source is down"]
    assert texts(second) == DRAWN
    assert calls.log == [21, 21]


def test_a_waiting_run_can_be_stopped_while_it_waits(calls, gates) -> None:
    with first_computes_second_waits(gates) as (first, second):
        second.session.stop()              # the page's Stop, while the run waits for the first caller
        assert second.session.wait_idle(10)
        assert callers_of_slow() == 1      # it left the queue; the first caller still computes
    assert second.runs[-1]["status"] == "cancelled"
    assert texts(first) == DRAWN
    assert calls.log == [21]


def test_a_waiting_run_yields_to_a_newer_rerun_and_the_new_run_gets_the_value(calls, gates) -> None:
    with first_computes_second_waits(gates) as (first, second):
        with gates.before.closed():
            second.session.request_rerun(RerunRequest())   # e.g. a value typed meanwhile
            gates.before.wait_arrival()    # the waiting run gave way: the new run is at the top
    second._wait(15)
    assert [r["status"] for r in second.runs] == ["interrupted", "complete"]
    assert texts(second) == DRAWN
    assert calls.log == [21]


def test_an_interrupted_computation_stores_nothing_and_the_waiter_computes(calls, gates) -> None:
    with first_computes_second_waits(gates) as (first, second):
        first.session.request_rerun(RerunRequest())   # the computing run yields at its next st call
    first._wait(15)
    assert first.runs[0]["status"] == "interrupted"
    assert calls.log == [21, 21]           # the interrupted call stored nothing; the next caller computed
    assert texts(first) == DRAWN
    assert texts(second) == DRAWN
