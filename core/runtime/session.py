"""A session: one browser tab's state, its runs, and what its browser shows.

Thread model: the event loop (or an AppTest) calls ``handle_message``,
``attach`` and ``flush``; runs execute on a worker thread that exists only
while requests are pending. The two meet under ``_lock``.
"""
from __future__ import annotations

import hmac
import logging
import reprlib
import secrets
import threading
import uuid
from hashlib import blake2b
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from . import pages
from .run import PARTIAL, STOPPED_BY_PAGE, STOPPED_BY_SESSION, Partial, RerunRequest, Run
from .services import ClientInfo, Services, Stash
from .footprint import approximate_size
from .state import SessionState
from .uploads import Uploads

if TYPE_CHECKING:
    from .media import MediaStore
    from .widgets import Widget

log = logging.getLogger("appcore.session")


# Where a session store's snapshot keeps what is not session_state ("$$": hidden from it).
SAVED_PAGE = "$$appcore.page"
SAVED_STASH = "$$appcore.stash:"

# Requests waiting at once, after merging (see ``_merge``): more is a client flooding
# distinct clicks; the request is refused and the tab told (``{"t": "busy"}``).
MAX_PENDING = 50

_MAKING = threading.Lock()  # a session's uploads and media stores are made once


class Client(Protocol):
    """The browser end of a session (a websocket, or AppTest's fake browser)."""

    def wake(self, session: Session) -> None:
        """Ask for ``session.flush()`` soon; called from any thread."""

    def deliver(self, frame: str) -> None:
        """Send one frame: a JSON array of messages."""


class BadMessage(ValueError):
    """A client message that is malformed or outside what it may do."""


class Busy(BadMessage):
    """The message asked for a run while ``MAX_PENDING`` requests already wait: refused.
    ``Session.refused`` counts these; the server logs them through its bounded summary."""


def _json_default(value: Any) -> Any:
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _encode(value: Any) -> str:
    # orjson: element encoding is most of a rerun's cost (docs: DESIGN.md §6, "if it shows up in a profile").
    return orjson.dumps(value, default=_json_default, option=orjson.OPT_NON_STR_KEYS).decode()


_SHORT = reprlib.Repr()  # keyword arguments need Python 3.12
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxdict = 6


def _short(value: Any) -> str:
    """A value from the browser in a message: bounded, however big it was (a 16 MB string)."""
    return _SHORT.repr(value)


def path_key(path: tuple) -> str:
    return ".".join(map(str, path))


class Session:
    def __init__(self, services: Services, script_path: str, session_id: str | None = None):
        self.id = session_id or uuid.uuid4().hex
        self.services = services
        self.script_path = script_path
        self.url_path = ""
        self.page = pages.PageState()  # which page it shows, its URL's query (runtime/pages.py)
        self.client_info = ClientInfo()
        self.state = SessionState()
        self.widgets: dict[str, Widget] = {}
        self.partials: dict[str, Partial] = {}
        # Plugins keep per-session data here, each under its own StashKey.
        self.stash = Stash()
        # Its uploads' token, for its tab only (the session message); `uploads` and `media` are
        # made on first use: most sessions hold neither, and each costs about 900 bytes.
        self.upload_token = secrets.token_urlsafe(24)
        self._uploads: Uploads | None = None
        self._media: MediaStore | None = None
        # What the browser shows now, path -> (type, digest of the encoded element); a widget
        # with a value -> (type, encoded element without its value, encoded value). See emit.
        self.shown: dict[tuple, tuple] = {}
        # Waiting requests, oldest first: at most MAX_PENDING, so a list (a deque costs 700 B a session).
        self.pending: list[RerunRequest] = []
        # Values of on_change="ignore" widgets, sent with whatever runs next.
        self.held_values: dict[str, Any] = {}
        self.runs_started = 0
        # Requests refused because the queue was full, since the session began.
        self.refused = 0
        self._busy_told = False  # the tab heard {"t": "busy"} since the last run began
        self._lock = threading.Lock()
        self._runner: threading.Thread | None = None
        self._current: Run | None = None
        self._outbox: list[tuple[bool, str]] = []  # (is_op, encoded)
        # The path of the outbox's last item when it puts an element: drawing there again
        # before the flush replaces it (a streamed text sends its newest state once per tick).
        self._outbox_tail: tuple | None = None
        self._client: Client | None = None
        self._wake_pending = False
        self._noted_page: object = None  # the page whose element types were last noted (services.drawn)
        self.closed = False

    # -- the browser end -----------------------------------------------------------

    def attach(self, client: Client) -> None:
        """A browser (re)connects: it shows nothing yet, so everything is resent."""
        with self._lock:
            self._client = client
            self.shown.clear()
            self._outbox = []
            self._outbox_tail = None
            self._wake_pending = False
        pages.attached(self)
        self.queue_message({"t": "session", "id": self.id, "upload_token": self.upload_token,
                            **self.services.hello, "preload": list(self.services.drawn)})

    def detach(self, client: Client) -> None:
        with self._lock:
            if self._client is client:
                self._client = None
                self._outbox = []
                self._outbox_tail = None
                self.shown.clear()

    def footprint(self) -> int:
        """Roughly the bytes this session holds: its state, held values, uploaded files and media."""
        held = (self._uploads.held_bytes() if self._uploads is not None else 0) + (
            self._media.bytes_held if self._media is not None else 0)
        return held + approximate_size((self.state.values, self.held_values))

    @property
    def uploads(self) -> Uploads:
        """The files its tab uploaded, by widget."""
        if self._uploads is None:
            with _MAKING:  # the server's loop and the script's thread may both be first
                if self._uploads is None:
                    self._uploads = Uploads(self.services.max_upload_mb)
        return self._uploads

    def upload_token_matches(self, token: str | None) -> bool:
        """An upload carries the token only this session's tab was told (its session message)."""
        return isinstance(token, str) and hmac.compare_digest(token.encode(), self.upload_token.encode())

    @property
    def media(self) -> MediaStore:
        """What its elements show from bytes and files (st.image, st.audio, ...), at /_appcore/media/."""
        if self._media is None:
            with _MAKING:
                if self._media is None:
                    self._media = self.services.media.new_store()
        return self._media

    @property
    def media_if_any(self) -> MediaStore | None:
        """Its media store if one was made (an element held a file), else None: nothing to track."""
        return self._media

    @property
    def connected(self) -> bool:
        return self._client is not None

    def queue_message(self, message: dict[str, Any]) -> None:
        self._queue(False, _encode(message))

    def emit(self, path: tuple, type: str, props: dict[str, Any], widget_id: str | None,
             key: str | None) -> None:
        """Queue an element unless the browser already shows exactly it.

        The record of what the browser shows is a digest per element, except for
        widgets with a value: their element is kept without the value and the value
        beside it, so that the value the browser shows can be replaced by what a
        person entered (``_browser_shows``) and the element sent again with a value
        the server sets (``set_widget_value``), without keeping the element twice.
        """
        if widget_id is not None and "value" in props:
            rest = orjson.dumps([type, {k: v for k, v in props.items() if k != "value"}, widget_id, key],
                                default=_json_default, option=orjson.OPT_NON_STR_KEYS)
            record: tuple = (type, rest, orjson.dumps(props["value"], default=_json_default,
                                                      option=orjson.OPT_NON_STR_KEYS))
            encoded = None
        else:
            encoded = orjson.dumps([type, props, widget_id, key], default=_json_default,
                                   option=orjson.OPT_NON_STR_KEYS)
            record = (type, blake2b(encoded, digest_size=16).digest())
        with self._lock:
            if self._client is None:
                return  # nobody to show it to; a reconnecting tab gets everything again
            if len(path) > 2 and path[:-1] not in self.shown:
                return  # its container is not on the page (the tab reconnected mid-run): the browser would drop it
            before = self.shown.get(path)
            if before == record:
                return
            if before is not None and before[0] != type:
                # A different element replaced this one: the browser drops its children.
                prefix = len(path)
                for stale in [p for p in self.shown if len(p) > prefix and p[:prefix] == path]:
                    del self.shown[stale]
            self.shown[path] = record
            body = _encode([type, props, widget_id, key]) if encoded is None else encoded.decode()
            op = (True, f'["e","{path_key(path)}",{body[1:]}')
            if self._outbox_tail == path and self._outbox:
                self._outbox[-1] = op  # the browser would apply both in a row: only the newer matters
            else:
                self._outbox.append(op)
                self._outbox_tail = path
            self._wake_locked()

    def prune(self, scope: tuple, produced: set[tuple]) -> None:
        """After a complete run, remove what it did not draw inside ``scope``."""
        n = len(scope)
        with self._lock:
            if self._client is None:
                return
            stale = [p for p in self.shown if len(p) > n and p[:n] == scope and p not in produced]
            if not stale:
                return
            stale_set = set(stale)
            for path in stale:
                del self.shown[path]
            # Tell the browser only the topmost: removing a container removes its children.
            for path in sorted(stale, key=len):
                if not any(path[:i] in stale_set for i in range(n + 1, len(path))):
                    self._outbox.append((True, f'["r","{path_key(path)}"]'))
                    self._outbox_tail = None
            self._wake_locked()

    def child_count(self, path: tuple) -> int:
        """How many children the browser shows in the container at ``path``."""
        n = len(path)
        with self._lock:
            indices = [p[n] for p in self.shown if len(p) == n + 1 and p[:n] == path]
        return max(indices) + 1 if indices else 0

    def forget(self, path: tuple) -> None:
        """The browser dropped ``path`` by itself (a dismissed dialog): forget it and its
        children, so drawing it again sends it again."""
        n = len(path)
        with self._lock:
            for shown in [p for p in self.shown if p[:n] == path]:
                del self.shown[shown]
        if self._media is not None:
            self._media.forget(path)
        # Its widgets are gone from the page: late values from them are refused.
        for wid in [wid for wid, w in self.widgets.items() if w.path[:n] == path]:
            del self.widgets[wid]
            if self._uploads is not None:
                self._uploads.release_widget(wid)

    def set_widget_value(self, widget: Widget, value: Any) -> None:
        """Set a widget's value from the server side and show it in the browser
        without a rerun (a form cleared on submit)."""
        self.state.values[widget.state_key] = value
        with self._lock:
            shown = self.shown.get(widget.path)
        if shown is None or len(shown) != 3:
            return  # not on the page as a widget with a value: the next run draws it
        type, props, wid, key = orjson.loads(shown[1])
        props["value"] = widget.to_json(value)
        self.emit(widget.path, type, props, wid, key)

    def _queue(self, is_op: bool, encoded: str) -> None:
        with self._lock:
            if self._client is None:
                return
            self._outbox.append((is_op, encoded))
            self._outbox_tail = None
            self._wake_locked()

    def _wake_locked(self) -> None:
        if not self._wake_pending and self._client is not None:
            self._wake_pending = True
            try:
                self._client.wake(self)
            except BaseException:  # not woken (even by a stop landing here): the next emit tries again
                self._wake_pending = False
                raise

    def flush(self) -> None:
        """Send what is queued as one frame (deltas batched per flush)."""
        with self._lock:
            items, self._outbox = self._outbox, []
            self._outbox_tail = None
            self._wake_pending = False
            client = self._client
        if not items or client is None:
            return
        parts: list[str] = []
        ops: list[str] = []
        for is_op, encoded in items:
            if is_op:
                ops.append(encoded)
                continue
            if ops:
                parts.append('{"t":"delta","ops":[' + ",".join(ops) + "]}")
                ops = []
            parts.append(encoded)
        if ops:
            parts.append('{"t":"delta","ops":[' + ",".join(ops) + "]}")
        client.deliver("[" + ",".join(parts) + "]")

    # -- messages from the browser ---------------------------------------------------

    def handle_message(self, message: Any) -> None:
        """Act on one decoded client message; raise ``BadMessage`` to reject it."""
        if not isinstance(message, dict) or not isinstance(message.get("t"), str):
            raise BadMessage("a message must be an object with a string 't'")
        kind = message["t"]
        refused = self.refused
        if kind == "widget":
            self._widget_message(message)
        elif kind == "rerun":
            self.request_rerun(RerunRequest())
        elif kind == "stop":
            self.stop()
        elif kind == "navigate":
            pages.navigate(self, message)
        else:
            handler = self.services.client_events.get(kind)
            if handler is None:
                raise BadMessage(f"unknown message type {kind!r}")
            handler(self, message)
        if self.refused != refused:
            raise Busy(f"{kind}: {len(self.pending)} requests already wait; refused")

    def _widget_message(self, message: dict[str, Any]) -> None:
        wid = message.get("id")
        widget = self.widgets.get(wid) if isinstance(wid, str) else None
        if widget is None:
            raise BadMessage(f"unknown widget id {_short(wid)}")
        if widget.disabled:
            raise BadMessage(f"{widget.type} {widget.key or wid!r} is disabled")
        if "value" not in message:
            raise BadMessage(f"widget {widget.type} {wid!r}: no value")
        value = self.parse_widget_value(widget, message["value"])
        self._browser_shows(widget, message["value"])
        handled = self.services.hooks.appcore_resolve_widget_event(session=self, widget=widget, value=value)
        if handled:
            return
        if widget.rerun_on_change:
            if not self.request_rerun(self.request_for(widget, value)):
                self._browser_shows(widget, _UNKNOWN)  # refused: the next run shows the server's value
        else:
            with self._lock:
                self.held_values[widget.id] = value

    def _browser_shows(self, widget: Widget, raw: Any) -> None:
        """The browser now shows what the person entered: remember it, so that a
        run which sets the value back (a callback clearing a field) sends it."""
        if widget.trigger:
            return
        with self._lock:
            shown = self.shown.get(widget.path)
            if shown is None:
                return
            if len(shown) == 3:
                self.shown[widget.path] = (shown[0], shown[1], b"" if raw is _UNKNOWN else orjson.dumps(
                    raw, default=_json_default, option=orjson.OPT_NON_STR_KEYS))
            else:
                self.shown[widget.path] = (shown[0], b"")  # matches nothing: the next run sends it again

    def parse_widget_value(self, widget: Widget, raw: Any) -> Any:
        try:
            return widget.parse(raw)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
            raise BadMessage(f"{widget.type} {widget.key or widget.id!r} refused {_short(raw)}: {error}") from None

    def request_for(self, widget: Widget, value: Any) -> RerunRequest:
        """The rerun a new widget value asks for: scoped to the widget's partial, if any."""
        request = RerunRequest(partial=widget.scope.get(PARTIAL))
        if widget.trigger:
            if value is not None and value is not False:
                request.triggers.add(widget.id)
                if value is not True:  # a trigger with a payload (a chat input's text)
                    request.trigger_values[widget.id] = value
        else:
            request.values[widget.id] = value
        return request

    # -- runs ------------------------------------------------------------------------

    def request_rerun(self, request: RerunRequest, front: bool = False) -> bool:
        """Queue a run through the session's one bounded queue; False if refused.

        Every request goes through here, the core's and every plugin's. The merge
        rule is ``_merge``'s: a request merges into the newest waiting one when one
        run does both, and a *refresh* (nothing but a scope: a timer's tick, a
        rerun) into any waiting request whose run covers its scope. What does not
        merge waits behind, up to ``MAX_PENDING``; past that it is refused, counted
        in ``refused``, and the tab is told ``{"t": "busy"}`` (once per run).
        ``front``: the run in flight asked for it (``st.rerun``): it goes first and
        is never refused (it replaces that run).
        """
        with self._lock:
            if self.closed:
                return False
            if front:
                self.pending.insert(0, request)
            elif not self._merge_locked(request):
                if len(self.pending) >= MAX_PENDING:
                    self.refused += 1
                    tell = not self._busy_told
                    self._busy_told = True
                    if tell:
                        self._outbox.append((False, _encode({"t": "busy", "pending": len(self.pending)})))
                        self._outbox_tail = None
                        self._wake_locked()
                    return False
                self.pending.append(request)
            self._ensure_runner()
            return True

    def _merge_locked(self, request: RerunRequest) -> bool:
        pending = self.pending
        if not pending:
            return False
        if _merge(pending[-1], request):
            return True
        if _is_refresh(request):
            for waiting in reversed(pending):
                if waiting.partial is None or waiting.partial == request.partial:
                    waiting.auto = waiting.auto and request.auto
                    return True
        return False

    def hold_values(self, values: dict[str, Any]) -> None:
        """Put back values a run did not use (a skipped tick): whatever runs next gets them,
        under any newer ones held since."""
        with self._lock:
            self.held_values = {**values, **self.held_values}

    def _ensure_runner(self) -> None:
        if self._runner is None:
            self._runner = threading.Thread(target=self._run_loop, name=f"appcore-run-{self.id[:8]}", daemon=True)
            self._runner.start()

    def _run_loop(self) -> None:
        while True:
            with self._lock:
                if not self.pending or self.closed:
                    self._runner = None
                    self._current = None
                    return
                request = self.pending.pop(0)
                self._busy_told = False
                if self.held_values:
                    request.values = {**self.held_values, **request.values}
                    self.held_values = {}
                self.runs_started += 1
                run = Run(self, request, self.runs_started)
                self._current = run
            try:
                run.execute()
            except BaseException:
                log.exception("session %s: run %d failed inside appcore", self.id, run.number)
            # What a page draws rarely changes from run to run: it is noted on a session's first
            # run and when its page changes, not on every click.
            page = self.page.current
            if run.number == 1 or page is not self._noted_page:
                self._noted_page = page
                with self._lock:
                    drawn = {record[0] for record in self.shown.values()}
                self.services.drawn.add(drawn)

    def is_current(self, run: Run) -> bool:
        return self._current is run

    @property
    def running(self) -> bool:
        return self._runner is not None

    def wait_idle(self, timeout: float) -> bool:
        """Block until no run is pending or running (AppTest, shutdown)."""
        runner = self._runner
        while runner is not None:
            runner.join(timeout)
            if runner.is_alive():
                return False
            runner = self._runner
        return True

    def drop_stale_widgets(self, run: Run, scope: tuple) -> None:
        """After a complete run, forget widgets it did not draw inside ``scope``."""
        n = len(scope)
        shown = self.page.current.url_path if self.page.current is not None else ""
        for wid, widget in list(self.widgets.items()):
            if wid in run.widget_ids or widget.path[:n] != scope:
                continue
            if widget.persist_state == "session" or (widget.persist_state == "page" and widget.page in (shown, "")):
                continue  # its value waits for the widget to come back
            del self.widgets[wid]
            if self._uploads is not None:
                self._uploads.release_widget(wid)
            # Streamlit's idiom `st.session_state.k = st.session_state.k` keeps the value, and
            # so does a widget of this run with the same key (on another page).
            if widget.key not in self.state.user_set_keys and widget.key not in run.widget_keys:
                self.state.values.pop(widget.state_key, None)
        if not scope:
            self.state.left_keys = frozenset()

    def save(self) -> list[str]:
        """Hand the session's state to the store (after a complete run; a plugin may call it
        between runs, as forms do for a typed value). Returns the keys it could not save."""
        store = self.services.store
        if getattr(store, "keeps_nothing", False):
            return []  # the default store keeps nothing: build nothing for it
        lost = store.save(self.id, self.snapshot())
        if lost:
            log.warning("session %s: could not save %s (not picklable); a resumed tab will not have them",
                        self.id, ", ".join(sorted(lost)))
        return list(lost or ())

    def snapshot(self) -> dict[str, Any]:
        """What a session store saves: ``session_state`` (widget values included), and under
        internal keys the page, its query parameters and the plugins' saved stash keys."""
        values = dict(self.state.values)
        page = self.page
        current = page.current
        values[SAVED_PAGE] = {
            "url_path": page.requested if current is None else ("" if current.default else current.url_path),
            "query": {k: list(v) for k, v in page.query.items()},
            "bound_query": {k: list(v) for k, v in page.bound_query.items()},
        }
        for name, value in self.stash.saved().items():
            values[SAVED_STASH + name] = value
        return values

    def restore(self, saved: dict[str, Any]) -> None:
        """Take back what ``snapshot`` saved in another process. The tab's hello comes after
        and wins: its URL names the page and the query it shows."""
        saved = dict(saved)
        page = saved.pop(SAVED_PAGE, None)
        if isinstance(page, dict):
            self.page.requested = str(page.get("url_path") or "")
            self.page.query = dict(page.get("query") or {})
            self.page.bound_query = dict(page.get("bound_query") or {})
        self.stash.carry({key[len(SAVED_STASH):]: saved.pop(key) for key in
                          [k for k in saved if k.startswith(SAVED_STASH)]})
        self.state.values.update(saved)

    def stop(self, reason: str = STOPPED_BY_PAGE) -> bool:
        """Stop the run in flight (the page's Stop control): see ``Run.request_stop``.

        The clicks waiting behind it are dropped with it (the person asked the app to
        stop); the values waiting are kept for the next run. Returns whether a run
        was running."""
        with self._lock:
            run = self._current if self._runner is not None else None
            if run is None:
                return False
            dropped: dict[str, Any] = {}
            for request in self.pending:
                dropped.update(request.values)
            self.pending.clear()
            self.held_values = {**self.held_values, **dropped}
        return run.request_stop(reason)

    def close(self) -> None:
        """The session ended: nothing more runs, and the run in flight is stopped."""
        with self._lock:
            self.closed = True
            self.pending.clear()
            self._client = None
            run = self._current if self._runner is not None else None
        if self._uploads is not None:
            self._uploads.clear()
        if self._media is not None:
            self._media.clear()
        if run is not None:
            run.request_stop(STOPPED_BY_SESSION)


_UNKNOWN = object()  # what the browser shows is not known (a value that was refused)


def _merge(into: RerunRequest, new: RerunRequest) -> bool:
    """The one merge rule: fold ``new`` into the waiting request ``into`` when the run
    ``into`` makes does what ``new`` asks; return whether it did.

    - Scopes: the same partial, or a whole-script run (which covers every partial);
      two different partials stay two runs.
    - Clicks: a request that carries a click never merges into one that carries a
      click: each click gets its own run. The one exception is a request that says it
      is ``idempotent`` (a form's submit): an exact repeat of the waiting one, the same
      clicks with no value that differs, merges into it.
    - Values merge into the waiting request (the newer value wins), clicks or not.
    - Plugin callbacks (a dialog's on_dismiss) never merge with other callbacks.
    - Plugin events (RerunRequest.events) are all kept, in order.
    """
    if into.callbacks and new.callbacks:
        return False
    if into.partial != new.partial and into.partial is not None and new.partial is not None:
        return False
    if into.triggers and new.triggers:
        repeat = (new.idempotent and new.triggers == into.triggers and not new.callbacks
                  and into.partial == new.partial
                  and all(k in into.values and _same(into.values[k], v) for k, v in new.values.items()))
        if not repeat:
            return False
    elif new.triggers:
        into.idempotent = new.idempotent  # the merged request's click is new's
    if into.partial != new.partial:
        into.partial = None  # a whole-script run covers every fragment
        into.explicit = into.explicit or new.explicit
    into.values.update(new.values)
    into.triggers |= new.triggers
    into.trigger_values.update(new.trigger_values)
    into.auto = into.auto and new.auto
    into.callbacks += new.callbacks
    into.events += new.events
    return True


def _is_refresh(request: RerunRequest) -> bool:
    """Nothing but a scope to run again (a timer's tick, a rerun): any waiting run of
    that scope, or of the whole script, does it."""
    return not (request.values or request.triggers or request.callbacks or request.events)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return a is b

