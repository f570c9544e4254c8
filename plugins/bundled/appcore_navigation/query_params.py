"""``st.query_params``: the URL's query parameters as a dict of str to str."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from appcore.plugin import AppcoreAPIError, maybe_current_run, query_changed, query_params

EMBED = ("embed", "embed_options")


def _embed(key: str) -> bool:
    return key.lower() in EMBED


def _missing_key(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def _values(key: str, value: Any) -> list[str]:
    if isinstance(value, Mapping):
        raise AppcoreAPIError(f"Query param value for `{key}` cannot be set to a dictionary. Provide a string "
                              "or iterable of strings instead.")
    if _embed(key):
        raise AppcoreAPIError("Query param embed and embed_options (case-insensitive) cannot be set "
                              "programmatically.")
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return [str(item) for item in value]
    return [str(value)]


def to_query(params: Any) -> dict[str, list[str]]:
    """``query_params=`` of switch_page/page_link: a mapping or pairs; a repeated key collects values."""
    query: dict[str, list[str]] = {}
    items = params.items() if isinstance(params, Mapping) else params
    for key, value in items:
        query.setdefault(str(key), []).extend(_values(str(key), value))
    return query


class QueryParams(MutableMapping[str, str]):
    """``st.query_params``: read a key for its last value, ``get_all`` for every value;
    setting or deleting a key changes the tab's URL at once. ``embed`` and
    ``embed_options`` stay in the URL and out of reach."""

    def _query(self) -> dict[str, list[str]]:
        if maybe_current_run() is None:
            raise AppcoreAPIError("st.query_params is only available while an app runs "
                                  "(appcore run app.py, or appcore.testing.AppTest).")
        return query_params()

    def __getitem__(self, key: str) -> str:
        values = self._query().get(key)
        if values is None or _embed(key):
            raise KeyError(_missing_key(key))
        return values[-1] if values else ""

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        self._query()[str(key)] = _values(str(key), value)
        query_changed()

    def __delitem__(self, key: str) -> None:
        query = self._query()
        if _embed(key) or key not in query:
            raise KeyError(_missing_key(key))
        del query[key]
        query_changed()

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._query() if not _embed(k)])

    def __len__(self) -> int:
        return sum(1 for k in self._query() if not _embed(k))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and not _embed(key) and key in self._query()

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: str | Iterable[str]) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (``?tag=a&tag=b`` -> ``["a", "b"]``); ``[]`` if absent."""
        if _embed(key):
            return []
        return list(self._query().get(key, []))

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        query = self._query()
        pairs = list(other.items() if isinstance(other, Mapping) else other) + list(kwds.items())
        new = {str(k): _values(str(k), v) for k, v in pairs}
        query.update(new)
        query_changed()

    def clear(self) -> None:
        query = self._query()
        for key in [k for k in query if not _embed(k)]:
            del query[key]
        query_changed()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict, each key's last value."""
        return {k: v[-1] if v else "" for k, v in self._query().items() if not _embed(k)}

    def from_dict(self, params: Any) -> None:
        """Replace every parameter (but ``embed``) with ``params``, in one URL change."""
        new = to_query(params)
        query = self._query()
        for key in [k for k in query if not _embed(k)]:
            del query[key]
        query.update(new)
        query_changed()

    def __repr__(self) -> str:
        return repr(self.to_dict()) if maybe_current_run() is not None else "st.query_params"

    __str__ = __repr__
