"""The selection objects st.plotly_chart returns, as Streamlit 1.67's (read-only dicts that
read as attributes: ``appcore.plugin.ReadOnlyState``)."""
from __future__ import annotations

from appcore.plugin import ReadOnlyState


class PlotlySelectionState(ReadOnlyState):
    """``points``, ``point_indices``, ``box`` and ``lasso`` of a Plotly chart's selection."""


class PlotlyState(ReadOnlyState):
    """A Plotly chart's event state: ``selection`` (a ``PlotlySelectionState``)."""
