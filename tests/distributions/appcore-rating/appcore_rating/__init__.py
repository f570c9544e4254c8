"""appcore-rating: ``st.rating(label, max_stars=5, value=0, ...)``, an int in 0..max_stars."""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .rating import RatingCodec, rating

__all__ = ["RatingCodec", "rating"]
HERE = Path(__file__).parent


appcore_register_elements = contributes([ElementType("rating", HERE / "rating.js")])
appcore_register_api = contributes({"rating": rating})
