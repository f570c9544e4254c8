"""A real ``redis-server`` for tests and benchmarks: its own port and folder, nothing kept.

``RedisServer(folder).start()`` runs Debian's ``/usr/bin/redis-server`` (or the one on PATH)
on a free loopback port with persistence off; ``stop()`` ends it (an outage) and ``start()``
brings it back on the same port.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import redis

from appcore.testing.processes import free_port, log_tail, stop, wait_started

MISSING = ("These tests need a real redis-server and none is installed. Install Debian's package "
           "(apt-get install redis-server, or run scripts/test.sh).")


def redis_server_binary() -> str | None:
    for candidate in ("/usr/bin/redis-server", shutil.which("redis-server")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class RedisServer:
    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.binary = redis_server_binary()
        if self.binary is None:
            raise FileNotFoundError(MISSING)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self, timeout: float = 10.0) -> RedisServer:
        log = open(self.folder / "redis.log", "ab")
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no"],
            stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.client().ping():
                    return self
            except redis.RedisError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}: "
                                   f"{(self.folder / 'redis.log').read_text()[-2000:]}")
            time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, timeout=5)
        self.process = None

    def holds(self, needle: bytes, session_id: str | None = None, timeout: float = 10.0) -> bool:
        """Whether a saved session (``session_id``'s, or any) comes to hold ``needle`` within
        ``timeout`` seconds: saves happen on the session's own time, after a run or a typed value."""
        client = self.client()
        pattern = f"appcore:session:{session_id or '*'}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(needle in (client.get(key) or b"") for key in client.keys(pattern)):
                return True
            time.sleep(0.02)
        return False


# -- appcore processes and tabs, for tests and benchmarks across processes ------------------

# Two pages, a counter, a text input, a form, and a lock (which cannot be pickled, so it
# stays behind, and the page says so): what a session resumed on another process must keep.
RESUME_APP = """
import threading
import appcore as st

def home():
    st.session_state.setdefault("n", 0)
    st.session_state.lock = threading.Lock()
    if st.button("Add one"):
        st.session_state.n += 1
    name = st.text_input("Name", key="name")
    with st.form("address"):
        city = st.text_input("City")
        sent = st.form_submit_button("Send")
    st.markdown(f"n={st.session_state.n} name={name} city={city} sent={sent}")

def report():
    st.markdown(f"Report for n={st.session_state.get('n')}")

st.navigation([st.Page(home, title="Home", default=True), st.Page(report, title="Report")]).run()
"""


class AppProcess:
    """``appcore run script`` in a subprocess of its own on a free loopback port."""

    def __init__(self, script: Path, env: dict[str, str] | None = None, port: int | None = None) -> None:
        self.script = Path(script)
        self.port = port or free_port()
        self.env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.script.parent / f"appcore-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout: float = 30.0) -> AppProcess:
        import sys

        env = {**os.environ, "APPCORE_SERVER_RUN_ON_SAVE": "false", **self.env}
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "appcore", "run", str(self.script), "--port", str(self.port),
             "--address", "127.0.0.1", "--headless"],
            cwd=self.script.parent, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        wait_started(self.process, f"{self.url}_appcore/health", self.log_path, timeout=timeout)
        return self

    def log(self) -> str:
        return log_tail(self.log_path)

    def signal(self, sig: int) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)

    def wait(self, timeout: float = 20.0) -> int:
        assert self.process is not None
        return self.process.wait(timeout)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, signal.SIGKILL)


class Tab:
    """A browser tab over appcore's websocket protocol (docs/protocol.md), without a browser:
    it keeps its session id as the page does in sessionStorage, and the elements it shows."""

    def __init__(self) -> None:
        from appcore.testing import FakeBrowser

        self.session_id: str | None = None
        self.browser = FakeBrowser()
        self.ws: Any = None
        self._http: Any = None
        self.close_code: int | None = None
        self.base_url, self.path = "", "/"

    async def open(self, base_url: str, path: str = "/", timeout: float = 10.0) -> Tab:
        """Load the page (its cookies kept, as a browser keeps them), connect with the session id
        the tab has, and wait for the first run's end."""
        import aiohttp

        if self.ws is not None:
            await self.ws.close()
        if self._http is None:
            self._http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
            async with self._http.get(base_url) as response:
                response.raise_for_status()
        self.base_url, self.path = base_url, path
        self.close_code = None
        self.ws = await self._http.ws_connect(base_url.rstrip("/") + "/_appcore/stream", heartbeat=None)
        await self.ws.send_json({"t": "hello", "session": self.session_id, "path": path,
                                 "url": base_url.rstrip("/") + path})
        await self.idle(timeout)
        return self

    async def reconnect(self, timeout: float = 15.0) -> Tab:
        """What the page does when its socket closes: connect again (retrying while nothing
        answers) with the session id it has."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return await self.open(self.base_url, self.path, timeout=max(1.0, deadline - time.monotonic()))
            except Exception:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)

    async def frames(self, timeout: float) -> Any:
        """Apply the next frame; returns its messages (an empty list when the socket closed)."""
        import asyncio
        import json

        import aiohttp

        msg = await asyncio.wait_for(self.ws.receive(), timeout)
        if msg.type != aiohttp.WSMsgType.TEXT:
            self.close_code = self.ws.close_code
            return []
        self.browser.deliver(msg.data)
        messages = json.loads(msg.data)
        for message in messages:
            if message["t"] == "session":
                self.session_id = message["id"]
        return messages

    async def idle(self, timeout: float = 10.0) -> None:
        """Until a whole-script run has ended."""
        deadline = time.monotonic() + timeout
        while True:
            messages = await self.frames(max(0.01, deadline - time.monotonic()))
            if not messages and self.close_code is not None:
                raise ConnectionError(f"the socket closed ({self.close_code})")
            if any(m["t"] == "run" and m["state"] == "idle" and m.get("partial") is None for m in messages):
                return

    async def send(self, message: dict[str, Any], run: bool = True, timeout: float = 10.0) -> None:
        await self.ws.send_json(message)
        if run:
            await self.idle(timeout)

    def shown(self, type: str) -> list[dict[str, Any]]:
        """The props of the elements of ``type`` on the page, in page order."""
        def order(item: tuple) -> tuple:
            return tuple((0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in item[0])
        return [props for _path, (kind, props, _w, _k) in sorted(self.browser.tree.items(), key=order)
                if kind == type]

    def widget(self, type: str, label: str) -> str:
        for _path, (kind, props, wid, _key) in self.browser.tree.items():
            if kind == type and props.get("label") == label and wid:
                return wid
        raise LookupError(f"no {type} labelled {label!r} on the page")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
        if self._http is not None:
            await self._http.close()
            self._http = None


class Deployment:
    """deploy/launch.py serving a script as N processes behind a real nginx on free ports.

    ``Deployment(launch_py, script, redis_url, run_dir).start()``; the app is at ``url``;
    ``holder()`` is the port of the one process that holds a session (their health routes
    count sessions); ``pid(port)`` is that process's pid; ``stop()`` drains it all."""

    def __init__(self, launch: Path, script: Path, redis_url: str, run_dir: Path, processes: int = 2,
                 prefix: str = "/app") -> None:
        self.launch, self.script, self.redis_url, self.run_dir = launch, script, redis_url, run_dir
        self.listen = free_port()
        first = free_port()
        self.ports = [first + i for i in range(processes)]
        self.prefix = prefix
        self.url = f"http://127.0.0.1:{self.listen}{prefix}/"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> Deployment:
        import sys
        import urllib.request

        env = {**os.environ, "APPCORE_SERVER_EXPOSE_DETAILS": "true"}
        self.process = subprocess.Popen(
            [sys.executable, str(self.launch), str(self.script), "--processes", str(len(self.ports)),
             "--listen", f"127.0.0.1:{self.listen}", "--first-port", str(self.ports[0]),
             "--redis", self.redis_url, "--base-url-path", self.prefix, "--run-dir", str(self.run_dir)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"launch.py exited: {self.process.stdout.read().decode()}")  # type: ignore[union-attr]
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200 and all(self.health(p).get("status") == "ok" for p in self.ports):
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the deployment did not come up")

    def health(self, port: int) -> dict[str, Any]:
        import json
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{self.prefix}/_appcore/health", timeout=2) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as error:
            return json.loads(error.read())
        except OSError:
            return {}

    def holder(self) -> int:
        counts = {port: self.health(port).get("sessions", 0) for port in self.ports}
        holding = [port for port, n in counts.items() if n]
        if len(holding) != 1:
            raise AssertionError(f"sessions per process: {counts}")
        return holding[0]

    def pid(self, port: int) -> int:
        return int((self.run_dir / f"appcore-{port}.pid").read_text())

    def stop(self, timeout: float = 30.0) -> tuple[int, str]:
        """SIGTERM the launcher (it drains every process); its exit code and output."""
        assert self.process is not None
        stop(self.process, signal.SIGTERM, timeout)
        return self.process.returncode, self.process.stdout.read().decode()  # type: ignore[union-attr]
