"""appcore-sparkle: ``st.sparkle(text, *, count=3)``."""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .sparkle import sparkle

HERE = Path(__file__).parent


appcore_register_elements = contributes([ElementType("sparkle", HERE / "sparkle.js")])
appcore_register_api = contributes({"sparkle": sparkle})
