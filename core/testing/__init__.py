"""``AppTest``: run an app headless, with Streamlit 1.67's AppTest API.

``from appcore.testing.v1 import AppTest`` is the path a ported Streamlit test
uses (``from streamlit.testing.v1 import AppTest``); this package holds the
same objects. AppTest drives the same ``Session`` code a browser drives,
through a fake browser that keeps the element tree from the deltas, so it
behaves as the browser does: a click inside a fragment reruns only that
fragment, a value typed into a form waits for the submit.
"""
from __future__ import annotations

from .app_test import AppTest, FakeBrowser
from .element_tree import AppTestError, Block, Element, ElementList, Node, WidgetList, BlockList, Widget

__all__ = ["AppTest", "AppTestError", "FakeBrowser", "Node", "Element", "Widget", "Block", "ElementList",
           "WidgetList", "BlockList"]
