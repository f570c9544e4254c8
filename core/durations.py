"""Durations as Streamlit reads them: a number of seconds, a ``timedelta``, or a string
pandas' ``Timedelta`` reads ("1h", "1d2h34m", "2 days", "1min 30s"). ``st.cache_data``'s
``ttl`` and the media elements' start and end times take them."""
from __future__ import annotations

import math
import re
from datetime import timedelta

from .errors import StreamlitBadTimeStringError


def duration_seconds(value: float | timedelta | str | None) -> float | None:
    """``value`` in seconds (None stays None); a string pandas cannot read is Streamlit's error."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, str):
        import pandas as pd

        # pandas 4 drops the lower-case day unit ("1d2h") that Streamlit's docs use: say it as "D".
        spelled = re.sub(r"(?<=\d)\s*d(?![a-z])", "D", value)
        try:
            seconds = pd.Timedelta(spelled).total_seconds()
        except ValueError as error:
            raise StreamlitBadTimeStringError(value) from error
        if math.isnan(seconds):
            raise StreamlitBadTimeStringError(value)
        return seconds
    return value  # a number of seconds, as given
