"""The selection objects st.plotly_chart and st.pydeck_chart return, as Streamlit 1.67's (read-only dicts that
read as attributes: ``appcore.plugin.ReadOnlyState``)."""
from __future__ import annotations

from appcore.plugin import ReadOnlyState


class PlotlySelectionState(ReadOnlyState):
    """``points``, ``point_indices``, ``box`` and ``lasso`` of a Plotly chart's selection."""


class PlotlyState(ReadOnlyState):
    """A Plotly chart's event state: ``selection`` (a ``PlotlySelectionState``)."""


class PydeckSelectionState(ReadOnlyState):
    """``indices`` and ``objects`` of a pydeck chart's selection, each by layer id."""


class PydeckState(ReadOnlyState):
    """A pydeck chart's event state: ``selection`` (a ``PydeckSelectionState``)."""
