"""The selection objects st.plotly_chart returns, as Streamlit 1.67's: dicts that also
read as attributes (``event.selection.points``) and refuse changes, since changing a
widget's state in place would have no effect on the app."""
from __future__ import annotations

from appcore.plugin import ReadOnlyState

__all__ = ["ReadOnlyState", "PlotlySelectionState", "PlotlyState"]


class PlotlySelectionState(ReadOnlyState):
    """``points``, ``point_indices``, ``box`` and ``lasso`` of a Plotly chart's selection."""


class PlotlyState(ReadOnlyState):
    """A Plotly chart's event state: ``selection`` (a ``PlotlySelectionState``)."""
