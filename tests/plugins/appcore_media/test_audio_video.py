"""st.audio and st.video as Streamlit 1.67 takes them: data of every kind served from the
session's media, times, NumPy audio made a WAV, YouTube links, subtitles, and 1.67's errors."""
from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from appcore.testing import AppTest
from appcore.testing.element_tree import UnknownElement
from tests.helpers import width_error

from . import conftest
from .conftest import TIMEOUT, served


def media_app(body: str) -> AppTest:
    return conftest.media_app(body, "import appcore as st\nimport numpy as np\n")


def test_audio_bytes_are_served_with_the_format_given_and_the_times_read_as_streamlit():
    at = media_app("st.audio(b'ID3 not really', format='audio/mpeg', start_time=2.7, end_time='1min', loop=True, "
                   "alt=' Theme tune ')")
    (node,) = at.get("audio")
    assert node.type == "audio" and isinstance(node, UnknownElement)
    p = node.props
    assert (p["start_time"], p["end_time"], p["loop"], p["autoplay"], p["alt"], p["width"]) == \
        (2, 60, True, False, "Theme tune", "stretch")
    file = served(at, p["url"])
    assert file.mimetype == "audio/mpeg" and file.data == b"ID3 not really" and p["url"].endswith(".mp3")


def test_a_numpy_array_becomes_a_16_bit_wav_at_full_loudness():
    at = media_app("t = np.linspace(0, 1, 800)\nst.audio(np.array([np.sin(t * 440), np.cos(t * 440)]) * 0.1, "
                   "sample_rate=8000)")
    data = served(at, at.get("audio")[0].props["url"]).data
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getframerate(), wav.getsampwidth(), wav.getnframes()) == (2, 8000, 2, 800)
        import numpy as np

        samples = np.frombuffer(wav.readframes(800), dtype=np.int16)
    assert np.max(np.abs(samples)) == 32767  # scaled to the peak, as Streamlit does


def test_a_path_plays_from_disk_and_a_url_or_nothing_plays_as_given(tmp_path: Path):
    song = tmp_path / "song.ogg"
    song.write_bytes(b"OggS" + bytes(100))
    at = media_app(f"st.audio({str(song)!r}, format='audio/ogg')\nst.audio('https://example.com/a.mp3')\n"
                   "st.audio(None)")
    local, remote, empty = (node.props["url"] for node in at.get("audio"))
    assert served(at, local).path == song and remote == "https://example.com/a.mp3" and empty is None


def test_another_sound_at_the_same_place_lets_the_last_one_go():
    at = AppTest.from_string("""
        import appcore as st
        n = st.number_input("n", 0, 9, 0)
        st.audio(bytes([n]) * 100)
    """, default_timeout=TIMEOUT).run()
    first = at.get("audio")[0].props["url"]
    at.number_input[0].set_value(3).run()
    assert at.get("audio")[0].props["url"] != first and len(at.session.media) == 1


def test_video_props_and_a_youtube_link_played_in_its_embed():
    at = media_app("st.video(b'\\x1a\\x45\\xdf\\xa3', format='video/webm', start_time='5s', end_time=9, muted=True, "
                   "autoplay=True, width=320)\nst.video('https://youtu.be/dQw4w9WgXcQ', start_time=30)")
    mine, tube = at.get("video")
    assert (mine.props["start_time"], mine.props["end_time"], mine.props["muted"], mine.props["autoplay"],
            mine.props["width"], mine.props["youtube"]) == (5, 9, True, True, 320, False)
    assert served(at, mine.props["url"]).mimetype == "video/webm"
    assert tube.props["url"] == "https://www.youtube.com/embed/dQw4w9WgXcQ" and tube.props["youtube"] is True


def test_subtitles_are_served_as_webvtt_and_srt_is_converted(tmp_path: Path):
    srt = tmp_path / "fr.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nBonjour\n", encoding="utf-8")
    at = media_app(f"st.video(b'movie', subtitles={{'English': 'WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHello', "
                   f"'Français': {str(srt)!r}}})\n"
                   "st.video(b'movie', subtitles='1\\n00:00:01,000 --> 00:00:02,000\\nHi there')")
    both, single = at.get("video")
    labels = [track["label"] for track in both.props["subtitles"]]
    assert labels == ["English", "Français"]
    english, french = (served(at, track["url"]) for track in both.props["subtitles"])
    assert english.mimetype == "text/vtt" and english.data.startswith(b"WEBVTT")
    assert french.data == b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nBonjour"
    (track,) = single.props["subtitles"]
    assert track["label"] == "default" and served(at, track["url"]).data.startswith(b"WEBVTT\n\n1\n00:00:01.000")


@pytest.mark.parametrize(("call", "message"), [
    ("st.audio(b'x', start_time='soon')",
     "Failed to convert 'start_time' to a timedelta. Please use a string in a format supported by [Pandas Timedelta "
     "constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), e.g. `\"10s\"`, "
     "`\"15 seconds\"`, or `\"1h23s\"`. Got: soon"),
    ("st.audio(b'x', start_time=None)", "Failed to convert 'start_time' to a timedelta."),
    ("st.audio(b'x', end_time='later')", "Failed to convert 'end_time' to a timedelta."),
    ("st.video(b'x', start_time=-1)", "Invalid start_time and end_time combination."),
    ("st.video(b'x', start_time=5, end_time=2)", "Invalid start_time and end_time combination."),
    ("st.audio(np.zeros(10))",
     "The `sample_rate` parameter is required. Must be specified when `data` is a numpy array."),
    ("st.audio(np.zeros((2, 2, 2)), sample_rate=8000)", "Numpy array audio input must be a 1D or 2D array."),
    ("st.audio(12)", "Invalid `data` type. Expected one of: str, bytes, Path, BytesIO, file-like, ndarray. "
                     "Provided type: int."),
    ("st.video(12)", "Invalid `data` type. Expected one of: str, bytes, Path, BytesIO, file-like, ndarray. "
                     "Provided type: int."),
    ("st.video('https://youtu.be/dQw4w9WgXcQ', subtitles='WEBVTT')",
     "`subtitles` and `data=<YouTube URL>` cannot be used together. Subtitles are not supported for YouTube videos."),
    ("st.video(b'x', subtitles='hello')",
     "Failed to process the provided subtitle 'default': Invalid `subtitles` value. Supported values: "
     "VTT-formatted text, SRT-formatted text."),
    ("st.video(b'x', subtitles=12)",
     "Invalid `subtitles` type. Expected one of: str, bytes, BytesIO, Path, dict. Provided type: int."),
    ("import pathlib\nst.video(b'x', subtitles=pathlib.Path('nope.vtt'))",
     "Failed to process the provided subtitle 'default': File nope.vtt does not exist."),
    ("st.audio(b'x', width='content')", width_error("content", content=False)),
    ("st.video('nope.mp4')", "Error opening 'nope.mp4'"),
])
def test_what_streamlit_refuses_is_refused_with_its_message(call: str, message: str):
    at = media_app(call)
    assert at.exception and message in at.exception[0].value
