"""The hostile tier: a seeded websocket fuzzer, an XSS corpus, file-route probes.

Its helpers (``wsfuzz``, ``xss_corpus``) are modules of this folder, importable by its
tests and by bench/fuzz.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
