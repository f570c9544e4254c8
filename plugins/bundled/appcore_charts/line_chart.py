"""st.line_chart: one line per column (or per value of `color`), nearest point shown under the pointer."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from appcore.plugin import Container

from ._builtin import chart_spec
from ._data import encode_dataset
from .vega_lite_chart import draw_chart, sizes


def line_chart(data: Any = None, *, x: str | None = None, y: str | Sequence[str] | None = None,
               x_label: str | None = None, y_label: str | None = None, color: Any = None, width: Any = "stretch",
               height: Any = "content", use_container_width: bool | None = None, alt: str | None = None) -> Container:
    return builtin_chart("line", **locals())


def builtin_chart(kind: str, data: Any, *, width: Any, height: Any, use_container_width: bool | None,
                  alt: str | None, **options: Any) -> Container:
    """Draw one of the four built-in charts (their functions differ only in their options, and
    pass them all as keywords: `**locals()`)."""
    width, height = sizes(width, height, use_container_width)
    spec, frame, layer_frames = chart_spec(kind, data, width=width, height=height, **options)
    datasets = [encode_dataset(frame)]
    spec["data"] = {"name": datasets[0]["name"]}
    for index, layer_frame in layer_frames.items():
        datasets.append(encode_dataset(layer_frame))
        spec["layer"][index]["data"] = {"name": datasets[-1]["name"]}
    return draw_chart(f"{kind}_chart", spec, datasets, width=width, height=height, alt=alt)
