"""``AppTest``: run an app headless, with Streamlit 1.67's AppTest API.

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
import uuid
import weakref
from urllib.parse import urlencode
from collections.abc import Callable, ItemsView, Iterator, KeysView, Sequence, ValuesView
from pathlib import Path
from typing import Any

from .. import streamlit_alias
from ..app import App
from ..config import Config
from ..hookspecs import hookimpl
from ..runtime.pages import set_query
from ..runtime.session import BadMessage, Session
from .element_tree import (
    COLLECTION_NAMES,
    NODE_CLASSES,
    Block,
    ElementList,
    Node,
    SpecialBlock,
    _BLOCK_TYPES,
    node_class,
    node_type_of,
)

__all__ = ["AppTest", "FakeBrowser"]

# appcore's roots, as Streamlit's special blocks: a dialog opens in "event".
ROOTS = {"main": ("main", 0), "sidebar": ("sidebar", 1), "dialog": ("event", 2), "bottom": ("bottom", 3)}


def _sort_key(path: tuple) -> tuple:
    return (ROOTS.get(path[0], ("", 9))[1], path[0], *path[1:])


class FakeBrowser:
    """What a browser tab would hold: the element tree, applied from frames."""

    def __init__(self) -> None:
        self.tree: dict[tuple, tuple[str, dict[str, Any], str | None, str | None]] = {}
        self.messages: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []
        self.version = 0  # bumped on every change, so AppTest rebuilds its node tree only then

    def wake(self, session: Session) -> None:
        pass  # AppTest flushes after each run instead

    def deliver(self, frame: str) -> None:
        self.version += 1
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
        self.version += 1
        for path, (type, props, wid, key) in self.tree.items():
            if wid == widget_id and "value" in props:
                self.tree[path] = (type, {**props, "value": value}, wid, key)
                return

    def _remove(self, path: tuple) -> None:
        self.version += 1
        n = len(path)
        for p in [p for p in self.tree if p[:n] == path]:
            del self.tree[p]


class _LastRun:
    """Which buttons were pressed in the last run that reached its end (a click,
    or Enter in a form): what ``at.button[i].value`` reads."""

    def __init__(self) -> None:
        self.triggers: frozenset[str] = frozenset()
        self.trigger_values: dict[str, Any] = {}

    @hookimpl
    def appcore_run_finished(self, run: Any) -> None:
        if run.status not in ("interrupted", "skipped"):
            self.triggers = frozenset(run.triggers)
            self.trigger_values = dict(run.trigger_values)

    def value_of(self, widget: Any) -> Any:
        """A trigger's value in the last run: what it carried (True for a click), else its default."""
        if widget.id in self.triggers:
            return self.trigger_values.get(widget.id, True)
        return widget.default


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
        try:
            del self._state[key]
        except KeyError:
            raise AttributeError(f"st.session_state has no key {key!r}") from None

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self._state[key]
        except KeyError:
            return default

    def keys(self) -> KeysView[str]:
        return self._state.to_dict().keys()

    def items(self) -> ItemsView[str, Any]:
        return self._state.to_dict().items()

    def values(self) -> ValuesView[Any]:
        return self._state.to_dict().values()

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return repr(self._state)


# AppTests made by from_function, by token: the script asks for its arguments.
_FUNCTION_TESTS: weakref.WeakValueDictionary[str, AppTest] = weakref.WeakValueDictionary()


def function_args(token: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The ``args`` and ``kwargs`` of the AppTest that wrote the script (``from_function``)."""
    at = _FUNCTION_TESTS[token]
    return tuple(at.args or ()), dict(at.kwargs or {})


def _query_params_after_run(params: dict[str, Any]) -> dict[str, Any]:
    """As Streamlit reads them back: one value is a str, repeated ones a list of str."""
    shaped: dict[str, Any] = {}
    for key, value in params.items():
        values = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        shaped[str(key)] = values[0] if len(values) == 1 else values
    return shaped


class AppTest:
    """Streamlit's ``AppTest`` for appcore apps: ``AppTest.from_file("app.py").run()``.

    ``plugins``, ``disable_plugins`` and ``config`` are appcore's: the App to run it on.
    """

    def __init__(self, script_path: str | Path, default_timeout: float = 3, *,
                 args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None,
                 plugins: Sequence[Any] = (), disable_plugins: Sequence[str] = (), config: Config | None = None):
        self._script_path = Path(script_path).resolve()
        self.default_timeout = default_timeout
        self.args = tuple(args) if args is not None else None
        self.kwargs = kwargs
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        self._plugins = plugins
        self._disable = disable_plugins
        self._config = config
        self._app: App | None = None
        self._session: Session | None = None
        self._browser = FakeBrowser()
        self._outgoing: list[dict[str, Any]] = []
        self._unsent: dict[Any, Any] = {}  # widget id (or ("files", id)) -> set, not yet run
        self._observer = _LastRun()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._tree: tuple[Any, int, SpecialBlock] | None = None
        self._page_request: str | None = None  # switch_page: the url_path the next run opens

    # -- constructors ------------------------------------------------------------------

    @classmethod
    def from_file(cls, script_path: str | Path, default_timeout: float = 3, **options: Any) -> AppTest:
        """An app from a file; a relative path is taken from the calling test file."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            path = path if path.exists() and not (caller / path).exists() else caller / path
        if not path.is_file():
            raise FileNotFoundError(f"AppTest script not found at {path.resolve()}. Relative paths are resolved "
                                    "against the file that calls AppTest.from_file().")
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
    def from_function(cls, script: Callable[..., Any], default_timeout: float = 3,
                      args: Sequence[Any] | None = None, kwargs: dict[str, Any] | None = None,
                      **options: Any) -> AppTest:
        """An app from a function's body, called with ``args`` and ``kwargs`` on each run
        (any objects: they are handed over in memory, not written into the script)."""
        token = uuid.uuid4().hex
        source = textwrap.dedent(inspect.getsource(script))
        call = (f"\n__args, __kwargs = __import__('appcore.testing.app_test', fromlist=['function_args'])"
                f".function_args({token!r})\n{script.__name__}(*__args, **__kwargs)\n")
        at = cls.from_string(source + call, default_timeout, args=args, kwargs=kwargs, **options)
        _FUNCTION_TESTS[token] = at
        return at

    # -- the session -------------------------------------------------------------------

    @property
    def app(self) -> App:
        if self._app is None:
            self._app = App(self._script_path, self._config or Config.load(self._script_path.parent, env={}),
                            plugins=[*self._plugins, self._observer], disable_plugins=self._disable)
            if self._app.config.server.streamlit_alias:  # ported tests' apps say `import streamlit`
                streamlit_alias.install()
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

    def switch_page(self, page_path: str) -> AppTest:
        """Open another page at the next ``run()``: ``page_path`` is its file, relative to the
        main script (``"pages/settings.py"``), as Streamlit's AppTest."""
        full = self._script_path.parent / page_path
        if not full.is_file():
            raise ValueError(f"Could not find page {page_path!r} relative to the main script "
                             f"{str(self._script_path)!r}. Resolved page path: {str(full.resolve())!r}.")
        target = str(full.resolve())
        navigation = self.session.page.navigation or self.app.static_pages()
        if navigation is None:
            if target != str(self._script_path):
                raise ValueError(f"Could not find page {page_path!r}: the app has no pages but its main "
                                 "script (no pages/ folder, pages.toml or st.navigation).")
            self._page_request = ""
            return self
        matches = [p for p in navigation.pages if p.script is not None and str(Path(p.script).resolve()) == target]
        if not matches:
            known = [p.script or p.url_path for p in navigation.pages]
            raise ValueError(
                f"Could not find a navigation page for {target!r}. AppTest.switch_page() matches registered "
                "script paths. If page registration depends on Session State, call AppTest.run() after "
                f"updating the state and before switching. Known pages: {known}.")
        stem = full.stem
        page = next((p for p in matches if p.url_path == stem), matches[0])
        self._page_request = "" if page.default else page.url_path
        return self

    def _queue(self, message: dict[str, Any]) -> None:
        self._outgoing.append(message)

    def send(self, message: dict[str, Any]) -> AppTest:
        """Queue any client message (a plugin's event); ``run()`` sends it."""
        self._queue(message)
        return self

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Send what was queued as the browser would (or rerun), and wait for the runs.

        Raises ``RuntimeError("AppTest script run timed out after N(s)")`` as Streamlit's.
        """
        session = self.session
        set_query(session, {k: v if isinstance(v, (list, tuple)) else [v] for k, v in self.query_params.items()})
        secrets = self.app.api.get("secrets")
        if hasattr(secrets, "use"):  # the secrets plugin: at.secrets when set, else the files
            secrets.use(self.secrets or None)
        outgoing, self._outgoing = self._outgoing, []
        self._unsent = {}
        if self._page_request is not None:  # as the browser opens a page: the URL's path, the same query
            query = urlencode([(k, v) for k, values in session.page.query.items() for v in values])
            outgoing.insert(0, {"t": "navigate", "url_path": self._page_request, "query": query})
            self._page_request = None
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
        self.query_params = _query_params_after_run(session.page.query)
        return self

    def _wait(self, timeout: float | None) -> None:
        limit = self.default_timeout if timeout is None else timeout
        if not self.session.wait_idle(limit):
            self.session.stop()  # the test goes on; the script must not run on behind it
            raise RuntimeError(f"AppTest script run timed out after {limit}(s)")
        self.session.flush()

    # -- reading the page --------------------------------------------------------------

    def _root(self) -> SpecialBlock:
        browser = self._browser
        if self._tree is not None and self._tree[0] is browser and self._tree[1] == browser.version:
            return self._tree[2]
        types = self.app.element_types
        tree = browser.tree
        parents = {path[:-1] for path in tree}
        root = SpecialBlock(self, (), "", {}, None, None, "root")
        specials: dict[str, SpecialBlock] = {}
        for name, (node_type, _) in sorted(ROOTS.items(), key=lambda item: item[1][1]):
            specials[name] = SpecialBlock(self, (name,), "", {}, None, None, node_type)
            root._children.append(specials[name])
        nodes: dict[tuple, Node] = {}
        for path in sorted(tree, key=_sort_key):
            element_type, props, widget_id, key = tree[path]
            node_type = node_type_of(types, element_type, props)
            is_block = path in parents or node_type in _BLOCK_TYPES
            cls = node_class(types, element_type, node_type, widget_id, is_block)
            node = cls(self, path, element_type, props, widget_id, key, node_type)
            nodes[path] = node
            parent = nodes.get(path[:-1]) if len(path) > 2 else specials.get(path[0])
            if parent is None:  # another root a plugin draws on
                parent = specials[path[0]] = SpecialBlock(self, (path[0],), "", {}, None, None, path[0])
                root._children.append(parent)
            if isinstance(parent, Block):
                parent._children.append(node)
        self._tree = (browser, browser.version, root)
        return root

    def _elements(self) -> list[Node]:
        """Every node on the page below the roots, in page order (pre-order)."""
        return [n for n in self._root() if not isinstance(n, SpecialBlock)]

    def _collection_names(self) -> set[str]:
        types = self.app.element_types
        names = set(types) | set(NODE_CLASSES) | COLLECTION_NAMES
        return names | {node_type_of(types, name, {}) for name in types}

    def get(self, element_type: str) -> ElementList:
        """Nodes of a Streamlit node type (``"flex_container"``), an AppTest collection
        name (``"help"``) or an appcore element type (``"line_chart"``)."""
        return self._root().get(element_type)

    def get_by_key(self, key: str) -> Node:
        return self._root().get_by_key(key)

    def __getattr__(self, name: str) -> ElementList:
        if name.startswith("_") or name not in self._collection_names():
            # A misspelt type must fail, not read as an empty list (`assert not at.erorr`).
            raise AttributeError(f"AppTest has no attribute {name!r}: no element type of that name is "
                                 f"registered ({', '.join(sorted(self.app.element_types))})")
        return self.get(name)

    def __iter__(self) -> Iterator[Node]:
        return iter(self._root())

    def __len__(self) -> int:
        return len(self._root())

    def __getitem__(self, index: int) -> Node:
        return self._root()[index]

    @property
    def main(self) -> SpecialBlock:
        return self._root()[0]  # type: ignore[return-value]

    @property
    def sidebar(self) -> SpecialBlock:
        return self._root()[1]  # type: ignore[return-value]

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
