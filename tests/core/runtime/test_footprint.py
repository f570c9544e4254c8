"""The estimate behind [server] disconnected_sessions_mb: big values count, it stays cheap."""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from appcore.runtime.footprint import approximate_size

MB = 1024 * 1024


def test_buffers_arrays_and_frames_count_their_data() -> None:
    assert MB <= approximate_size({"upload": bytes(MB)}) < MB + 4096
    assert approximate_size([np.zeros(MB // 8)]) >= MB
    assert approximate_size({"frame": pd.DataFrame({"a": np.zeros(MB // 8)})}) >= MB
    assert approximate_size(["x" * MB]) >= MB


def test_objects_count_their_attributes_and_shared_values_count_once() -> None:
    class Holder:
        def __init__(self) -> None:
            self.data = bytes(MB)

    shared = bytes(MB)
    assert approximate_size(Holder()) >= MB
    assert approximate_size([shared, shared, {"again": shared}]) < 2 * MB


def test_a_cycle_or_a_huge_container_ends_quickly() -> None:
    cycle: dict = {}
    cycle["self"] = cycle
    assert approximate_size(cycle) > 0
    many = [[i] for i in range(1_000_000)]
    counted = approximate_size(many, max_objects=1_000)
    # The list's own pointers, and no more than the first thousand objects' own sizes.
    assert sys.getsizeof(many) <= counted < sys.getsizeof(many) + 1_000 * 200
