"""appcore-redis against a real redis-server: what a run saves, what another process resumes,
what cannot be carried, and a Redis that is down or slow."""
from __future__ import annotations

import logging
import pickle
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from appcore.app import App
from appcore.config import Config
from appcore.testing import AppTest, FakeBrowser
from appcore_redis import RedisSessionStore
from appcore_redis.testing import RedisServer

SCRIPT = """
import threading
import appcore as st

st.session_state.setdefault("n", 0)
if st.button("+"):
    st.session_state.n += 1
name = st.text_input("Name")
with st.form("address"):
    city = st.text_input("City", key="city")
    sent = st.form_submit_button("Send")
st.markdown(f"n={st.session_state.n} name={name} city={city} sent={sent}")
"""


def config(server: RedisServer, **store: Any) -> Config:
    config = Config()
    config.server.run_on_save = False
    config.server.session_grace_seconds = 30
    config.session_store.url = server.url
    for key, value in store.items():
        setattr(config.session_store, key, value)
    return config


def store_of(app: App) -> RedisSessionStore:
    store = app.session_store
    assert isinstance(store, RedisSessionStore), store
    return store


def tab(app: App, session_id: str | None, path: str = "/") -> tuple[Any, FakeBrowser]:
    """A tab that says hello to ``app`` (another process) with its session id."""
    browser = FakeBrowser()
    session = app.open_tab(browser, {"t": "hello", "session": session_id, "path": path})
    assert session.wait_idle(5), "the first run did not end"
    session.flush()
    return session, browser


def shown(browser: FakeBrowser, type: str) -> list[dict[str, Any]]:
    return [props for _path, (kind, props, _w, _k) in sorted(browser.tree.items(), key=str) if kind == type]


def test_each_complete_run_saves_the_session_under_its_id_with_the_grace_period_as_ttl(redis_server):
    at = AppTest.from_string(SCRIPT, config=config(redis_server, prefix="myapp:")).run()
    at.button[0].click().run()
    store = store_of(at.app)
    assert store.flush(5)
    client = redis_server.client()
    key = f"myapp:{at.session.id}"
    assert client.exists(key)
    assert 25_000 < client.pttl(key) <= 30_000, "TTL is [server] session_grace_seconds"
    saved = {k: pickle.loads(v) for k, v in pickle.loads(client.get(key)).items()}
    assert saved["n"] == 1
    store.close()


def test_another_process_resumes_the_values_the_page_and_the_forms_typed_values(redis_server):
    at = AppTest.from_string(SCRIPT, config=config(redis_server)).run()
    at.button[0].click().run()
    at.text_input[0].input("Ada").run()
    at.text_input(key="city").input("Paris").run()   # held by the form: no run takes it
    assert at.markdown[0].value == "n=1 name=Ada city= sent=False"
    assert store_of(at.app).flush(5)

    other = App(at.app.script_path, config(redis_server))  # another process, the same Redis
    session, browser = tab(other, at.session.id)
    assert session.id == at.session.id
    assert [m["body"] for m in shown(browser, "markdown")] == ["n=1 name=Ada city= sent=False"]
    assert [t["value"] for t in shown(browser, "text_input")] == ["Ada", "Paris"], "typed, not yet sent"

    # The form's Send sends what was typed in the first process.
    send = next(w for w in session.widgets.values() if w.scope.get("submitter") == "address")
    session.handle_message({"t": "widget", "id": send.id, "value": True})
    assert session.wait_idle(5)
    session.flush()
    assert [m["body"] for m in shown(browser, "markdown")] == ["n=1 name=Ada city=Paris sent=True"]
    store_of(other).close()
    store_of(at.app).close()


def test_a_value_that_cannot_be_pickled_is_named_in_the_page_and_the_log_and_the_rest_is_carried(
        redis_server, caplog):
    caplog.set_level(logging.WARNING)
    at = AppTest.from_string("""
        import threading
        import appcore as st
        st.session_state.n = 5
        st.session_state.lock = threading.Lock()
        class Point:  # defined in the script: another process cannot load it
            pass
        st.session_state.point = Point()
    """, config=config(redis_server)).run()
    told = [m for m in at._browser.messages if m["t"] == "session_store"]
    assert [[entry["key"] for entry in m["lost"]] for m in told] == [["lock", "point"]]
    reasons = {entry["key"]: entry["reason"] for entry in told[0]["lost"]}
    assert "cannot be pickled" in reasons["lock"]
    assert "defined in the app's script" in reasons["point"]
    assert "not carried to another process: lock: lock cannot be pickled" in caplog.text
    assert "point: Point is defined in the app's script" in caplog.text

    at.run()
    assert len([m for m in at._browser.messages if m["t"] == "session_store"]) == 1, "said once, not per run"
    assert store_of(at.app).flush(5)
    other = App(at.app.script_path, config(redis_server))
    resumed = other.new_session(at.session.id)
    assert resumed.state.values["n"] == 5 and "lock" not in resumed.state.values
    store_of(other).close()
    store_of(at.app).close()


def test_redis_down_fails_no_run_and_saving_resumes_when_it_is_back(redis_server, caplog):
    caplog.set_level(logging.WARNING)
    at = AppTest.from_string(SCRIPT, config=config(redis_server)).run()
    store = store_of(at.app)
    assert store.flush(5)
    redis_server.stop()
    for _ in range(3):
        started = time.monotonic()
        at.button[0].click().run()
        assert time.monotonic() - started < 1.0, "a run does not wait for Redis"
    assert [r["status"] for r in at.runs] == ["complete"] * 4
    assert at.markdown[0].value.startswith("n=3 ")
    assert "is unreachable" in caplog.text and "served from this process's memory" in caplog.text
    assert not store.flush(0.3), "nothing could be written"

    # A tab this process does not know cannot resume meanwhile: it starts afresh, at once.
    started = time.monotonic()
    fresh = at.app.new_session("someone-elses")
    assert fresh.id != "someone-elses" and time.monotonic() - started < 1.0

    redis_server.start()
    assert store.flush(10), "the newest state is written once Redis is back"
    assert "is back after" in caplog.text
    other = App(at.app.script_path, config(redis_server))
    assert other.new_session(at.session.id).state.values["n"] == 3
    store_of(other).close()
    store.close()


def test_a_slow_redis_does_not_slow_a_run(redis_server):
    at = AppTest.from_string(SCRIPT, config=config(redis_server)).run()
    store = store_of(at.app)
    assert store.flush(5)
    redis_server.client().execute_command("CLIENT", "PAUSE", "1500", "WRITE")  # every write waits 1.5 s
    started = time.monotonic()
    at.button[0].click().run()
    at.button[0].click().run()
    assert time.monotonic() - started < 1.0
    assert at.markdown[0].value.startswith("n=2 ")
    assert store.flush(10)
    other = App(at.app.script_path, config(redis_server))
    assert other.new_session(at.session.id).state.values["n"] == 2
    store_of(other).close()
    store.close()


def test_a_live_session_keeps_its_key_past_the_ttl_and_loses_it_after(redis_server):
    at = AppTest.from_string(SCRIPT, config=config(redis_server, ttl=1.0)).run()
    store = store_of(at.app)
    assert store.flush(5)
    client = redis_server.client()
    key = f"appcore:session:{at.session.id}"
    deadline = time.monotonic() + 2.5  # past twice the TTL, the key lives: the session is here
    while time.monotonic() < deadline:
        assert client.exists(key)
        time.sleep(0.1)
    at.app.close_session(at.session)  # the grace period is over in this process
    deadline = time.monotonic() + 5
    while client.exists(key) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not client.exists(key)
    store.close()


def test_session_store_is_configured_in_config_toml_or_by_environment_variable(tmp_path, redis_server):
    (tmp_path / ".appcore").mkdir()
    (tmp_path / ".appcore" / "config.toml").write_text(
        f'[session_store]\nurl = "{redis_server.url}"\nttl = 45\nprefix = "shop:"\n')
    script = tmp_path / "app.py"
    script.write_text("import appcore as st\nst.session_state.x = 1\n")
    app = App(script, Config.load(tmp_path, env={}))
    store = store_of(app)
    assert (store.url, store.ttl_ms, store.prefix) == (redis_server.url, 45_000, "shop:")
    store.close()

    other = tmp_path / "other"
    other.mkdir()
    (other / "app.py").write_text("import appcore as st\n")
    by_env = App(other / "app.py", Config.load(other, env={"APPCORE_SESSION_STORE_URL": redis_server.url}))
    assert store_of(by_env).url == redis_server.url and store_of(by_env).ttl_ms == 120_000
    store_of(by_env).close()
    plain = App(other / "app.py", Config.load(other, env={}))
    assert not isinstance(plain.session_store, RedisSessionStore), "no url: sessions stay in memory"
