"""The event states chart widgets return (st.plotly_chart's, st.vega_lite_chart's), as
Streamlit 1.67's: dicts that also read as attributes (``event.selection.points``) and
refuse changes, since changing a widget's state in place would have no effect on the app."""
from __future__ import annotations

from typing import Any, NoReturn

READ_ONLY = ("Widget state is read-only because modifying nested values has no effect on the app. For widget "
             "states that support programmatic updates (e.g. st.dataframe selections), assign a new dictionary "
             "to the Session State key instead, for example:\n"
             "    st.session_state['my_key'] = {'selection': {'rows': [0]}}")


def _frozen(value: Any) -> Any:
    if isinstance(value, dict) and not isinstance(value, ReadOnlyState):
        return ReadOnlyState(value)
    return value


class ReadOnlyState(dict):
    """A read-only dict with attribute access; nested dicts read as read-only too."""

    def __getitem__(self, key: Any) -> Any:
        return _frozen(super().__getitem__(key))

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{key}'") from None

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(READ_ONLY)

    __setitem__ = __delitem__ = __setattr__ = __delattr__ = _refuse
    clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> Any:  # picklable for a session store, as a plain dict underneath
        return (type(self), (dict(self),))

    def __deepcopy__(self, memo: dict) -> Any:
        import copy
        return type(self)(copy.deepcopy(dict(self), memo))

    def __copy__(self) -> Any:
        return type(self)(dict(self))
