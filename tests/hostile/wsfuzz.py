"""A seeded websocket fuzzer against a real appcore server, and what it must not break.

``run_fuzz(seed, messages)`` serves ``fuzz_app.py`` in a thread of its own (its own
event loop, as ``appcore run`` serves it), opens an honest tab first, then sends
``messages`` hostile frames over a handful of sockets while a third party asks
``/_appcore/health`` on a connection of its own. It returns a ``Report``; the
invariants are checked by ``Report.problems()``:

- the server lives and ``/health`` answered within ``HEALTH_BUDGET`` every time;
- the honest tab keeps exactly its state and every click still reruns;
- no session holds a value outside its widget's definition (read from
  ``session_state`` in the process: the test-only hook is being in-process);
- no traceback and no ERROR in the log, and the log grew by at most ``LOG_BUDGET``.

tests/hostile/test_fuzz.py runs it at CI size; bench/fuzz.py at 10,000 messages a seed.
"""
from __future__ import annotations

import asyncio
import datetime
import http.client
import json
import logging
import math
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from appcore.app import App
from appcore.config import Config
from appcore.server import build_web_app

APP = Path(__file__).with_name("fuzz_app.py")
HEALTH_BUDGET = 0.100  # bench/fuzz.py holds the server to this
# The suite's budget: a stalled loop (seconds, as a 190 MB frame once caused) fails it, while a
# busy CI machine's scheduling pauses do not; the 100 ms figure is measured by bench/fuzz.py.
CI_HEALTH_BUDGET = 1.0
LOG_BUDGET = 300_000
LIMIT_MB = 0.25  # the fuzz server's max_message_mb: oversize frames stay cheap to make
SOCKETS = 6

# -- what each widget may hold --------------------------------------------------------------


def _text(limit: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and len(v) <= limit and _encodable(v)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number(kind: type, low: float, high: float) -> Callable[[Any], bool]:
    return lambda v: type(v) is kind and math.isfinite(v) and low <= v <= high


def _subset(options: list[str], most: int | None = None) -> Callable[[Any], bool]:
    return lambda v: (isinstance(v, list) and all(x in options for x in v) and len(set(v)) == len(v)
                      and (most is None or len(v) <= most))


DEFINITIONS: dict[str, Callable[[Any], bool]] = {
    "count": lambda v: type(v) is int and v >= 0,
    "add": lambda v: type(v) is bool,
    "fbtn": lambda v: type(v) is bool,
    "cb": lambda v: type(v) is bool,
    "tg": lambda v: type(v) is bool,
    "rd": lambda v: v in ("a", "b", "c"),
    "sb": lambda v: v in ("a", "b", "c", None),
    "ms": _subset(["a", "b", "c", "d"], 2),
    "sl": _number(int, 0, 10),
    "slf": _number(float, 0.0, 1.0),
    "slr": lambda v: (isinstance(v, tuple) and len(v) == 2 and all(_number(int, 0, 10)(x) for x in v)
                      and v[0] <= v[1]),
    "ss": lambda v: v in ("lo", "mid", "hi"),
    "ni": _number(int, 0, 100),
    "nf": _number(float, -1.0, 1.0),
    "ti": _text(5),
    "ta": _text(20),
    "fti": _text(3),
    "di": lambda v: type(v) is datetime.date and datetime.date(2024, 1, 1) <= v <= datetime.date(2024, 12, 31),
    "tm": lambda v: type(v) is datetime.time,
    "cp": lambda v: isinstance(v, str) and re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", v) is not None,
    "pl": _subset(["x", "y", "z"]),
    "sc": lambda v: v in ("one", "two", None),
    "fb": lambda v: v in (None, 0, 1) and type(v) is not bool,
    "frag": lambda v: type(v) is int and v >= 1,
}


# Values out of definition that the runtime is known to let through, by widget key: none
# (text widgets refuse null since the queue work; tests/plugins/appcore_elements/test_null_values.py pins it).
KNOWN_RUNTIME_GAPS: dict[str, tuple[Any, ...]] = {}


def out_of_definition(values: dict[str, Any], tolerate: dict[str, tuple[Any, ...]] | None = None) -> list[str]:
    """Every key of ``session_state`` whose value its widget could not hold."""
    tolerate = KNOWN_RUNTIME_GAPS if tolerate is None else tolerate
    bad = []
    for key, value in values.items():
        if any(value is known for known in tolerate.get(key, ())):
            continue
        check = DEFINITIONS.get(key)
        if check is None:
            bad.append(f"{key!r}: a key the app never makes (value {value!r:.80})")
        elif not check(value):
            bad.append(f"{key!r} = {value!r:.120}")
    return bad


# -- hostile frames ---------------------------------------------------------------------------------

# Values a widget's definition refuses (and a few it takes), by the widget's key.
BAD_VALUES: dict[str, list[Any]] = {
    "cb": [1, 0, "true", None, [], {}], "tg": [1, "yes", None],
    "rd": [3, -1, 1.5, "a", None, True, 10**20], "sb": [3, -1, "b", 2.0, True],
    "ms": [[0, 1, 2], [9], [-1], [0, 0], "a", [None], [True]],
    "sl": [11, -1, 5.5, "5", None, True, 10**400 if False else 1e308],
    "slf": [1.5, -0.1, "0.5", None, [0.5]], "slr": [[8, 2], [0, 11], [1], [1, 2, 3], 5, ["a", "b"]],
    "ss": [3, -1, "lo", 1.5], "ni": [101, -1, 7.5, "7", True, 2**64],
    "nf": [1.1, -1.1, "0", 1e308, -1e308], "ti": ["123456", 5, None, ["a"], "a" * 1000],
    "ta": ["x" * 21, 1, {"a": 1}], "fti": ["abcd", 3],
    "di": ["2023-12-31", "2025-01-01", "not a date", "2024-02-30", 20240601, ["2024-06-01"]],
    "tm": ["25:00", "12:61", "noon", 1230, "12:30:00:00"],
    "cp": ["red", "#ffff", "#gggggg", "#00ff00ff", 0x00FF00, "javascript:alert(1)"],
    "pl": [[3], [-1], [0, 0], "x", 0], "sc": [2, -1, "one", [0]], "fb": [2, -1, "1", True, 0.5],
    "add": ["click", 1, None], "fbtn": [2, "x"],
}
GOOD_VALUES: dict[str, Callable[[random.Random], Any]] = {
    "cb": lambda r: r.random() < 0.5, "tg": lambda r: r.random() < 0.5, "rd": lambda r: r.randrange(3),
    "sb": lambda r: r.randrange(3), "ms": lambda r: r.sample(range(4), r.randrange(3)),
    "sl": lambda r: r.randrange(11), "slf": lambda r: round(r.randrange(11) / 10, 1),
    "slr": lambda r: sorted([r.randrange(11), r.randrange(11)]), "ss": lambda r: r.randrange(3),
    "ni": lambda r: r.randrange(101), "nf": lambda r: round(r.uniform(-1, 1), 2),
    "ti": lambda r: r.choice(["", "ab", "héllo", "😀😀", "12345"]), "ta": lambda r: "line\nline",
    "fti": lambda r: "abc", "di": lambda r: f"2024-0{r.randrange(1, 10)}-1{r.randrange(10)}",
    "tm": lambda r: f"{r.randrange(24):02d}:{r.choice(['00', '15', '30', '45'])}",
    "cp": lambda r: "#%06x" % r.randrange(1 << 24), "pl": lambda r: r.sample(range(3), r.randrange(4)),
    "sc": lambda r: r.randrange(2), "fb": lambda r: r.randrange(2), "add": lambda r: True,
    "fbtn": lambda r: True,
}
ODD_STRINGS = [
    "x\\ud83d", "\\udc00", "\\ud800\\ud800", "\\u0000", "\\ufeff", "\\uffff", "\\u202e\\u202d", "e\\u0301" * 50,
    "\\u2028\\u2029", "%s", "{0}", "\\\\x00", "<script>__pwned()</script>", "$$ID-button-add", "\\\\", "\\ud83d\\ude00",
]
RAW_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e309", "-0", "1" * 400, "0x10", "1_000", ".5", "01"]
MESSAGE_TYPES = ["widget", "rerun", "form_submit", "fragment_tick", "dialog_dismissed", "hello"]


def hostile_frames(rng: random.Random, ids: dict[str, str]) -> Iterator[str | bytes]:
    """An endless stream of frames, each from a category picked at random."""
    limit = int(LIMIT_MB * 1_000_000)
    keys = sorted(BAD_VALUES)

    def wid(key: str) -> str:
        return ids.get(key, f"$$ID-{key}")

    def widget(key: str, raw_value: str) -> str:
        return f'{{"t":"widget","id":{json.dumps(wid(key))},"value":{raw_value}}}'

    while True:
        kind = rng.randrange(16)
        key = rng.choice(keys)
        if kind == 0:    # malformed JSON
            good = widget(key, json.dumps(GOOD_VALUES[key](rng)))
            yield rng.choice([good[: rng.randrange(len(good))], good + "}", good.replace('"', "'"),
                              good + " garbage", "", " ", "{", "nul", "\x00", "[" * rng.randrange(1, 3000)])
        elif kind == 1:  # binary
            yield bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        elif kind == 2:  # oversize, just past the limit and well past it
            yield widget(key, json.dumps("y" * (limit + rng.randrange(1, 2000))))
        elif kind == 3:  # unknown types, and a type that is not a string
            yield json.dumps({"t": rng.choice(["", "Widget", "run", "__proto__", "x" * 500, "hello"]),
                              "id": wid(key)})
            yield rng.choice(['{"t": 1}', '{"t": null}', '{"t": ["widget"]}', "[]", "1", '"widget"', "null"])
        elif kind == 4:  # unknown ids and ids of the wrong type
            yield json.dumps({"t": "widget", "id": rng.choice(["", "$$ID-nope", wid(key) + " ", "x" * 2000,
                                                                wid(key).upper()]), "value": True})
            yield '{"t":"widget","id":%s,"value":true}' % rng.choice(["1", "null", "[]", "{}", "true"])
        elif kind in (5, 6, 7):  # out-of-definition values for every widget type
            yield widget(key, json.dumps(rng.choice(BAD_VALUES[key])))
        elif kind == 8:  # unicode oddities, lone surrogates among them
            odd = rng.choice(ODD_STRINGS)
            yield widget(rng.choice(["ti", "ta", "fti", "cp", "di", "tm"]), f'"{odd}"')
            yield f'{{"t":"widget","id":"{odd}","value":true}}'
            yield f'{{"t":"{odd}"}}'
        elif kind == 9:  # NaN, Infinity and numbers past a double
            yield widget(rng.choice(["ni", "nf", "sl", "slf", "rd", "fb"]), rng.choice(RAW_NUMBERS))
        elif kind == 10:  # missing and extra fields
            yield rng.choice([json.dumps({"t": "widget", "id": wid(key)}),
                              json.dumps({"t": "widget", "value": 1}),
                              json.dumps({"t": "widget", "id": wid(key), "value": GOOD_VALUES[key](rng),
                                          "__proto__": {"x": 1}, "session": "other"})])
        elif kind == 11:  # floods of every event type
            kind_of = rng.choice(MESSAGE_TYPES)
            body = {"widget": {"t": "widget", "id": wid("add"), "value": True},
                    "rerun": {"t": "rerun"},
                    "form_submit": {"t": "form_submit", "form": rng.choice(["f", "nope", 1])},
                    "fragment_tick": {"t": "fragment_tick", "id": rng.choice(["nope", 1, None])},
                    "dialog_dismissed": {"t": "dialog_dismissed", "id": rng.choice(["nope", 1, None])},
                    "hello": {"t": "hello", "session": None}}[kind_of]
            frame = json.dumps(body)
            for _ in range(rng.randrange(10, 60)):
                yield frame
        elif kind == 12:  # plugin events with bad fields
            yield json.dumps({"t": rng.choice(["form_submit", "fragment_tick", "dialog_dismissed"]),
                              rng.choice(["form", "id"]): rng.choice([None, 1, [], {}, "x" * 300, "f"])})
        else:            # well-formed values, so that runs happen amid the rest
            yield widget(key, json.dumps(GOOD_VALUES[key](rng)))


def hello_games(rng: random.Random, honest_id: str, known: list[str]) -> str:
    """A first frame: mostly a hello, often one that plays with session ids."""
    session = rng.choice([None, None, honest_id, rng.choice(known) if known else None, "", "x" * 5000,
                          "../../etc", "$$ID-button-add", 17, [honest_id], {"id": honest_id}, "\\ud83d"])
    if rng.random() < 0.08:
        return rng.choice(['{"t":"rerun"}', "not json", '{"t":"widget","id":"$$ID-button-add","value":true}'])
    hello = {"t": "hello", "session": session, "path": rng.choice(["/", "/nope", "//evil", 5, None]),
             "url": rng.choice(["http://x", 7, "y" * 5000]), "timezone_offset": rng.choice([0, 10**9, "x"])}
    return json.dumps(hello).replace('"\\\\ud83d"', '"\\ud83d"')


# -- the server in a thread ---------------------------------------------------------------------------


class LogTap(logging.Handler):
    """Every record any logger writes, as the log would have it."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.bytes = 0
        self.tracebacks: list[str] = []
        self.errors: list[str] = []
        self.lines = 0
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        text = self.format(record)
        self.bytes += len(text) + 1
        self.lines += 1
        if record.exc_info or "Traceback" in text:
            self.tracebacks.append(text[:2000])
        if record.levelno >= logging.ERROR:
            self.errors.append(text[:500])


class ThreadServer:
    """``fuzz_app.py`` served on 127.0.0.1 from a thread with its own event loop."""

    def __init__(self, **server: Any):
        config = Config()
        config.server.run_on_save = False
        config.server.max_message_mb = LIMIT_MB
        config.server.hello_timeout_seconds = 2.0
        for name, value in server.items():
            setattr(config.server, name, value)
        self.app = App(APP, config)
        self.port = 0
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._serve, name="fuzz-server", daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        if not self._ready.wait(15):
            raise AssertionError(f"the fuzz server did not start: {self.failed!r}")
        if self.failed is not None:
            raise self.failed
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self.thread.join(15)
        assert not self.thread.is_alive(), "the fuzz server did not stop"

    def _serve(self) -> None:
        async def main() -> None:
            runner = web.AppRunner(build_web_app(self.app), handle_signals=False, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            self._ready.set()
            await self._stop.wait()
            await runner.cleanup()

        try:
            asyncio.run(main())
        except BaseException as error:  # noqa: BLE001  (reported by __enter__ or the report)
            self.failed = error
            self._ready.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class HealthProbe:
    """``/_appcore/health`` asked every 20 ms on a keep-alive connection of its own."""

    def __init__(self, port: int):
        self.port = port
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._probe, name="fuzz-health", daemon=True)

    def __enter__(self) -> HealthProbe:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self.thread.join(10)

    def _probe(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        while not self._stop.wait(0.02):
            started = time.perf_counter()
            try:
                connection.request("GET", "/_appcore/health")
                response = connection.getresponse()
                body = response.read()
                if response.status != 200 or json.loads(body).get("ok") is not True:
                    self.failures.append(f"{response.status} {body[:100]!r}")
            except (OSError, http.client.HTTPException, ValueError) as error:
                self.failures.append(f"{type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            self.latencies.append(time.perf_counter() - started)
        connection.close()


# -- tabs -----------------------------------------------------------------------------------------------


class WireTab:
    """A socket read as runtime.js reads it, in the background: widget ids by key, runs ended."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse):
        self.ws = ws
        self.session_id: str | None = None
        self.ids: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.idle_runs: list[dict[str, Any]] = []
        self.closed = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for msg in self.ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                for message in json.loads(msg.data):
                    if message["t"] == "session":
                        self.session_id = message["id"]
                    elif message["t"] == "delta":
                        for op in message["ops"]:
                            if op[0] == "e" and op[4] and op[5]:
                                self.ids[op[5]] = op[4]
                            if op[0] == "e" and op[2] == "markdown":
                                self.texts[op[1]] = op[3]["body"]
                    elif message["t"] == "run" and message["state"] == "idle":
                        self.idle_runs.append(message)
        finally:
            self.closed.set()

    async def until(self, condition: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"the honest tab waited {timeout} s for {what}")
            await asyncio.sleep(0.005)

    async def close(self) -> None:
        await self.ws.close()
        await self._reader


# -- one seed ------------------------------------------------------------------------------------------


@dataclass
class Report:
    seed: int
    messages: int
    seconds: float = 0.0
    health: list[float] = field(default_factory=list)
    health_failures: list[str] = field(default_factory=list)
    honest: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    log: LogTap = field(default_factory=LogTap)
    server_failed: str | None = None
    sessions: int = 0
    clicks: int = 0

    def problems(self, health_budget: float = HEALTH_BUDGET) -> list[str]:
        found = []
        if self.server_failed:
            found.append(f"the server died: {self.server_failed}")
        slow = [t for t in self.health if t > health_budget]
        if slow:
            found.append(f"/health took over {health_budget * 1000:.0f} ms {len(slow)} times "
                         f"(worst {max(slow) * 1000:.0f} ms of {len(self.health)})")
        if len(self.health) < 3:
            found.append(f"/health was asked only {len(self.health)} times")
        found += [f"/health failed: {f}" for f in self.health_failures[:5]]
        found += [f"honest tab: {h}" for h in self.honest]
        found += [f"stored out of definition: {v}" for v in self.violations[:10]]
        found += [f"traceback in the log: {t}" for t in self.log.tracebacks[:3]]
        found += [f"ERROR in the log: {e}" for e in self.log.errors[:3]]
        if self.log.bytes > LOG_BUDGET:
            found.append(f"the log grew by {self.log.bytes:,} bytes (budget {LOG_BUDGET:,})")
        return found

    def summary(self) -> str:
        ordered = sorted(self.health) or [0.0]
        return (f"seed {self.seed}: {self.messages:,} frames in {self.seconds:.1f} s; "
                f"/health median {ordered[len(ordered) // 2] * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms "
                f"over {len(self.health)}; log {self.log.bytes:,} bytes in {self.log.lines} lines; "
                f"{self.sessions} sessions; honest clicks {self.clicks}")


def run_fuzz(seed: int, messages: int, **server: Any) -> Report:
    report = Report(seed, messages)
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.INFO)
    root.addHandler(report.log)
    try:
        with ThreadServer(**server) as served, HealthProbe(served.port) as probe:
            started = time.perf_counter()
            asyncio.run(_fuzz(served, report, seed, messages))
            report.seconds = time.perf_counter() - started
            if not served.thread.is_alive():
                report.server_failed = repr(served.failed)
            for session in list(served.app.sessions.values()):
                session.wait_idle(10)
                report.violations += [f"session {session.id[:8]}: {v}"
                                      for v in out_of_definition(dict(session.state.values))]
            report.sessions = len(served.app.sessions)
        report.health = probe.latencies
        report.health_failures = probe.failures
    finally:
        root.removeHandler(report.log)
        root.setLevel(old_level)
    return report


async def _fuzz(served: ThreadServer, report: Report, seed: int, messages: int) -> None:
    rng = random.Random(seed)
    stream = f"{served.url}/_appcore/stream"
    async with aiohttp.ClientSession() as client:
        honest = WireTab(await client.ws_connect(stream, origin=served.url))
        await honest.ws.send_json({"t": "hello", "session": None, "path": "/"})
        await honest.until(lambda: len(honest.idle_runs) >= 1, what="its first run")
        await honest.ws.send_json({"t": "widget", "id": honest.ids["ti"], "value": "Ada"})
        await honest.until(lambda: len(honest.idle_runs) >= 2, what="the run of its text")
        session = served.app.sessions[honest.session_id]
        before = dict(session.state.values)

        known: list[str] = []
        sent = 0
        per_socket = max(1, messages // SOCKETS)
        while sent < messages:
            ws = await client.ws_connect(stream, max_msg_size=0)
            tab = WireTab(ws)
            frames = hostile_frames(rng, honest.ids)  # ids come from keys: the same in every session
            try:
                await ws.send_str(hello_games(rng, honest.session_id or "", known))
                # Aim at the widgets once the session has drawn them (a refused hello closes).
                await asyncio.wait_for(_first_run_or_close(tab), 10)
                for _ in range(per_socket):
                    frame = next(frames)
                    if ws.closed:
                        break
                    if isinstance(frame, bytes):
                        await ws.send_bytes(frame)
                    else:
                        await ws.send_str(frame)
                    sent += 1
                    if sent % 50 == 0:
                        # The fuzzer shares this process's GIL with the server: a breath now and
                        # then keeps /health's figure the server's, not the fuzzer's.
                        await asyncio.sleep(0.002)
                    if sent % max(1, messages // 20) == 0:
                        await _click(honest, report)
                    if rng.random() < 0.002:  # drop and come back to the same session
                        break
            except (ConnectionError, aiohttp.ClientError, asyncio.TimeoutError):
                pass
            if tab.session_id:
                known.append(tab.session_id)
            await tab.close()

        await _click(honest, report)
        after = dict(session.state.values)
        # A click reruns the whole script, and with it the fragment, which counts its runs.
        expected = {**before, "count": before["count"] + report.clicks, "frag": before["frag"] + report.clicks,
                    "add": False}
        after["add"] = False
        if after != expected:
            changed = {k: (expected.get(k), after.get(k)) for k in set(expected) | set(after)
                       if expected.get(k) != after.get(k)}
            report.honest.append(f"its state changed: {changed}")
        if honest.texts.get("main.1") != f"count={before['count'] + report.clicks}":
            report.honest.append(f"it shows {honest.texts.get('main.1')!r} after {report.clicks} clicks")
        await honest.close()


async def _first_run_or_close(tab: WireTab) -> None:
    while not tab.idle_runs and not tab.closed.is_set():
        await asyncio.sleep(0.005)


async def _click(honest: WireTab, report: Report) -> None:
    runs = len(honest.idle_runs)
    await honest.ws.send_json({"t": "widget", "id": honest.ids["add"], "value": True})
    report.clicks += 1
    try:
        await honest.until(lambda: len(honest.idle_runs) > runs
                           and honest.texts.get("main.1", "").startswith("count="), what="a click's run")
    except AssertionError as error:
        report.honest.append(str(error))
        return
    status = honest.idle_runs[-1].get("status")
    if status != "complete":
        report.honest.append(f"a click's run ended {status!r}")
