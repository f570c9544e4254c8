"""st.audio: a player for a URL, a file, bytes, or a NumPy array (made a 16-bit WAV)."""
from __future__ import annotations

import io
import logging
from typing import Any

from appcore.plugin import AppcoreAPIError, Container, StreamlitMissingRequiredParameterError, WidthWithoutContent, \
    add_element, check_width

from ._av import media_times, player_props, source_url
from ._images import is_array

__all__ = ["audio"]
log = logging.getLogger("appcore.media")


def _wav(data: Any, sample_rate: int) -> bytes:
    """A NumPy array as a 16-bit WAV at its full loudness; a 2D array's rows are channels."""
    import wave

    import numpy as np

    samples = np.array(data, dtype=float)
    if samples.ndim == 1:
        channels = 1
    elif samples.ndim == 2:
        channels = samples.shape[0]
        samples = samples.T.ravel()  # WAV interleaves channels: L1 R1 L2 R2 ...
    else:
        raise AppcoreAPIError("Numpy array audio input must be a 1D or 2D array.")
    if samples.size:
        peak = np.max(np.abs(samples))
        samples = samples / peak * 32767 if peak else samples
    with io.BytesIO() as buffer:
        with wave.open(buffer, mode="wb") as out:
            out.setnchannels(channels)
            out.setframerate(sample_rate)
            out.setsampwidth(2)
            out.writeframes(samples.astype(np.int16).tobytes())
        return buffer.getvalue()


def audio(data: Any, format: str = "audio/wav", start_time: Any = 0, *, sample_rate: int | None = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, alt: str | None = None,
          width: WidthWithoutContent = "stretch") -> Container:
    """Display an audio player."""
    start, end = media_times(start_time, end_time)
    width = check_width(width)
    if is_array(data):
        if sample_rate is None:
            raise StreamlitMissingRequiredParameterError(
                "sample_rate", detail="Must be specified when `data` is a numpy array.")
        data = _wav(data, sample_rate)
    elif sample_rate is not None:
        log.warning("`sample_rate` will be ignored since data is not a numpy array.")
    url = source_url(data, format)
    props = player_props(url, format, start, end, loop, autoplay, alt, width)
    return add_element("audio", props)

