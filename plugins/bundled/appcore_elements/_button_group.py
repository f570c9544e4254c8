"""What st.pills and st.segmented_control share (not an element: no API names).

Both are a row of options; ``selection_mode="single"`` returns one option or None
(a second click on the chosen one clears it unless ``required``), ``"multi"``
a list. The browser sends an index, None, or a list of indices.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from appcore.plugin import leading_icon, AppcoreAPIError, IndexCodec, MultiIndexCodec, input_widget, invalid_value


class SingleChoiceCodec(IndexCodec):
    """One option or None: the browser sends None when the chosen option is clicked again."""

    def __init__(self, options: Any, index: int | None, format_func: Callable[[Any], Any], required: bool):
        super().__init__(options, index, format_func)
        self.required = required
        self.clearable = not required or index is None  # required with no default starts empty

    def keep(self, stored: Any, by_user: bool) -> Any:
        if stored is None:
            return None
        self.item_to_json(stored)  # an option no longer offered starts over
        return stored

    def parse(self, raw: Any) -> Any:
        if raw is None and self.required:
            raise ValueError("a required choice cannot be cleared")
        return None if raw is None else self.parse_item(raw)[1]


def button_group(style: str, params: Mapping[str, Any]) -> Any:
    """Draw a pills or segmented_control widget from its call's ``locals()``."""
    selection_mode, required = params["selection_mode"], params["required"]
    format_func = params["format_func"] or str
    if required and selection_mode == "multi":
        raise AppcoreAPIError("`required=True` and `selection_mode='multi'` cannot be used together. "
                              "`required` is only supported for single-select mode.")
    chosen = MultiIndexCodec(params["options"], params["default"], format_func)  # Streamlit's default checks
    if selection_mode not in ("single", "multi"):
        raise invalid_value("selection_mode", ["'single'", "'multi'"])
    if selection_mode == "single":
        if len(chosen.default_indices) > 1:
            raise AppcoreAPIError(f"The default argument to `st.{style}` must be a single value when "
                                  "`selection_mode='single'`.")
        index = chosen.default_indices[0] if chosen.default_indices else None
        codec: IndexCodec | MultiIndexCodec = SingleChoiceCodec(params["options"], index, format_func, required)
    else:
        codec = chosen
    # A label that starts with an emoji or :material/name: followed by a space shows it as the option's icon.
    icons, contents = [], []
    for label in codec.labels:
        first, _, rest = label.partition(" ")
        icon, remaining = leading_icon(first.strip())
        if icon and not remaining:
            icons.append(icon)
            contents.append(rest)
        else:
            icons.append(None)
            contents.append(label)
    return input_widget(style, params, codec, content_width=True, props={
        "options": contents, "icons": icons, "selection_mode": selection_mode, "deselectable": not required,
        "wrap": params["wrap"]}, identity={"selection_mode": selection_mode}, id_parts={
        "options": codec.labels, "default": chosen.default_indices, "selection_mode": selection_mode,
        "required": bool(required)}).value
