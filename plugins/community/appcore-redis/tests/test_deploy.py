"""deploy/: N `appcore run` processes behind a real nginx (Debian's) on loopback ports, their
sessions in a real redis-server. A tab's process is killed (SIGKILL) or drained (SIGTERM):
the tab reconnects through nginx, lands on another process and resumes its state."""
from __future__ import annotations

import os
import signal
import textwrap
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from appcore_redis.testing import Deployment, RedisServer, Tab

ROOT = Path(__file__).resolve().parents[4]
LAUNCH = ROOT / "deploy" / "launch.py"
NGINX = "/usr/sbin/nginx"

APP = """
import time
import appcore as st

st.session_state.setdefault("n", 0)
if st.button("+"):
    st.session_state.n += 1
if st.button("Slow"):
    for step in range(20):
        time.sleep(0.05)
        st.markdown(f"step {step}")
    st.session_state.n += 10
st.markdown(f"n={st.session_state.n}")
"""


@pytest.fixture
def deployment(tmp_path: Path, redis_server: RedisServer) -> Iterator[Deployment]:
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"These tests need Debian's nginx at {NGINX}: apt-get install nginx (scripts/test.sh does).",
                    pytrace=False)
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP))
    deployment = Deployment(LAUNCH, script, redis_server.url, tmp_path / "run").start()
    try:
        yield deployment
    finally:
        code, output = deployment.stop()
        assert code == 0, output


def test_nginx_serves_the_app_under_its_prefix_and_gives_a_route_cookie(deployment):
    with urllib.request.urlopen(deployment.url, timeout=5) as response:
        assert response.status == 200
        assert 'data-testid="ac-status"' in response.read().decode()
        assert response.headers["Set-Cookie"].startswith("appcore_route=")
    for port in deployment.ports:
        assert deployment.health(port)["status"] == "ok"
    with urllib.request.urlopen(f"http://127.0.0.1:{deployment.listen}/", timeout=5) as response:
        assert response.url == deployment.url, "the site's root leads to the app"
    with pytest.raises(urllib.error.HTTPError) as outside:
        urllib.request.urlopen(f"http://127.0.0.1:{deployment.listen}/elsewhere", timeout=5)
    assert outside.value.code == 404, "nothing outside the prefix is served"


async def test_a_tab_whose_process_is_killed_resumes_on_the_other_through_nginx(deployment):
    tab = await Tab().open(deployment.url)
    for _ in range(3):
        await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
    assert [m["body"] for m in tab.shown("markdown")] == ["n=3"]
    holder = deployment.holder()
    session_id = tab.session_id

    os.kill(deployment.pid(holder), signal.SIGKILL)
    await tab.reconnect()  # the page's reconnect: through nginx, with its cookie
    assert tab.session_id == session_id
    assert [m["body"] for m in tab.shown("markdown")] == ["n=3"]
    other = next(port for port in deployment.ports if port != holder)
    assert deployment.health(other)["sessions"] == 1, "the other process took it"
    await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
    assert [m["body"] for m in tab.shown("markdown")] == ["n=4"]
    await tab.close()


async def test_a_drained_process_lets_the_running_script_end_and_the_tab_resumes_on_the_other(deployment):
    tab = await Tab().open(deployment.url)
    await tab.send({"t": "widget", "id": tab.widget("button", "+"), "value": True})
    holder = deployment.holder()
    await tab.send({"t": "widget", "id": tab.widget("button", "Slow"), "value": True}, run=False)
    await tab.frames(5)  # the slow run has begun
    os.kill(deployment.pid(holder), signal.SIGTERM)
    await tab.idle(10)   # the draining process lets it end
    assert [m["body"] for m in tab.shown("markdown")][-1] == "n=11"
    while await tab.frames(10):
        pass             # ... then closes the socket
    assert tab.close_code == 1001
    await tab.reconnect()
    assert [m["body"] for m in tab.shown("markdown")] == ["n=11"]
    other = next(port for port in deployment.ports if port != holder)
    assert deployment.health(other)["sessions"] == 1
    await tab.close()
