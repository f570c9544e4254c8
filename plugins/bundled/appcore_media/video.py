"""st.video: a player for a URL (a YouTube link plays in YouTube's embed), a file or bytes,
with subtitles (WebVTT, or SRT made WebVTT)."""
from __future__ import annotations

import re
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, StreamlitIncompatibleParametersError, WidthWithoutContent, \
    add_element, check_width

from ._av import is_url, media_times, player_props, source_url, subtitle_tracks

__all__ = ["video"]

# Any YouTube link (watch, embed, shorts link, oembed) and its video code.
_YOUTUBE = re.compile(
    r"^(?:https?:)?(?://)?(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:(?:watch)?\?(?:app=desktop&)?"
    r"(?:feature=\w*&)?v=|embed/|v/|e/|shorts/)|youtu\.be/)(?P<code>[\w\-]{10,20})")


def youtube_embed(url: str) -> str | None:
    match = _YOUTUBE.match(url.strip())
    return f"https://www.youtube.com/embed/{match.group('code')}" if match else None


def video(data: Any, format: str = "video/mp4", start_time: Any = 0, *, subtitles: Any = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, muted: bool = False,
          alt: str | None = None, width: WidthWithoutContent = "stretch") -> Container:
    """Display a video player."""
    start, end = media_times(start_time, end_time)
    width = check_width(width)
    if start < 0 or (end is not None and end <= start):
        raise AppcoreAPIError("Invalid start_time and end_time combination.")
    embed = youtube_embed(str(data)) if isinstance(data, str) and is_url(data) else None
    if embed is not None and subtitles:
        raise StreamlitIncompatibleParametersError("subtitles", "data=<YouTube URL>",
                                                   explanation="Subtitles are not supported for YouTube videos.")
    url = embed or source_url(data, format)
    props = player_props(url, format, start, end, loop, autoplay, alt, width)
    props.update(muted=bool(muted), youtube=embed is not None, subtitles=subtitle_tracks(subtitles))
    return add_element("video", props)
