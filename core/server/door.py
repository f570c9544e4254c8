"""What the server checks before a request or a frame reaches a session.

- ``HostCheck``: the ``Host`` header names this server (DNS rebinding) and a
  websocket's ``Origin`` is the page's own, scheme, host and port, or allow-listed.
- ``decode_frame``: a text frame to a message, refusing what no browser's
  ``JSON.stringify`` of a protocol message gives: lone surrogates, NaN and
  Infinity, nesting past 1,024 levels (orjson refuses all three while parsing,
  in C, so a normal message costs nothing more).
- ``RejectionLog``: one bounded line per refusal, then a summary per interval,
  so a flood of bad frames cannot flood the log.
- ``Connections``: sockets per client address.
"""
from __future__ import annotations

import ipaddress
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any

import orjson

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
ANY_ADDRESS = frozenset({"", "0.0.0.0", "::"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# scheme://host[:port], nothing else: a browser's Origin never carries a user, a path or a query.
_ORIGIN = re.compile(r"(?P<scheme>https?)://(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(?P<port>\d{1,5}))?")
_HOST = re.compile(r"(?P<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(?P<port>\d{1,5}))?")

# How much of a refused frame the log shows.
PREVIEW_CHARS = 80
REASON_CHARS = 300


class Refused(Exception):
    """A frame the door refuses; ``str()`` is its reason, short."""


def split_host(value: str | None) -> tuple[str, int | None] | None:
    """``Host`` header -> (lower-case name without brackets or trailing dot, port), or None if malformed."""
    if not value:
        return None
    match = _HOST.fullmatch(value.strip())
    if match is None:
        return None
    host = match["host"].lower().rstrip(".")
    if host.startswith("["):
        host = host[1:-1]
    port = int(match["port"]) if match["port"] else None
    return host, port


def split_origin(value: str) -> tuple[str, str, int] | None:
    """``Origin`` -> (scheme, host, port with the scheme's default filled in), or None."""
    match = _ORIGIN.fullmatch(value.strip())
    if match is None:
        return None
    scheme = match["scheme"].lower()
    host = match["host"].lower().rstrip(".")
    if host.startswith("["):
        host = host[1:-1]
    port = int(match["port"]) if match["port"] else DEFAULT_PORTS[scheme]
    return scheme, host, port


def _is_loopback(host: str) -> bool:
    """One of the names a loopback server answers to (127.0.0.2 is loopback, but not a name of ours)."""
    return host in LOOPBACK_NAMES


def _is_loopback_address(address: str) -> bool:
    if address in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class HostCheck:
    """Which ``Host`` and ``Origin`` headers the server accepts, from ``[server]``."""

    address: str
    allowed_hosts: tuple[str, ...] = ()
    allowed_origins: tuple[str, ...] = ()

    def host_allowed(self, host_header: str | None) -> bool:
        parsed = split_host(host_header)
        if parsed is None:
            return False
        host = parsed[0]
        for allowed in self.allowed_hosts:
            allowed = allowed.lower().strip("[]").rstrip(".")
            if allowed == "*" or host == allowed:
                return True
            if allowed.startswith(".") and (host.endswith(allowed) or host == allowed[1:]):
                return True  # ".example.com": it and every subdomain, as Django's ALLOWED_HOSTS
        if self.allowed_hosts:
            return False
        address = self.address.lower().strip("[]")
        if address in ANY_ADDRESS:
            return True  # bound to every interface: any name, unless allowed_hosts says otherwise
        if _is_loopback_address(address):
            return _is_loopback(host) or host == address
        return host == address

    def origin_allowed(self, origin: str | None, host_header: str | None, scheme: str) -> bool:
        """``origin`` is the page's own (scheme, host, port) or allow-listed.

        No Origin is a client that is not a browser (a test, a tool): browsers always
        send one on a websocket upgrade, and nothing else is stopped by this check.
        """
        if origin is None:
            return True
        if "*" in self.allowed_origins:
            return True
        parsed = split_origin(origin)
        if parsed is None:
            return False  # "null", a user part, a path: no page of ours sends that
        if any(split_origin(allowed) == parsed for allowed in self.allowed_origins):
            return True
        host = split_host(host_header)
        if host is None:
            return False
        own = (scheme, host[0], host[1] if host[1] is not None else DEFAULT_PORTS.get(scheme))
        if parsed == own:
            return True
        # The same server on this machine under another loopback name: same scheme and port.
        return parsed[0] == own[0] and parsed[2] == own[2] and _is_loopback(parsed[1]) and _is_loopback(own[1])


def decode_frame(text: str, limit: int) -> Any:
    """A text frame's message; raise ``Refused`` for one over ``limit`` characters
    (checked before parsing) or one that is not strict JSON."""
    if len(text) > limit:
        raise Refused(f"message of {len(text)} characters is over the {limit}-character limit "
                      f"([server] max_message_mb)")
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        reason = str(error)
        if "surrogate" in reason:
            raise Refused(f"a string is not valid Unicode (a lone surrogate): {reason}") from None
        raise Refused(f"not JSON: {reason}"[:REASON_CHARS]) from None


def summary(frame: str | bytes) -> str:
    """A refused frame in a few words: its kind, size and first characters."""
    kind = "binary" if isinstance(frame, (bytes, bytearray)) else "text"
    head = frame[:PREVIEW_CHARS]
    preview = repr(head) + ("..." if len(frame) > PREVIEW_CHARS else "")
    return f"{kind} frame of {len(frame):,} {'bytes' if kind == 'binary' else 'characters'}, starting {preview}"


def clip(text: str, limit: int = REASON_CHARS) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


@dataclass(slots=True)
class RejectionLog:
    """The first ``burst`` refusals logged one line each, then one summary line per ``interval``."""

    logger: logging.Logger
    burst: int = 10
    interval: float = 10.0
    clock: Any = time.monotonic
    _logged: int = 0
    _quiet: int = 0
    _quiet_since: float = 0.0
    _last: str = ""

    def refused(self, what: str, *args: Any) -> None:
        if self._logged < self.burst:
            self._logged += 1
            self.logger.warning(what, *args)
            if self._logged == self.burst:
                self._quiet_since = self.clock()
            return
        self._quiet += 1
        self._last = what % args if args else what
        now = self.clock()
        if now - self._quiet_since >= self.interval:
            self.flush(now)

    def flush(self, now: float | None = None) -> None:
        """Say how many refusals went unlogged (called at the interval and when the socket ends)."""
        if self._quiet:
            self.logger.warning("%d more refused in the last %.0f s, not logged one by one; the last: %s",
                                self._quiet, (now or self.clock()) - self._quiet_since, clip(self._last))
        self._quiet = 0
        self._quiet_since = now or self.clock()


@dataclass
class Connections:
    """Open websockets per client address."""

    per_ip: int
    by_ip: dict[str, int] = field(default_factory=dict)

    def enter(self, ip: str) -> bool:
        count = self.by_ip.get(ip, 0)
        if count >= self.per_ip:
            return False
        self.by_ip[ip] = count + 1
        return True

    def leave(self, ip: str) -> None:
        count = self.by_ip.get(ip, 0) - 1
        if count > 0:
            self.by_ip[ip] = count
        else:
            self.by_ip.pop(ip, None)
