"""``st.session_state``: per-session values, bound to widget keys.

One dict holds everything: user keys (including keys bound to widgets) and,
under internal ids, the values of widgets that have no key. Internal ids are
hidden from iteration, as in Streamlit.
"""
from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from .context import maybe_current_run
from .errors import AppcoreAPIError

if TYPE_CHECKING:
    from .widgets import Widget

_INTERNAL = "$$"
_DOCS = "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"


class SessionState(MutableMapping[str, Any]):
    __slots__ = ("values", "user_set_keys", "left_keys")

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        # Keys the script or a callback assigned during the current run.
        self.user_set_keys: set[str] = set()
        # Keys of the widgets of a page the session just left: a widget of the new page with
        # one of them starts from its default (Streamlit's rule), unless this run set the key.
        self.left_keys: frozenset[str] = frozenset()  # replaced, never changed: no set per session

    # -- the mapping users see -------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        _checkpoint()
        try:
            return self.values[key]
        except KeyError:
            raise KeyError(_not_initialized("key", key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        run = _checkpoint()
        if run is not None:
            widget = run.widget_keys.get(key)
            if widget is not None:
                raise AppcoreAPIError(
                    f"st.session_state.{key} cannot be modified after the widget with key "
                    f"'{key}' is instantiated."
                )
        self.values[key] = value
        self.user_set_keys.add(key)

    def __delitem__(self, key: str) -> None:
        _checkpoint()
        try:
            del self.values[key]
        except KeyError:
            raise KeyError(f'st.session_state has no key "{key}".') from None

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self.values if not k.startswith(_INTERNAL)])

    def __len__(self) -> int:
        return sum(1 for k in self.values if not k.startswith(_INTERNAL))

    def __contains__(self, key: object) -> bool:
        return key in self.values

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if not k.startswith(_INTERNAL)}

    def __repr__(self) -> str:
        return repr(self.to_dict())

    # -- the runtime's side ----------------------------------------------------

    def widget_value(self, widget: Widget) -> Any:
        """The value a widget shows: stored, set by the user, or its default."""
        slot = widget.state_key
        if widget.key is not None and widget.key in self.left_keys:
            self.left_keys = self.left_keys - {widget.key}
            if widget.key not in self.user_set_keys:
                self.values[slot] = widget.default
                return widget.default
        if slot in self.values:
            return self.values[slot]
        self.values[slot] = widget.default
        return widget.default


def _not_initialized(kind: str, key: str) -> str:
    return f'st.session_state has no {kind} "{key}". Did you forget to initialize it? More info: {_DOCS}'


def _checkpoint() -> Any:
    run = maybe_current_run()
    if run is not None:
        run.checkpoint()
    return run


class SessionStateProxy(MutableMapping[str, Any]):
    """``st.session_state``: the current session's state, by item or attribute."""

    def _state(self) -> SessionState:
        run = maybe_current_run()
        if run is None:
            raise AppcoreAPIError(
                "st.session_state is only available while an app runs "
                "(appcore run app.py, or appcore.testing.AppTest)."
            )
        return run.session.state

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._state()[key]
        except KeyError:
            raise AttributeError(_not_initialized("attribute", key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._state()[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}".') from None

    def to_dict(self) -> dict[str, Any]:
        return self._state().to_dict()

    def __repr__(self) -> str:
        return repr(self._state())
