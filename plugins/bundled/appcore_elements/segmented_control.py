"""st.segmented_control: options joined into one segmented button, one or several chosen."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import Args, Bind, Help, Key, Kwargs, LabelVisibility, OnChange, PersistState, Width

from ._button_group import button_group

__all__ = ["segmented_control"]
ELEMENT_TYPES = {"segmented_control": "segmented_control"}
TEST_TYPES = {"segmented_control": "button_group"}  # Streamlit's AppTest node type


def segmented_control(label: str, options: Any, *, selection_mode: Literal["single", "multi"] = "single",
                      default: Any | None = None, required: bool = False, format_func: Callable[[Any], str] | None = None,
                      key: Key = None, help: Help = None, on_change: OnChange = "rerun", args: Args = None,
                      kwargs: Kwargs = None, disabled: bool = False, label_visibility: LabelVisibility = "visible",
                      width: Width = "content", wrap: bool | None = None, bind: Bind = None,
                      persist_state: PersistState = None) -> Any:
    """A segmented button: returns the chosen option or None (``"single"``), or the list chosen (``"multi"``)."""
    return button_group("segmented_control", locals())
