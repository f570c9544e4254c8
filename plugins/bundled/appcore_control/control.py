"""``st.rerun`` and ``st.stop``: the control flow every other primitive builds on."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NoReturn

from appcore.plugin import AppcoreAPIError, RerunRequested, RunView, StopRequested, current_run, invalid_type, \
    invalid_value

LEVELS = ("app", "fragment")
_VALID_SCOPES = ["'app'", "'fragment'", "a fragment key", "a list of keys"]
_SCOPE_TYPES = ["str", "int", "list[str | int]"]


def rerun(scope: Literal["app", "fragment"] | str | int | Sequence[str | int] = "app") -> NoReturn:
    """End this run at once and start another.

    ``scope="fragment"`` reruns only the fragment that is running (during a
    fragment rerun). From a widget callback, a fragment key or a list of keys
    (``@st.fragment(key=...)``) reruns only those fragments instead of what the
    interaction would rerun; a sibling callback of the same interaction that
    returns normally, or calls plain ``st.rerun()``, makes it a full run again.
    """
    scope = _checked_scope(scope)
    run = current_run()
    if run.in_callbacks:
        # Recorded by the run as this callback's vote; the run decides once every callback has run.
        raise RerunRequested("app" if scope == "app" else "fragment", _callback_targets(run, scope))
    if scope not in LEVELS:
        raise AppcoreAPIError(
            "Passing a fragment key to `st.rerun()` is only allowed from a widget callback (e.g. `on_change` / "
            "`on_click`). Calling it from the main script body or a fragment body would abort the current run. "
            "If you meant to rerun the whole app or the current fragment, use `scope='app'` or `scope='fragment'`."
        )
    if scope == "fragment" and run.partial is None:
        raise _not_a_fragment_run()
    raise RerunRequested(scope)


def _checked_scope(scope: object) -> str | list[str]:
    """Streamlit's checks and messages, in its order; an int key is its string."""
    if not isinstance(scope, (str, int, Sequence)) or isinstance(scope, (bytes, bytearray)):
        raise invalid_type("scope", type(scope).__name__, _SCOPE_TYPES)
    if isinstance(scope, int):
        return str(scope)
    if isinstance(scope, str):
        if scope == "":
            raise invalid_value("scope", _VALID_SCOPES, detail="Got an empty string.")
        return scope
    if len(scope) == 0:
        raise invalid_value("scope", _VALID_SCOPES, detail="Got an empty list.")
    names: list[str] = []
    for name in scope:
        if isinstance(name, int):
            names.append(str(name))
        elif not isinstance(name, str):
            raise invalid_type("scope list items", type(name).__name__, ["str", "int"])
        elif name == "":
            raise invalid_value("scope list items", ["non-empty strings or ints"],
                                detail="Found an empty string in the list.")
        else:
            names.append(name)
    for name in names:
        if name in LEVELS:
            raise invalid_value("scope", ["fragment keys"],
                                detail=f"'{name}' is a reserved scope name and cannot appear inside a list. "
                                       f"Pass '{name}' directly as a string.")
    return names


def _callback_targets(run: RunView, scope: str | list[str]) -> tuple[str, ...]:
    """The partial ids a callback's st.rerun names: none for the app, the running fragment
    for "fragment", every call site of each key for keys."""
    if scope == "app":
        return ()
    if scope == "fragment":
        if run.partial is None:
            raise _not_a_fragment_run()
        return (run.partial.id,)
    found: dict[str, None] = {}
    for name in [scope] if isinstance(scope, str) else scope:
        ids = [p.id for p in list(run.session.partials.values()) if p.key == name]
        if not ids:
            raise AppcoreAPIError(
                f"No fragment found for target '{name}'. Pass the same `key` you set on "
                "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
            )
        found.update(dict.fromkeys(ids))
    return tuple(found)


def _not_a_fragment_run() -> AppcoreAPIError:
    return AppcoreAPIError('scope="fragment" can only be specified from `@st.fragment`-decorated functions '
                           "during fragment reruns.")


def stop() -> NoReturn:
    """End this run at once. What was drawn before stays; what came after it last run goes."""
    current_run()
    raise StopRequested()
