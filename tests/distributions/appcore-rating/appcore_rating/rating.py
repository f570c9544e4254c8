"""st.rating: an input widget with its own codec."""
from __future__ import annotations

from typing import Any

from appcore.plugin import AppcoreAPIError, Args, Codec, Help, Key, Kwargs, LabelVisibility, OnChange, Width, \
    input_widget, invalid_type, out_of_range


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class RatingCodec(Codec):
    """A number of stars: an int in 0..max_stars, and nothing else (not 2.0, not True, not "3")."""

    def __init__(self, max_stars: int, default: int) -> None:
        self.max_stars = max_stars
        self.default = default

    def parse(self, raw: Any) -> int:
        if not _is_int(raw):
            raise TypeError(f"a rating is sent as a JSON integer, got {type(raw).__name__}")
        if not 0 <= raw <= self.max_stars:
            raise ValueError(f"{raw} is outside 0..{self.max_stars}")
        return raw

    def to_json(self, value: Any) -> int:
        return int(value)

    def keep(self, stored: Any, by_user: bool) -> int:
        try:
            return self.parse(stored)
        except (TypeError, ValueError) as error:
            if by_user:  # the script set st.session_state[key] to something no rating can be
                raise AppcoreAPIError(f"st.rating() cannot show {stored!r}: {error}.") from None
            raise

    def returned(self, value: Any) -> int:
        return int(value)

    def props(self) -> dict[str, Any]:
        return {"max_stars": self.max_stars}


def rating(label: str, max_stars: int = 5, value: int = 0, key: Key = None, help: Help = None,
           on_change: OnChange = None, args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
           label_visibility: LabelVisibility = "visible", width: Width = "content") -> int:
    """Stars the person clicks; returns how many (0..max_stars)."""
    if not _is_int(max_stars):
        raise invalid_type("max_stars", type(max_stars).__name__, ["int"])
    if not 1 <= max_stars <= 20:
        raise out_of_range("max_stars", max_stars, 1, 20)
    if not _is_int(value):
        raise invalid_type("value", type(value).__name__, ["int"])
    if not 0 <= value <= max_stars:
        raise out_of_range("value", value, 0, max_stars)
    codec = RatingCodec(max_stars, value)
    return input_widget("rating", locals(), codec, content_width=True,
                        id_parts={"max_stars": max_stars, "value": value}).value
