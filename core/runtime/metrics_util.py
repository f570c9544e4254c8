"""Streamlit's ``streamlit.runtime.metrics_util.gather_metrics``, for libraries that decorate
their commands with it (streamlit-extras does). Streamlit counts calls for its telemetry;
appcore collects none, so the decorator hands the function back unchanged."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["gather_metrics"]


def gather_metrics(name: str, func: F | None = None, *, _positional_arg_offset: int = 0) -> Any:
    """``@gather_metrics("name")`` or ``gather_metrics("name", func)``: ``func`` as it is."""
    if func is None:
        return lambda decorated: decorated
    return func
