"""appcore-autorefresh: ``st_autorefresh(interval, *, limit, debounce, key)``, streamlit-autorefresh's call."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import AppcoreAPIError, ElementType, StashKey, current_run, hookimpl, register_widget

__all__ = ["st_autorefresh"]
HERE = Path(__file__).parent

# Each draw of a debounced timer carries a new number, so the page starts that timer again.
DRAWS = StashKey[int]("autorefresh draws")


def _ticks(limit: int | None) -> Any:
    def parse(raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise ValueError("a tick count is a positive integer")
        if limit is not None and raw >= limit:
            raise ValueError(f"the count stops at limit - 1 = {limit - 1}")
        return raw
    return parse


def st_autorefresh(interval: int = 1000, *, limit: int | None = None, debounce: bool = True,
                   key: str | None = None) -> int:
    """Rerun the app every ``interval`` milliseconds; return how often it has (0 before the first time).

    The count stops at ``limit - 1``. A new interval, limit or key starts the timer
    again; with ``debounce``, so does every run that draws it.
    """
    if isinstance(interval, bool) or not isinstance(interval, (int, float)) or interval <= 0:
        raise AppcoreAPIError(f"st_autorefresh: `interval` is a positive number of milliseconds, got {interval!r}.")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise AppcoreAPIError(f"st_autorefresh: `limit` is an integer or None, got {limit!r}.")
    props: dict[str, Any] = {"interval": int(interval), "limit": limit, "debounce": bool(debounce)}
    if debounce:
        session = current_run().session
        props["draw"] = session.stash[DRAWS] = session.stash.get(DRAWS, 0) + 1
    widget = register_widget("autorefresh", props, key=key, default=0, parse=_ticks(limit),
                             id_parts={"interval": int(interval), "limit": limit, "debounce": bool(debounce)})
    return int(widget.value or 0)


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("autorefresh", HERE / "autorefresh.js")]

