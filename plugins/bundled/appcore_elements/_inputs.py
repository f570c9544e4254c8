"""What two bundled option widgets share beyond appcore.plugin's builder (not an element: no API names)."""
from __future__ import annotations

from typing import Any

from appcore.plugin import AppcoreAPIError, invalid_value


def check_filter_mode(filter_mode: Any, accept_new_options: bool) -> Any:
    """selectbox and multiselect: how typing filters the options."""
    try:
        valid = filter_mode in ("fuzzy", "contains", "prefix", None)
    except TypeError:
        valid = False
    if not valid:
        raise invalid_value("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise AppcoreAPIError("`filter_mode=None` and `accept_new_options=True` cannot be used together. "
                              "`filter_mode` cannot be `None` when `accept_new_options=True`. Set `filter_mode` "
                              "to `fuzzy`, `contains`, or `prefix`.")
    return filter_mode
