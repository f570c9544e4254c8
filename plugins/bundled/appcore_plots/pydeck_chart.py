"""st.pydeck_chart: not drawn by appcore. A deck.gl map needs deck.gl (about 1.5 MB of
JavaScript with its WebGL layers) and a basemap whose tiles come from the network;
appcore vendors neither, so the call fails with a message saying what to use instead,
rather than drawing a map that is not the one Streamlit draws."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Key

__all__ = ["pydeck_chart"]

NOT_DRAWN = ("st.pydeck_chart is not available in appcore: drawing a pydeck Deck needs deck.gl in the browser, "
             "and appcore does not ship it. Draw the points with st.plotly_chart instead (a Plotly map figure, "
             "such as plotly.express.scatter_map), or run this page on Streamlit.")


def pydeck_chart(pydeck_obj: Any = None, *, width: Any = "stretch", use_container_width: bool | None = None,
                 height: Any = 500, selection_mode: Literal["single-object", "multi-object"] = "single-object",
                 on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore", key: Key = None,
                 alt: str | None = None) -> Any:
    """Streamlit 1.67's signature; raises, naming what is missing (see the module)."""
    raise AppcoreAPIError(NOT_DRAWN)
