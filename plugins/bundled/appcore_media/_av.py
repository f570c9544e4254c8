"""What st.audio and st.video share: their times, their data and its URL, subtitles,
as Streamlit 1.67 reads them."""
from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from appcore.plugin import (
    AppcoreAPIError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    duration_seconds,
    media_url,
)

from ._images import is_array, normalize_alt

TIME_ERROR = ("Failed to convert '{name}' to a timedelta. Please use a string in a format supported by "
              "[Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), "
              'e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}')
_STATIC = re.compile(r"^/?app/static/.+")
_SRT_TIMING = re.compile(r"\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}")
_SRT_COMMA = re.compile(r"(\d{2}:\d{2}:\d{2}),(\d{3})")
DATA_TYPES = ["str", "bytes", "Path", "BytesIO", "file-like", "ndarray"]


def media_times(start_time: Any, end_time: Any) -> tuple[int, int | None]:
    """Whole seconds, as Streamlit keeps them: a number, a timedelta or "1min 30s"."""
    try:
        start = duration_seconds(start_time)
        if start is None:
            raise ValueError
        start = int(start)
    except (AppcoreAPIError, ValueError, TypeError):
        raise AppcoreAPIError(TIME_ERROR.format(name="start_time", value=start_time)) from None
    try:
        end = duration_seconds(end_time)
        end = None if end is None else int(end)
    except (AppcoreAPIError, ValueError, TypeError):
        raise AppcoreAPIError(TIME_ERROR.format(name="end_time", value=end_time)) from None
    return start, end


def is_url(data: Any) -> bool:
    return (isinstance(data, str) and not os.path.isfile(data)
            and bool(re.match(r"(?i)(https?|data):", data) or _STATIC.match(data)))


def source_url(data: Any, mimetype: str) -> str | None:
    """The URL the player loads: a URL as given, else the data served from the session's
    media (a path from disk); None for no data (an empty player)."""
    if data is None:
        return None
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str):
        return data if is_url(data) else media_url(data, mimetype)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return media_url(bytes(data), mimetype)
    if isinstance(data, io.BytesIO):
        return media_url(data.getvalue(), mimetype)
    if isinstance(data, (io.RawIOBase, io.BufferedReader)):
        data.seek(0)
        read = data.read()
        return None if read is None else media_url(read, mimetype)
    if is_array(data):
        return media_url(data.tobytes(), mimetype)
    raise StreamlitInvalidParameterTypeError("data", type(data).__name__, DATA_TYPES)


def player_props(url: str | None, mimetype: str, start: int, end: int | None, loop: bool, autoplay: bool,
                 alt: str | None, width: Any) -> dict[str, Any]:
    return {"url": url, "format": mimetype, "start_time": start, "end_time": end, "loop": bool(loop),
            "autoplay": bool(autoplay), "alt": normalize_alt(alt), "width": width}


# -- subtitles ----------------------------------------------------------------------------


def _is_srt(text: bytes) -> bool:
    try:
        lines = text[:33].decode("utf-8").strip().split("\n")
    except UnicodeDecodeError:
        return False
    return len(lines) >= 2 and lines[0].isdigit() and bool(_SRT_TIMING.search(lines[1]))


def _srt_to_vtt(data: bytes) -> bytes:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise AppcoreAPIError("Could not decode the input stream as UTF-8.") from None
    return ("WEBVTT\n\n" + _SRT_COMMA.sub(r"\1.\2", text)).strip().encode("utf-8")


def _vtt(data: Any) -> bytes:
    if isinstance(data, (str, Path)):
        if os.path.isfile(data):
            suffix = Path(data).suffix.lower()
            if suffix not in (".srt", ".vtt"):
                raise StreamlitValueError("subtitles", [".srt", ".vtt"], detail=f"Got {suffix}.")
            content = Path(data).read_bytes()
            return _srt_to_vtt(content) if suffix == ".srt" else content
        if isinstance(data, Path):
            raise AppcoreAPIError(f"File {data} does not exist.")
        text = data.strip()
        if text.startswith("WEBVTT") or text == "":
            return text.encode("utf-8")
        if _is_srt(text.encode("utf-8")):
            return _srt_to_vtt(text.encode("utf-8"))
        raise StreamlitValueError("subtitles", ["VTT-formatted text", "SRT-formatted text"])
    if isinstance(data, io.BytesIO):
        data = data.getvalue()
    if isinstance(data, bytes):
        return _srt_to_vtt(data) if _is_srt(data) else data
    raise StreamlitInvalidParameterTypeError("subtitles", type(data).__name__, ["str", "bytes", "Path", "BytesIO"])


def subtitle_tracks(subtitles: Any) -> list[dict[str, str]]:
    """``[{label, url}]``: one track, or one per label of a dict; SRT becomes WebVTT."""
    if not subtitles:
        return []
    if isinstance(subtitles, (str, bytes, io.BytesIO, Path)):
        items = [("default", subtitles)]
    elif isinstance(subtitles, dict):
        items = list(subtitles.items())
    else:
        raise StreamlitInvalidParameterTypeError("subtitles", type(subtitles).__name__,
                                                 ["str", "bytes", "BytesIO", "Path", "dict"])
    tracks = []
    for label, data in items:
        try:
            url = media_url(_vtt(data), "text/vtt")
        except (TypeError, ValueError, AppcoreAPIError) as error:
            raise AppcoreAPIError(f"Failed to process the provided subtitle {label!r}: {error}") from error
        tracks.append({"label": label or "", "url": url})
    return tracks
