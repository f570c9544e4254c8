"""st.map: points on a map, drawn in the page without a tile server.

The Python side sends what Streamlit 1.67 sends (a deck.gl JSON of one
ScatterplotLayer, its initial view fitted to the points); map.js draws the points in
Web Mercator at that view on a plain background with a graticule, so a map needs no
network. The difference (no streets, coasts or labels) is in docs/differences.md.
"""
from __future__ import annotations

import math
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, add_element, check_height, check_width

from ._builtin import css_color
from ._data import to_frame

LATITUDES = ("LAT", "LATITUDE", "lat", "latitude")
LONGITUDES = ("LON", "LONGITUDE", "lon", "longitude")
DEFAULT_SIZE = 100  # metres
SINGLE_POINT_ZOOM = 12
MAX_ZOOM = 20
COLOR_HELP = """

Colors must be in one of the following formats:

* Hex string with 3, 4, 6, or 8 digits. Example: `'#00ff00'`
* List or tuple with 3 or 4 components. Example: `[1.0, 0.5, 0, 0.2]`"""


def map(data: Any = None, *, latitude: str | None = None, longitude: str | None = None, color: Any = None,
        size: Any = None, zoom: int | None = None, width: Any = "stretch", height: Any = 500,
        use_container_width: bool | None = None, alt: str | None = None) -> Container:
    width = check_width(width)
    height = check_height(height)
    if use_container_width:
        width = "stretch"
    return add_element("map", {"spec": map_spec(data, latitude, longitude, color, size, zoom),
                               "width": width, "height": height, "alt": alt})


def map_spec(data: Any, latitude: str | None, longitude: str | None, color: Any, size: Any,
             zoom: int | None) -> dict[str, Any]:
    frame = to_frame(data)
    if len(frame.columns) == 0:
        return {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
    lat = _column(frame, latitude, LATITUDES, "latitude")
    lon = _column(frame, longitude, LONGITUDES, "longitude")
    keep = [lat, lon]
    fill: Any = "primary"
    if color is not None:
        if isinstance(color, str) and color in frame.columns:
            keep.append(color)
            fill = f"@@={color}"
        else:
            fill = _rgba(color)
    radius: Any = DEFAULT_SIZE
    if size is not None:
        if isinstance(size, str) and size in frame.columns:
            keep.append(size)
            radius = f"@@={size}"
        else:
            radius = size
    rows = frame[list(dict.fromkeys(keep))]
    for name in (lat, lon):
        if rows[name].isna().any():
            raise AppcoreAPIError(f"Column {name} is not allowed to contain null values, such as NaN, NaT, or None.")
    records = []
    for record in rows.to_dict("records"):
        point = {k: _plain(v) for k, v in record.items()}
        if isinstance(color, str) and color in point:
            point[color] = _rgba(point[color])
        records.append(point)
    lo_lat, hi_lat = float(rows[lat].min()), float(rows[lat].max())
    lo_lon, hi_lon = float(rows[lon].min()), float(rows[lon].max())
    view = {"latitude": (lo_lat + hi_lat) / 2, "longitude": (lo_lon + hi_lon) / 2, "pitch": 0,
            "zoom": zoom if zoom is not None else fitted_zoom(max(hi_lat - lo_lat, hi_lon - lo_lon))}
    layer = {"@@type": "ScatterplotLayer", "getPosition": f"@@=[{lon}, {lat}]", "getRadius": radius,
             "radiusMinPixels": 3, "radiusUnits": "meters", "getFillColor": fill, "data": records}
    return {"initialViewState": view, "layers": [layer]}


def fitted_zoom(span: float) -> int:
    """The closest zoom at which a tile of the world, 360° / 2**zoom wide, still spans the points."""
    if span <= 0:
        return SINGLE_POINT_ZOOM
    return max(0, min(MAX_ZOOM, math.floor(math.log2(360 / span))))


def _column(frame: Any, given: str | None, names: tuple[str, ...], what: str) -> str:
    if given is not None and given in frame.columns:
        return given
    for name in names:
        if name in frame.columns:
            return name
    listed = ", ".join(f"'{n}'" for n in names)
    existing = ", ".join(f"'{c}'" for c in frame.columns)
    raise AppcoreAPIError(f"Map data must contain a {what} column named: {listed}. Existing columns: {existing}")


def _rgba(value: Any) -> list[int]:
    """A colour as deck.gl's [r, g, b, a] of 0-255."""
    if isinstance(value, str) and css_color(value) is not None:
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        parts = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
        return parts + [255] if len(parts) == 3 else parts
    if isinstance(value, (list, tuple)) and len(value) in (3, 4) and all(
            isinstance(c, (int, float)) and not isinstance(c, bool) for c in value):
        floats = any(isinstance(c, float) for c in value)
        return [int(c * 255) if floats else int(c) for c in value]
    raise AppcoreAPIError(f"This does not look like a valid color: {value!r}.{COLOR_HELP}")


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value.item() if hasattr(value, "item") else value
