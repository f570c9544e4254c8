"""Bundled plugin: Streamlit's status elements.

``st.progress``, ``st.spinner``, ``st.skeleton``, ``st.status``, ``st.toast``, ``st.balloons`` and
``st.snow``, each a pair of files: ``<type>.py`` (the API function) and
``<type>.js`` (its renderer). AppTest reads them with Streamlit 1.67's node types.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .balloons import balloons
from .progress import progress
from .skeleton import SKELETON, SkeletonPlaceholder, skeleton
from .snow import snow
from .spinner import spinner
from .status_container import STATUS_TYPE, StatusContainer, status
from .toast import TOAST_ROOT, toast

HERE = Path(__file__).parent

__all__ = ["progress", "spinner", "skeleton", "SkeletonPlaceholder", "status", "StatusContainer", "toast", "balloons",
           "snow", "TOAST_ROOT"]


appcore_register_elements = contributes([
    ElementType("progress", HERE / "progress.js"),  # the node types are Streamlit's names already
    # A spinner is never an element: its module handles the "spinner" messages.
    ElementType("spinner", HERE / "spinner.js"),
    # Drawn standalone; inside a `with`, its module handles the "skeleton" messages.
    ElementType(SKELETON, HERE / "skeleton.js"),
    ElementType(STATUS_TYPE, HERE / "status_container.js", extra={"test_type": "status"}),
    ElementType("toast", HERE / "toast.js"),
    ElementType("balloons", HERE / "balloons.js"),
    ElementType("snow", HERE / "snow.js"),
])
appcore_register_api = contributes({"progress": progress, "spinner": spinner, "skeleton": skeleton, "status": status,
                                    "toast": toast, "balloons": balloons, "snow": snow})
