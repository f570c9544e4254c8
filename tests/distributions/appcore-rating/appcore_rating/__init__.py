"""appcore-rating: ``st.rating(label, max_stars=5, value=0, ...)``, an int in 0..max_stars."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from appcore.plugin import ElementType, hookimpl

from .rating import RatingCodec, rating

__all__ = ["RatingCodec", "rating"]
HERE = Path(__file__).parent


@hookimpl
def appcore_register_elements() -> list[ElementType]:
    return [ElementType("rating", HERE / "rating.js")]


@hookimpl
def appcore_register_api() -> dict[str, Any]:
    return {"rating": rating}
