"""``AppTest``: run an app headless, with Streamlit's AppTest API.

It drives the same ``Session`` code a browser drives, through a fake browser
that keeps the element tree from the deltas, so it behaves as the browser
does: a click inside a fragment reruns only that fragment, a value typed into
a form waits for the submit.
"""
from __future__ import annotations

import inspect
import json
import tempfile
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..app import App
from ..config import Config
from ..hookspecs import hookimpl
from ..runtime.session import BadMessage, Session

__all__ = ["AppTest", "Element", "ElementList"]

ROOT_ORDER = {"main": 0, "sidebar": 1, "dialog": 2}


def _sort_key(path: tuple) -> tuple:
    return (ROOT_ORDER.get(path[0], 9), path[0], *path[1:])


class FakeBrowser:
    """What a browser tab would hold: the element tree, applied from frames."""

    def __init__(self) -> None:
        self.tree: dict[tuple, tuple[str, dict[str, Any], str | None, str | None]] = {}
        self.messages: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []

    def wake(self, session: Session) -> None:
        pass  # AppTest flushes after each run instead

    def deliver(self, frame: str) -> None:
        for message in json.loads(frame):
            self.messages.append(message)
            kind = message["t"]
            if kind == "session":
                self.tree.clear()
            elif kind == "delta":
                for op in message["ops"]:
                    path = tuple(int(p) if p.isdigit() else p for p in op[1].split("."))
                    if op[0] == "e":
                        if len(path) > 2 and path[:-1] not in self.tree:
                            continue  # as runtime.js: no container for it on the page, dropped
                        old = self.tree.get(path)
                        if old is not None and old[0] != op[2]:
                            self._remove(path)
                        self.tree[path] = (op[2], op[3], op[4], op[5])
                    else:
                        self._remove(path)
            elif kind == "error":
                self.errors.append(message)
            elif kind == "run" and message["state"] == "running" and message.get("partial") is None:
                self.errors.clear()

    def typed(self, widget_id: str, value: Any) -> None:
        """The person changed a widget: the page shows the new value before any run."""
        for path, (type, props, wid, key) in self.tree.items():
            if wid == widget_id and "value" in props:
                self.tree[path] = (type, {**props, "value": value}, wid, key)
                return

    def _remove(self, path: tuple) -> None:
        n = len(path)
        for p in [p for p in self.tree if p[:n] == path]:
            del self.tree[p]


class Element:
    """One element of the tree; ``props`` are also readable as attributes."""

    def __init__(self, at: AppTest, path: tuple, type: str, props: dict[str, Any], widget_id: str | None,
                 key: str | None):
        self._at = at
        self.path = path
        self.type = type
        self.props = props
        self.id = widget_id
        self.key = key

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("props", {})
        if name in props:
            return props[name]
        at = self.__dict__.get("_at")
        if at is not None and name in at.app.element_types:
            return self.get(name)  # at.sidebar.selectbox
        raise AttributeError(f"{self.type} has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"{self.type}({self.value!r})" if self.id is None else f"{self.type}(key={self.key!r}, value={self.value!r})"

    # -- values ----------------------------------------------------------------------

    @property
    def _widget(self) -> Any:
        return self._at.session.widgets.get(self.id) if self.id else None

    @property
    def value(self) -> Any:
        widget = self._widget
        if widget is None:
            if self.id is not None:
                return None
            element_type = self._at.app.element_types.get(self.type)
            read = element_type.extra.get("test_value") if element_type is not None else None
            if read is not None:
                return read(self.props)  # the plugin knows its props best (a DataFrame from rows)
            for name in ("body", "value", "message"):
                if name in self.props:
                    return self.props[name]
            return None
        if widget.trigger:
            return widget.id in self._at._observer.triggers
        if widget.id in self._at._unsent:
            return self._at._unsent[widget.id]  # set, not yet run: chained set_value calls build on it
        state = self._at.session.state.values
        return state.get(widget.state_key, widget.default)

    @property
    def index(self) -> Any:
        """The selected option's index (radio, selectbox), as Streamlit's AppTest has it."""
        if "options" not in self.props:
            raise AttributeError(f"{self.type} has no options")
        return self.props.get("value")

    @property
    def message(self) -> Any:
        return self.props.get("message")

    @property
    def stack_trace(self) -> list[str]:
        return self.props.get("traceback", [])

    @property
    def children(self) -> ElementList:
        n = len(self.path)
        return ElementList([e for e in self._at._elements() if len(e.path) == n + 1 and e.path[:n] == self.path])

    def get(self, type: str) -> ElementList:
        n = len(self.path)
        return ElementList([e for e in self._at._elements() if e.type == type and e.path[:n] == self.path
                            and len(e.path) > n])

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    # -- interaction: each queues what the browser would send; .run() sends it ----------

    def set_value(self, value: Any) -> Element:
        widget = self._widget
        if widget is None:
            raise TypeError(f"{self.type} is not a widget")
        self._at._queue({"t": "widget", "id": self.id, "value": widget.to_json(value)})
        self._at._unsent[self.id] = value
        return self

    def click(self) -> Element:
        self._at._queue({"t": "widget", "id": self.id, "value": True})
        return self

    def input(self, value: str) -> Element:
        return self.set_value(value)

    def pick(self, value: str) -> Element:
        return self.set_value(value)

    def check(self) -> Element:
        return self.set_value(True)

    def uncheck(self) -> Element:
        return self.set_value(False)

    def select(self, value: Any) -> Element:
        widget = self._widget
        current = self.value
        if isinstance(current, list) and widget is not None and widget.type == "multiselect":
            return self.set_value([*current, value] if value not in current else current)
        return self.set_value(value)

    def unselect(self, value: Any) -> Element:
        return self.set_value([v for v in self.value if v != value])

    def select_index(self, index: int) -> Element:
        return self.set_value(self.props["options"][index] if "options" in self.props else index)

    def set_range(self, lower: Any, upper: Any) -> Element:
        return self.set_value((lower, upper))

    def increment(self) -> Element:
        return self.set_value(self.value + (self.props.get("step") or 1))

    def decrement(self) -> Element:
        return self.set_value(self.value - (self.props.get("step") or 1))

    def dismiss(self) -> Element:
        """Close a dialog as a person would (Esc, the close button, a click outside)."""
        self._at._browser._remove(self.path)
        self._at._queue({"t": "dialog_dismissed", "id": self.props["id"]})
        return self

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._at.run(timeout=timeout)


class ElementList(Sequence[Element]):
    def __init__(self, elements: list[Element]):
        self._elements = elements

    def __getitem__(self, index: Any) -> Any:
        return self._elements[index]

    def __len__(self) -> int:
        return len(self._elements)

    def __iter__(self) -> Iterator[Element]:
        return iter(self._elements)

    def __call__(self, key: str) -> Element:
        for element in self._elements:
            if element.key == key:
                return element
        raise KeyError(f"no element with key {key!r}")

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._elements]

    def __repr__(self) -> str:
        return f"ElementList({self._elements!r})"


class _LastRun:
    """Which buttons were pressed in the last run that reached its end (a click,
    or Enter in a form): what ``at.button[i].value`` reads."""

    def __init__(self) -> None:
        self.triggers: frozenset[str] = frozenset()

    @hookimpl
    def appcore_run_finished(self, run: Any) -> None:
        if run.status not in ("interrupted", "skipped"):
            self.triggers = frozenset(run.triggers)


class StateView:
    """``at.session_state``: item and attribute access to a session's state."""

    def __init__(self, state: Any):
        object.__setattr__(self, "_state", state)

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __contains__(self, key: object) -> bool:
        return key in self._state

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def __getattr__(self, key: str) -> Any:
        try:
            return self._state[key]
        except KeyError:
            raise AttributeError(f"st.session_state has no key {key!r}") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delattr__(self, key: str) -> None:
        del self._state[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._state.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return repr(self._state)


class AppTest:
    """Streamlit's ``AppTest`` for appcore apps: ``AppTest.from_file("app.py").run()``."""

    def __init__(self, script_path: str | Path, default_timeout: float = 3, *, plugins: Sequence[Any] = (),
                 disable_plugins: Sequence[str] = (), config: Config | None = None):
        self._script_path = Path(script_path).resolve()
        self.default_timeout = default_timeout
        self._plugins = plugins
        self._disable = disable_plugins
        self._config = config
        self._app: App | None = None
        self._session: Session | None = None
        self._browser = FakeBrowser()
        self._outgoing: list[dict[str, Any]] = []
        self._unsent: dict[str, Any] = {}
        self._observer = _LastRun()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    # -- constructors ------------------------------------------------------------------

    @classmethod
    def from_file(cls, script_path: str | Path, default_timeout: float = 3, **options: Any) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute() and not path.exists():
            caller = Path(inspect.stack()[1].filename).parent
            path = caller / path
        return cls(path, default_timeout, **options)

    @classmethod
    def from_string(cls, script: str, default_timeout: float = 3, **options: Any) -> AppTest:
        tmp = tempfile.TemporaryDirectory(prefix="appcore-test-")
        path = Path(tmp.name) / "app.py"
        path.write_text(textwrap.dedent(script), encoding="utf-8")
        at = cls(path, default_timeout, **options)
        at._tmp = tmp
        return at

    @classmethod
    def from_function(cls, script: Callable[..., Any], default_timeout: float = 3, args: Sequence[Any] | None = None,
                      kwargs: dict[str, Any] | None = None, **options: Any) -> AppTest:
        source = textwrap.dedent(inspect.getsource(script))
        call = f"\n{script.__name__}(*{list(args or [])!r}, **{dict(kwargs or {})!r})\n"
        return cls.from_string(source + call, default_timeout, **options)

    # -- the session -------------------------------------------------------------------

    @property
    def app(self) -> App:
        if self._app is None:
            self._app = App(self._script_path, self._config or Config.load(self._script_path.parent, env={}),
                            plugins=[*self._plugins, self._observer], disable_plugins=self._disable)
        return self._app

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = self.app.open_tab(self._browser, {"t": "hello", "path": "/"}, start=False)
        return self._session

    @property
    def session_state(self) -> StateView:
        """The session's state, by item or attribute (``at.session_state.count``)."""
        return StateView(self.session.state)

    def _queue(self, message: dict[str, Any]) -> None:
        self._outgoing.append(message)

    def send(self, message: dict[str, Any]) -> AppTest:
        """Queue any client message (a plugin's event); ``run()`` sends it."""
        self._queue(message)
        return self

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Send what was queued as the browser would (or rerun), and wait for the runs."""
        session = self.session
        outgoing, self._outgoing = self._outgoing, []
        self._unsent = {}
        if not outgoing:
            outgoing = [{"t": "rerun"}]
        for message in outgoing:
            if message.get("t") == "widget":
                self._browser.typed(message["id"], message.get("value"))
            try:
                session.handle_message(message)
            except BadMessage as error:
                raise ValueError(f"the app refused {message}: {error}") from None
            self._wait(timeout)
        return self

    def _wait(self, timeout: float | None) -> None:
        limit = self.default_timeout if timeout is None else timeout
        if not self.session.wait_idle(limit):
            raise RuntimeError(f"AppTest script run timed out after {limit}(s)")
        self.session.flush()

    # -- reading the page --------------------------------------------------------------

    def _elements(self) -> list[Element]:
        tree = self._browser.tree
        return [Element(self, path, *tree[path]) for path in sorted(tree, key=_sort_key)]

    def get(self, type: str) -> ElementList:
        return ElementList([e for e in self._elements() if e.type == type])

    def __getattr__(self, name: str) -> ElementList:
        if name.startswith("_") or name not in self.app.element_types:
            # A misspelt type must fail, not read as an empty list (`assert not at.erorr`).
            raise AttributeError(f"AppTest has no attribute {name!r}: no element type of that name is "
                                 f"registered ({', '.join(sorted(self.app.element_types))})")
        return self.get(name)

    @property
    def main(self) -> Element:
        return Element(self, ("main",), "main", {}, None, None)

    @property
    def sidebar(self) -> Element:
        return Element(self, ("sidebar",), "sidebar", {}, None, None)

    @property
    def exception(self) -> ElementList:
        return self.get("exception")

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Errors shown over the page (a syntax error in the script)."""
        return self._browser.errors

    @property
    def runs(self) -> list[dict[str, Any]]:
        """Every finished run: ``{"run", "status", "partial"}`` (partial is a fragment's id)."""
        return [m for m in self._browser.messages if m["t"] == "run" and m["state"] == "idle"]

    def __repr__(self) -> str:
        return f"AppTest({self._script_path.name}: {self._elements()!r})"
