"""``st.context``: read-only facts about the current tab, as Streamlit 1.67 gives them."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from urllib.parse import parse_qs, urlsplit

from appcore.plugin import ClientInfo, maybe_current_run


class Headers(Mapping[str, str]):
    """The upgrade request's headers: case-insensitive, the last of a repeated name,
    and ``get_all(name)`` for every value."""

    def __init__(self, pairs: tuple[tuple[str, str], ...]):
        self._pairs = pairs
        self._last = {name.lower(): value for name, value in pairs}

    def __getitem__(self, name: str) -> str:
        return self._last[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._last)

    def __len__(self) -> int:
        return len(self._last)

    def get_all(self, name: str) -> list[str]:
        return [value for key, value in self._pairs if key.lower() == name.lower()]

    def to_dict(self) -> dict[str, str]:
        return dict(self._last)

    def __repr__(self) -> str:
        return repr(self._last)


class Context:
    """``st.context``.

    One written-out property per field, as Streamlit's: editors and ``help(st.context)``
    show each one's type and docstring (a property factory would hide them)."""

    @staticmethod
    def _info() -> ClientInfo:
        run = maybe_current_run()
        return run.session.client_info if run is not None else ClientInfo()

    @property
    def headers(self) -> Headers:
        """A read-only, dict-like object containing headers sent in the initial request."""
        return Headers(self._info().headers)

    @property
    def cookies(self) -> Mapping[str, str]:
        """A read-only, dict-like object containing cookies sent in the initial request."""
        return MappingProxyType(dict(self._info().cookies))

    @property
    def timezone(self) -> str | None:
        """The read-only timezone of the user's browser (an IANA name such as "Europe/Berlin")."""
        return self._info().timezone

    @property
    def timezone_offset(self) -> int | None:
        """The read-only timezone offset of the user's browser, in minutes (JavaScript's getTimezoneOffset)."""
        return self._info().timezone_offset

    @property
    def locale(self) -> str | None:
        """The read-only locale of the user's browser ("en-US")."""
        return self._info().locale

    @property
    def url(self) -> str | None:
        """The read-only URL of the app in the user's browser."""
        return self._info().url

    @property
    def ip_address(self) -> str | None:
        """The read-only IP address of the user's connection; None from this machine."""
        return self._info().ip_address

    @property
    def is_embedded(self) -> bool | None:
        """Whether the app is embedded (its URL has ``?embed=true``); None without a tab."""
        url = self._info().url
        if url is None:
            return None
        return parse_qs(urlsplit(url).query).get("embed", ["false"])[-1].lower() == "true"

    @property
    def theme(self) -> Mapping[str, str | None]:
        """A read-only, dictionary-like object containing theme information: ``{"type": "light" | "dark"}``."""
        return MappingProxyType({"type": self._info().theme})

    def __repr__(self) -> str:
        return "st.context"


context = Context()
