"""One run: the script (or one partial, e.g. a fragment) executed on a worker thread."""
from __future__ import annotations

import ctypes
import functools
import linecache
import logging
import os
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import pages
from .context import set_current_run, _current_run
from .elements import EXCEPTION_TYPE, Container, main, markdown_html
from .magic import MAGIC_NAME, magic_write
from .recording import ACTIVE_RECORDINGS
from .services import Stash
from .errors import AppcoreAPIError, CancelRequested, MarkdownFormattedException, RerunRequested, RunInterrupted, \
    ScriptControl, StopRequested

if TYPE_CHECKING:
    from .session import Session
    from .widgets import Widget

log = logging.getLogger("appcore.run")

PROCESS_MAIN = sys.modules.get("__main__")

# Scope key naming the innermost partial (fragment, dialog) an element sits in.
PARTIAL = "partial"

# A run stopped from outside that has not ended after this long is reported as unstoppable
# (it is inside a call that does not return to Python); the stop stays on its way.
STOP_GRACE_SECONDS = 2.0
# The first asynchronous stop comes this long after the request, so that a script making
# st calls stops at one of them, between two of its own statements.
_FIRST_INJECTION = 0.05
_LAST_INJECTION_INTERVAL = 1.0

# appcore's own code: an asynchronous stop is never thrown into it (the next st call's
# checkpoint stops the run there), only into the script's code or what it calls.
_APPCORE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = [ctypes.c_ulong, ctypes.py_object]
_set_async_exc.restype = ctypes.c_int

# Why a run was stopped from outside, as the idle message says it (``stopped_by``).
STOPPED_BY_PAGE, STOPPED_BY_SESSION, STOPPED_BY_TIMEOUT = "page", "session", "timeout"

# Parallel partials drawing at once in one run: Python's ThreadPoolExecutor default, as with
# Streamlit's ``runner.parallelMaxWorkers`` unset.
PARALLEL_MAX_WORKERS = min(32, (os.cpu_count() or 1) + 4)

OUTSIDE_PARALLEL = ("Writing to a container created outside a parallel fragment, including `st.sidebar` and "
                    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
                    "To fix this, move the element inside the fragment body.")


def check_not_parallel(api_name: str) -> None:
    """Refuse ``api_name`` (``"@st.dialog"``) on a parallel partial's first run, on its worker
    thread, with Streamlit's message; its later reruns are sequential and may call it."""
    from .context import maybe_current_run
    run = maybe_current_run()
    if run is not None and run.parallel:
        raise _parallel_unsafe(api_name)


def _parallel_unsafe(api_name: str) -> AppcoreAPIError:
    return AppcoreAPIError(
        f"`{api_name}` cannot be called from a parallel fragment during the initial page load, because "
        f"parallel fragments run concurrently on separate threads where `{api_name}` is not safe.\n\n"
        "To fix this, gate the call behind a widget interaction (e.g., `if st.button(...):`) so it runs "
        "during a sequential fragment rerun instead.")


@dataclass
class RerunRequest:
    """What the next run should do. Requests that arrive while a run is in
    flight coalesce (``Session.request_rerun``)."""

    partial: str | None = None          # a partial's id; None reruns the whole script
    values: dict[str, Any] = field(default_factory=dict)
    triggers: set[str] = field(default_factory=set)
    # What a trigger carries besides being pressed (a chat input's text), by widget id;
    # a trigger not listed here is True in its run (a button's click).
    trigger_values: dict[str, Any] = field(default_factory=dict)
    explicit: bool = False              # st.rerun(scope="fragment"): may preempt a full run
    auto: bool = False                  # a timer's tick: a partial that is gone is ignored
    # A repeat of this request while it waits changes nothing (a form submitted again with
    # the same values): the repeat merges into it instead of getting a run of its own.
    idempotent: bool = False
    # Plugin callbacks to call before the script, like on_change (a dialog's on_dismiss).
    callbacks: list[Callable[[], Any]] = field(default_factory=list)
    # What plugins hand the run that serves this request, in arrival order (a component's
    # setTriggerValue): that run's ``events``, never another's.
    events: list[Any] = field(default_factory=list)


@dataclass
class Partial:
    """A part of the page that reruns alone: its body and where it draws.

    ``cursors`` and ``stack`` are snapshots taken where the script called it,
    so a rerun of the part alone draws into the same places.
    """

    id: str
    body: Callable[[], Any]
    cursors: dict[tuple, int]
    stack: list[Container]
    path: tuple = ()
    page: str = ""  # the page whose code drew it: its widgets keep their ids when it reruns alone
    key: str | None = None      # a name st.rerun("<key>") reruns it by; call sites may share one
    parallel: bool = False      # drawn on a worker thread during full runs; never writes outside itself


class CompileError(Exception):
    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


class Run:
    __slots__ = (
        "session", "request", "number", "partial", "stack", "cursors", "produced",
        "widget_ids", "widget_keys", "triggers", "trigger_values", "events", "status", "error_target", "partials_called",
        "active_partials", "stash", "in_callbacks", "appending", "keep_page", "stop_reason", "scripts", "page", "_thread_id",
        "_in_script", "_stop_lock", "_ended", "_timer", "parent", "parallel", "fence", "_workers",
        "_workers_lock", "_slots", "_signal", "__weakref__",
    )

    def __init__(self, session: Session, request: RerunRequest, number: int):
        self.session = session
        self.request = request
        self.number = number
        self.partial: Partial | None = None
        self.stack: list[Container] = [main]
        self.cursors: dict[tuple, int] = {}
        self.produced: set[tuple] = set()
        self.widget_ids: dict[str, Widget] = {}
        self.widget_keys: dict[str, Widget] = {}
        self.triggers: set[str] = set()
        self.trigger_values: dict[str, Any] = {}  # what this run's triggers carry (RerunRequest)
        self.events: tuple[Any, ...] = ()  # what plugins handed this run (RerunRequest.events)
        self.status = "running"
        self.error_target: tuple[BaseException, Container] | None = None
        self.partials_called: set[str] = set()
        self.active_partials: list[str] = []
        # Per-run data of plugins, each under its own StashKey.
        self.stash = Stash()
        self.in_callbacks = False
        self.appending: set[tuple] = set()  # containers outside a running partial
        self.keep_page = False  # a callback failed before the script: prune nothing
        # Stopping from outside (request_stop): why, and what the stopper thread needs.
        self.stop_reason: str | None = None
        self.scripts: set[str] = {session.script_path}  # the files this run executes (the main script, a page)
        self.page = ""  # the url_path of the page whose code runs now ("": the main script's own code)
        self._thread_id = 0
        self._in_script = False            # the script thread runs user code: a stop may be thrown in
        self._stop_lock = threading.Lock()
        self._ended = threading.Event()
        self._timer: threading.Timer | None = None
        # Parallel partials: a worker's run has the run that started it as ``parent`` (and
        # ``parallel`` True); ``fence`` is the container a parallel partial may not draw outside.
        self.parent: Run | None = None
        self.parallel = False
        self.fence: tuple | None = None
        self._workers: list[Run] = []         # the worker runs still going (on the parent)
        self._workers_lock = threading.Condition()
        self._slots: threading.BoundedSemaphore | None = None  # caps the workers drawing at once
        self._signal: ScriptControl | None = None  # a worker's st.rerun()/st.stop() for the whole run

    # -- placing elements ----------------------------------------------------------

    @property
    def hooks(self) -> Any:
        """The App's hook relay: ``run.hooks.appcore_<hook>(...)``."""
        return self.session.services.hooks

    def target(self) -> Container:
        return self.stack[-1]

    def place(self, target: Container, accumulate: bool = True, take: bool = True) -> tuple:
        """The path the next element drawn into ``target`` takes; ``take=False`` only
        looks (a transient shown there, such as st.spinner, takes no place)."""
        fence = self.fence
        if fence is not None and accumulate and target.path[:len(fence)] != fence:
            raise AppcoreAPIError(OUTSIDE_PARALLEL)
        if target.slot:
            return target.path
        if accumulate and self.partial is not None and self.active_partials and target.path not in self.appending:
            # A fragment writing outside its own container appends there, as in
            # Streamlit: such elements accumulate until the next full run.
            if not self._inside_active_partial(target.path):
                self.appending.add(target.path)
                self.cursors[target.path] = self.session.child_count(target.path)
        index = self.cursors.get(target.path, 0)
        if take:
            self.cursors[target.path] = index + 1
        return (*target.path, index)

    def _inside_active_partial(self, path: tuple) -> bool:
        """Whether ``path`` lies in the container of a partial being drawn (the running
        fragment, or a dialog that fragment opened)."""
        partials = self.session.partials
        for partial_id in self.active_partials:
            partial = partials.get(partial_id)
            if partial is not None and path[:len(partial.path)] == partial.path:
                return True
        return False

    def emit(self, path: tuple, type: str, props: dict[str, Any], widget_id: str | None,
             key: str | None) -> None:
        self.produced.add(path)
        store = self.session.media_if_any
        if store is not None:
            store.drawn(path, props)
        recordings = ACTIVE_RECORDINGS.get()  # record_elements() blocks of this context
        if recordings:
            media = store.copies_at(path) if store is not None else ()
            for recording in recordings:
                recording.note(path, type, props, widget_id, key, media)
        self.session.emit(path, type, props, widget_id, key)

    def trigger_value(self, widget_id: str) -> Any:
        """What a trigger pressed in this run carries: its value (a chat input's text), else True."""
        return self.trigger_values.get(widget_id, True)

    def checkpoint(self) -> None:
        """Every st.* call passes here: stop if asked to, yield to a newer rerun request."""
        session = self.session
        if self.stop_reason is not None or session.closed:
            raise CancelRequested()
        parent = self.parent
        if parent is not None:  # a parallel partial's worker: it ends with its run
            if parent.stop_reason is not None or parent._signal is not None:
                raise CancelRequested()
            if session.pending and parent._yields_to(session.pending[0]) and session.is_current(parent):
                parent._signal_once(RunInterrupted())
                raise CancelRequested()
            return
        if self._signal is not None and threading.get_ident() == self._thread_id:
            raise self._signal  # a parallel partial asked for a rerun or a stop of the whole run
        if session.pending and self._yields_to(session.pending[0]) and session.is_current(self):
            raise RunInterrupted()

    def _yields_to(self, request: RerunRequest) -> bool:
        if self.triggers or self.events or self.in_callbacks:
            return False  # a click (or a plugin's event) being handled is never dropped
        if request.partial is not None and not request.explicit:
            return False  # fragment requests (clicks, ticks) wait for the run in flight to end
        return True

    # -- stopping from outside (the page's Stop, the session's end, a time limit) --------

    def request_stop(self, reason: str) -> bool:
        """Stop this run from any thread: at its next st call, or, when it makes none,
        by an exception thrown into its thread (``CancelRequested``, which lands at the
        next bytecode the script runs). Returns False if it had ended or was stopping."""
        with self._stop_lock:
            if self.stop_reason is not None or self._ended.is_set():
                return False
            self.stop_reason = reason
        with self._workers_lock:
            workers = list(self._workers)
        for worker in workers:  # its parallel partials stop with it
            worker.request_stop(reason)
        log.info("session %s: stopping run %d (%s)", self.session.id, self.number, reason)
        threading.Thread(target=self._stop_from_outside, name=f"appcore-stop-{self.session.id[:8]}",
                         daemon=True).start()
        return True

    def _stop_from_outside(self) -> None:
        """The stopper thread: throw the stop in until the run ends (user code may catch it,
        or sit in a C call), and say so if it has not ended after the grace period."""
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        interval = _FIRST_INJECTION
        reported = False
        while not self._ended.wait(interval):
            self._throw_stop()
            if not reported and time.monotonic() >= deadline:
                reported = True
                self._report_unstoppable()
            interval = min(interval * 2, _LAST_INJECTION_INTERVAL)
        if reported:
            log.warning("session %s: run %d ended at last (%s)", self.session.id, self.number, self.status)

    def _throw_stop(self) -> None:
        with self._stop_lock:
            if not self._in_script:
                return
            frame = sys._current_frames().get(self._thread_id)
            if frame is None or self._in_framework_code(frame):
                return  # inside an st call (or a plugin's code): its next checkpoint stops the run
            _set_async_exc(self._thread_id, CancelRequested)

    def _in_framework_code(self, frame: Any) -> bool:
        """Whether the innermost frames, up to the first of the script's, include appcore's or a
        plugin's: an exception dropped there (even into the stdlib they call) could leave the
        session half-updated."""
        scripts = self.scripts
        while frame is not None:
            if frame.f_code.co_filename in scripts:
                return False
            module = frame.f_globals.get("__name__", "")
            if module == "appcore" or module.startswith(("appcore.", "appcore_")):
                return True
            frame = frame.f_back
        return True  # no frame of the script: appcore's own work before or after it

    def _where(self) -> str:
        """Where the script thread is, for a person: the script's line, and the innermost
        Python frame when that is elsewhere (``app.py, line 3: wait(); in threading.py, line 331``)."""
        frame = sys._current_frames().get(self._thread_id)
        inner = None
        while frame is not None:
            name = frame.f_code.co_filename
            if not name.startswith(_APPCORE_DIR):
                if name in self.scripts:
                    break
                inner = inner or frame
            frame = frame.f_back
        frame = frame or inner
        if frame is None:
            return "inside appcore"
        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
        where = f"{os.path.basename(frame.f_code.co_filename)}, line {frame.f_lineno}" + (f": {line}" if line else "")
        if inner is not None and inner is not frame:
            where += f"; in {os.path.basename(inner.f_code.co_filename)}, line {inner.f_lineno}"
        return where

    def _report_unstoppable(self) -> None:
        where = self._where()
        message = (f"The run could not be stopped within {STOP_GRACE_SECONDS:g} s: it is inside a call that does "
                   f"not return to Python ({where}). It stops as soon as that call returns; until then this "
                   "tab's next runs wait.")
        log.warning("session %s: run %d could not be stopped (%s): it is inside a call that does not return "
                    "to Python at %s", self.session.id, self.number, self.stop_reason, where)
        self.session.queue_message({"t": "error", "kind": "stop", "type": "RunNotStopped", "message": message,
                                    "run": self.number, "traceback": []})

    def _enter_script(self) -> None:
        self._thread_id = threading.get_ident()
        with self._stop_lock:
            self._in_script = True

    def _leave_script(self) -> None:
        # A stop thrown in just as the script returned lands here, in appcore's code: catch
        # it, and cancel one still on its way, so nothing after the script is cut short.
        while True:
            try:
                with self._stop_lock:
                    self._in_script = False
                    if self.stop_reason is not None:
                        _set_async_exc(self._thread_id, ctypes.py_object())  # NULL: clears it
                return
            except CancelRequested:
                continue

    def _time_limit(self) -> None:
        self.request_stop(STOPPED_BY_TIMEOUT)

    # -- partial reruns (fragments, dialogs) ---------------------------------------

    def add_partial(self, partial_id: str, body: Callable[[], Any], key: str | None = None,
                    parallel: bool = False) -> Partial:
        """Register a part that can rerun alone, snapshotting where it draws."""
        partial = Partial(partial_id, body, dict(self.cursors), list(self.stack), page=self.page, key=key, parallel=parallel)
        self.session.partials[partial_id] = partial
        self.partials_called.add(partial_id)
        return partial

    @contextmanager
    def in_partial(self, partial: Partial, container: Container) -> Iterator[Container]:
        partial.path = container.path
        self.active_partials.append(partial.id)
        self.stack.append(container)
        fence = self.fence
        if partial.parallel and fence is None:
            self.fence = container.path
        elif fence is not None and container.path[:len(fence)] != fence:
            self.fence = None  # a dialog it opens (on a rerun) draws on a root of its own
        try:
            yield container
        except BaseException as error:
            if not isinstance(error, ScriptControl):
                self.set_error_target(error, container)  # shown inside the fragment, as Streamlit does
            raise
        finally:
            self.fence = fence
            self.stack.pop()
            self.active_partials.pop()

    # -- parallel partials: drawn on worker threads while the script goes on -------------

    def run_parallel(self, partial: Partial, container: Container, work: Callable[[], Any]) -> None:
        """Run ``work`` (which draws ``partial`` into ``container``, already drawn) on a worker
        thread of this run's pool. The run ends when its script and every worker have ended;
        stopping the run stops its workers."""
        top = self.parent or self
        worker = Run(self.session, self.request, self.number)
        for shared in ("produced", "widget_ids", "widget_keys", "triggers", "events", "partials_called", "stash"):
            setattr(worker, shared, getattr(top, shared))
        worker.parent, worker.parallel = top, True
        worker.stack = list(self.stack)
        partial.path = container.path
        with top._workers_lock:
            if top.stop_reason is not None or top._signal is not None:
                return  # the run is ending: nothing new starts
            if top._slots is None:
                top._slots = threading.BoundedSemaphore(PARALLEL_MAX_WORKERS)
            top._workers.append(worker)
        # Daemon threads, as the script's own: a worker stuck in a C call never holds up exit.
        threading.Thread(target=worker._work, args=(work,), daemon=True,
                         name=f"appcore-parallel-{self.session.id[:8]}").start()

    def _work(self, work: Callable[[], Any]) -> None:
        """A worker thread's whole life: ``work``, its errors shown in its container, its
        st.rerun()/st.stop() handed to the whole run."""
        parent = self.parent
        assert parent is not None
        token = set_current_run(self)
        slots = parent._slots
        assert slots is not None
        try:
            with slots:
                self._enter_script()
                try:
                    self.checkpoint()  # the run may have ended while this worker waited for a slot
                    work()
                except CancelRequested:
                    pass  # the run is ending
                except RerunRequested as rerun:
                    parent._signal_once(rerun)
                except StopRequested:
                    parent._signal_once(StopRequested())
                except ScriptControl:
                    pass
                except BaseException as error:
                    self._show_exception(error)
                finally:
                    self._leave_script()
        except BaseException:  # a stop landing in appcore's own code on its way out
            pass
        finally:
            self._ended.set()
            _current_run.reset(token)
            with parent._workers_lock:
                parent._workers.remove(self)
                parent._workers_lock.notify_all()

    def _signal_once(self, signal: ScriptControl) -> None:
        """A worker ends the whole run (st.rerun(), st.stop(), a newer request): the first wins."""
        with self._workers_lock:
            if self._signal is None:
                self._signal = signal
            self._workers_lock.notify_all()

    def _join_workers(self) -> None:
        """Wait for every parallel partial to end; then act on what one asked of the run."""
        if self._slots is None:
            return
        with self._workers_lock:
            while self._workers:
                self._workers_lock.wait()
        if self.stop_reason is not None:
            raise CancelRequested()
        if self._signal is not None:
            raise self._signal

    def _end_workers(self) -> None:
        """The run ended early: its workers stop at their next st call; wait for them."""
        if self._slots is None:
            return
        with self._workers_lock:
            if not self._workers:
                return
            if self._signal is None:
                self._signal = CancelRequested()
            while self._workers:
                self._workers_lock.wait()

    def set_error_target(self, error: BaseException, container: Container) -> None:
        """Remember the innermost container an exception left, to draw it there."""
        if self.error_target is None or self.error_target[0] is not error:
            self.error_target = (error, container)

    # -- executing -------------------------------------------------------------------

    def execute(self) -> None:
        session = self.session
        token = set_current_run(self)
        try:
            session.queue_message({"t": "run", "state": "running", "run": self.number,
                                   "partial": self.request.partial})
            session.services.hooks.appcore_run_started(run=self)
            limit = session.services.max_run_seconds
            if limit:
                self._timer = threading.Timer(limit, self._time_limit)
                self._timer.daemon = True
                self._timer.start()
            self._enter_script()
            try:
                self.status = self._execute()
            except CancelRequested:  # thrown in as the script returned
                self.status = "cancelled"
            finally:
                self._leave_script()
        finally:
            try:
                self._end_workers()
                if self._timer is not None:
                    self._timer.cancel()
                self._finish()
            finally:
                self._ended.set()
                _current_run.reset(token)

    def _execute(self) -> str:
        request = self.request
        try:
            if request.partial is not None:
                partial = self.session.partials.get(request.partial)
                if partial is None:
                    if request.auto:
                        # A timer's fragment is gone: nothing to run, nothing to prune;
                        # values held for the next run wait for the one after.
                        self.session.hold_values(request.values)
                        return "skipped"
                    log.info("session %s: partial %s is gone; running the whole script",
                             self.session.id, request.partial)
                    request.partial = None
                else:
                    self.partial = partial
            if not self._run_callbacks():
                return "error"
            if self.partial is not None:
                self.cursors = dict(self.partial.cursors)
                self.stack = list(self.partial.stack)
                self.page = self.partial.page
                self.partial.body()
            else:
                self._exec_script()
                self._join_workers()
            return "complete"
        except RunInterrupted:
            return "interrupted"
        except CancelRequested:
            return "cancelled"
        except RerunRequested as rerun:
            if self.stop_reason is not None:
                return "cancelled"  # stopped from outside: no rerun
            scope = rerun.scope
            partial_id = None
            if scope == "fragment" and self.partial is not None:
                partial_id = self.active_partials[-1] if self.active_partials else self.partial.id
            self.session.request_rerun(RerunRequest(partial=partial_id, explicit=True), front=True)
            return "rerun"
        except StopRequested:
            return "stopped"
        except CompileError as error:
            self.session.queue_message(_error_message(error.error, compile=True))
            return "compile_error"
        except ScriptControl:
            return "interrupted"
        except SystemExit:
            return "stopped"
        except BaseException as error:  # user code failed: show it where it happened
            self._show_exception(error)
            return "error"

    def _exec_script(self) -> None:
        # The main script, or the page a static source (pages/, pages.toml) names for the tab's URL.
        pages.execute(self, self.session.services.pages())

    def exec_file(self, path: str) -> None:
        """Run a script file as ``__main__`` in this run (the main script, or a page's file)."""
        code = self.session.services.compile(path)
        module = types.ModuleType("__main__")
        module.__file__ = path
        module.__dict__["__builtins__"] = __builtins__
        module.__dict__[MAGIC_NAME] = magic_write
        # As Streamlit: the script is __main__ while it runs (pickle finds its classes);
        # afterwards the process's own __main__ is back (or the main script, after a page it ran).
        before = sys.modules.get("__main__")
        restore = before if getattr(before, "__file__", None) in self.scripts else PROCESS_MAIN
        self.scripts.add(path)
        sys.modules["__main__"] = module
        try:
            exec(code, module.__dict__)
        finally:
            if sys.modules.get("__main__") is module:
                sys.modules["__main__"] = restore

    def _run_callbacks(self) -> bool:
        """Store the browser's values, then call on_change/on_click of what changed."""
        request, session = self.request, self.session
        state = session.state
        changed: list[Widget] = []
        for wid, value in request.values.items():
            widget = session.widgets.get(wid)
            if widget is None:
                continue
            old = state.values.get(widget.state_key, widget.default)
            state.values[widget.state_key] = value
            if widget.on_change is not None and not _same(old, value):
                changed.append(widget)
        self.triggers = {wid for wid in request.triggers if wid in session.widgets}
        self.trigger_values = {wid: request.trigger_values[wid] for wid in self.triggers
                               if wid in request.trigger_values}
        self.events = tuple(request.events)
        for wid in self.triggers:
            widget = session.widgets[wid]
            if widget.key is not None:
                state.values[widget.key] = self.trigger_value(wid)
            if widget.on_change is not None:
                changed.append(widget)
        if not changed and not request.callbacks:
            return True
        self.in_callbacks = True
        targets: list[str] = []       # partials named by st.rerun("<key>") / st.rerun(scope="fragment")
        default = False               # a callback that returned, or called plain st.rerun()
        whole_app = False             # plain st.rerun(): the whole script, whatever the interaction
        calls = [functools.partial(w.on_change, *w.args, **w.kwargs) for w in changed] + list(request.callbacks)
        try:
            for call in calls:
                try:
                    call()
                except RerunRequested as rerun:
                    if rerun.targets:
                        targets += [t for t in rerun.targets if t not in targets]
                    else:
                        default = whole_app = True
                else:
                    default = True
        except ScriptControl:
            raise
        except BaseException as error:
            # The script did not run: keep the page and add the error at the end of its part.
            self.keep_page = True
            self._show_exception(error, append=True)
            return False
        finally:
            self.in_callbacks = False
        if whole_app or (targets and default and self.partial is None):
            self.partial = None  # escalated to a full run, as Streamlit's callback votes do
            request.partial = None
        elif targets:
            self._rerun_instead(targets)
        return True

    def _rerun_instead(self, targets: list[str]) -> None:
        """Run the named partials instead of what the interaction would rerun: the first in
        this run, each other one in a run of its own straight after."""
        partials = [self.session.partials[t] for t in targets if t in self.session.partials]
        if not partials:
            return
        self.partial = partials[0]
        self.request.partial = partials[0].id
        for later in reversed(partials[1:]):
            self.session.request_rerun(RerunRequest(partial=later.id), front=True)

    def _show_exception(self, error: BaseException, append: bool = False) -> None:
        if append:
            target = Container(self.partial.path if self.partial is not None else ("main",))
            self.cursors[target.path] = self.session.child_count(target.path)
        elif self.error_target is not None and self.error_target[0] is error:
            target = self.error_target[1]
        elif self.partial is not None:
            target = Container(self.partial.path)  # a fragment's errors stay inside it
        else:
            target = self.stack[-1] if self.stack else main
        try:
            path = self.place(target)
            self.emit(path, EXCEPTION_TYPE, exception_props(error), None, None)
        except BaseException:  # never let drawing the error hide it
            log.exception("session %s: could not draw an exception", self.session.id)
        # As Streamlit: the page shows it, and the log has its traceback (the user's frames).
        log.warning("session %s: script raised %s\n%s", self.session.id, _one_line(error),
                    "".join(traceback.format_list(_user_frames(error.__traceback__))).rstrip())

    def _finish(self) -> None:
        session, status = self.session, self.status
        media = session.media_if_any  # None: no element of this session ever held a file
        full = self.partial is None
        if status in ("complete", "stopped", "error") and session.is_current(self) and not self.keep_page:
            scope = () if full else self.partial.path
            session.prune(scope, self.produced)
            if media is not None:
                media.prune(scope, self.produced)
            if status == "complete":
                session.drop_stale_widgets(self, scope)
                if full:
                    for stale in set(session.partials) - self.partials_called:
                        session.partials.pop(stale, None)
                try:
                    session.save()
                except Exception:  # a store that is down must not leave the tab "running"
                    log.exception("session %s: the session store failed to save", session.id)
        for wid in self.triggers:
            widget = session.widgets.get(wid)
            if widget is not None and widget.key is not None:
                session.state.values[widget.key] = widget.default  # False for a button, None for a chat input
        session.state.user_set_keys.clear()
        if media is not None:
            media.run_ended()
        try:
            session.services.hooks.appcore_run_finished(run=self)
        except Exception:
            log.exception("session %s: a run_finished hook failed", session.id)
        idle: dict[str, Any] = {"t": "run", "state": "idle", "run": self.number, "status": status,
                                "partial": self.request.partial}
        if status == "cancelled":
            idle["stopped_by"] = self.stop_reason or STOPPED_BY_SESSION
            if self.stop_reason == STOPPED_BY_TIMEOUT:
                limit = session.services.max_run_seconds
                idle["message"] = (f"This run was stopped after {limit:g} s: the app's limit, [runner] "
                                   "max_run_seconds in .appcore/config.toml.")
                log.warning("session %s: run %d stopped after [runner] max_run_seconds = %g s",
                            session.id, self.number, limit)
        session.queue_message(idle)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return a is b


def _one_line(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _user_frames(tb: Any) -> list[traceback.FrameSummary]:
    frames = traceback.extract_tb(tb)
    # Drop appcore's own frames: users want their code, not ours.
    marker = __file__.rsplit("runtime", 1)[0]
    return [f for f in frames if not f.filename.startswith(marker)] or frames


def exception_props(error: BaseException) -> dict[str, Any]:
    frames = _user_frames(error.__traceback__)
    name, message = type(error).__name__, str(error)
    is_markdown = isinstance(error, MarkdownFormattedException)  # appcore's own errors are markdown
    return {
        "type": name,
        "message": message,
        "is_markdown": is_markdown,
        # As Streamlit draws such a message: "**Type**: message", rendered (None: shown as text).
        "message_html": markdown_html(f"**{name}**: {message}", inline=False) if is_markdown else None,
        "traceback": traceback.format_list(frames),
    }


def _error_message(error: BaseException, compile: bool) -> dict[str, Any]:
    if isinstance(error, SyntaxError):
        detail = traceback.format_exception_only(type(error), error)
        return {"t": "error", "kind": "compile", "type": "SyntaxError",
                "message": f"{error.msg} ({error.filename}, line {error.lineno})",
                "traceback": detail}
    return {"t": "error", "kind": "compile" if compile else "run", "type": type(error).__name__,
            "message": str(error), "traceback": []}
