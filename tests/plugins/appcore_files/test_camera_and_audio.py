"""st.camera_input and st.audio_input: one file each (a JPEG photo, a WAV recording),
uploaded like any file. Expected values and messages compared with Streamlit 1.67's
AppTest on the same scripts."""
from __future__ import annotations

import pytest

from appcore.plugin import UploadedFile, UploadRefused
from appcore.testing import AppTest
from appcore.testing.element_tree import AppTestError, AudioInput, CameraInput
from tests.helpers import run, texts

CAMERA = """
photo = st.camera_input("Smile", key="photo")
st.markdown(f"{photo.name} {photo.type} {photo.size}" if photo else "no photo")
"""

AUDIO = """
clip = st.audio_input("Speak", key="clip")
st.markdown(f"{clip.name} {clip.type} {clip.size}" if clip else "silence")
"""
APPS = {"camera_input": CAMERA, "audio_input": AUDIO}


@pytest.mark.parametrize("kind, node, file, shown, empty", [
    ("camera_input", CameraInput, ("shot.jpg", b"\xff\xd8\xff"), "shot.jpg image/jpeg 3", "no photo"),
    ("audio_input", AudioInput, ("clip.wav", b"RIFF....WAVE"), "clip.wav audio/wav 12", "silence"),
])
def test_a_photo_or_recording_is_an_uploaded_file_and_clearing_it_gives_none(kind, node, file, shown, empty) -> None:
    at = run(APPS[kind])
    widget = getattr(at, kind)[0]
    assert isinstance(widget, node) and widget.type == kind
    assert (widget.value, texts(at)) == (None, [empty])
    widget.upload(*file).run()
    assert texts(at) == [shown]
    assert isinstance(getattr(at, kind)[0].value, UploadedFile)
    getattr(at, kind)[0].clear().run()
    assert (getattr(at, kind)[0].value, texts(at)) == (None, [empty])
    assert len(at.session.uploads) == 0


@pytest.mark.parametrize("kind, file, message", [
    ("camera_input", ("a.png", b"x", "image/jpeg"), "st.camera_input only captures .jpg files. Got filename 'a.png'."),
    ("camera_input", ("a.jpg", b"x", "image/png"), "st.camera_input photos use MIME type 'image/jpeg'. Got 'image/png'."),
    ("camera_input", [("a.jpg", b"x", "image/jpeg")], "st.camera_input captures one photo. A list is not accepted."),
    ("camera_input", "a.jpg", "st.camera_input captures one photo. Pass one (filename, content, mime_type) tuple "
                              "whose content is bytes, or None to clear. Got str."),
    ("audio_input", ("a.mp3", b"x", "audio/wav"), "st.audio_input only records .wav files. Got filename 'a.mp3'."),
    ("audio_input", ("a.wav", b"x", "audio/mp3"), "st.audio_input recordings use MIME type 'audio/wav'. Got 'audio/mp3'."),
    ("audio_input", [("a.wav", b"x", "audio/wav")], "st.audio_input records one recording. A list is not accepted."),
])
def test_the_camera_takes_only_a_jpeg_and_the_microphone_only_a_wav(kind, file: object, message: str) -> None:
    at = run(APPS[kind])
    with pytest.raises(AppTestError) as refused:
        getattr(at, kind)[0].set_value(file)
    assert str(refused.value) == message


def test_a_new_photo_replaces_the_last() -> None:
    at = run(CAMERA)
    at.camera_input[0].upload("one.jpg", b"1").run()
    at.camera_input[0].set_value(("two.jpg", b"22", "Image/JPEG")).run()
    assert texts(at) == ["two.jpg image/jpeg 2"]
    assert [r.name for r in at.session.uploads.files_of(at.camera_input[0].id)] == ["two.jpg"]


def test_camera_resolution_is_checked_and_read_back() -> None:
    at = run(CAMERA)
    assert (at.camera_input[0].resolution, at.camera_input[0].label) == (None, "Smile")
    at = run('st.camera_input("C", resolution="720p", help="h", label_visibility="collapsed")')
    assert (at.camera_input[0].resolution, at.camera_input[0].help) == ("720p", "h")
    assert at.camera_input[0].props["resolution_height"] == 720
    at = run('st.camera_input("C", resolution="4k")')
    assert at.exception[0].message == "Invalid `resolution` value. Supported values: '480p', '720p', '1080p', None."


def test_a_disabled_camera_takes_no_photo() -> None:
    at = run('st.camera_input("C", disabled=True)')
    with pytest.raises(AppTestError, match="Cannot update a disabled camera_input widget"):
        at.camera_input[0].upload("a.jpg", b"1")


def test_the_camera_refuses_another_file_type_on_the_server_too() -> None:
    at = run(CAMERA)
    with pytest.raises(UploadRefused, match="Invalid file extension"):
        at.session.uploads.put(at.camera_input[0].id, "payload.exe", b"MZ", "image/jpeg")


def test_sample_rate_is_checked_and_read_back() -> None:
    assert run(AUDIO).audio_input[0].sample_rate == 16000
    at = run('st.audio_input("A", sample_rate=None)\nst.audio_input("B", sample_rate=48000)')
    assert [a.sample_rate for a in at.audio_input] == [None, 48000]
    at = run('st.audio_input("A", sample_rate=1)')
    assert at.exception[0].message == ("Invalid `sample_rate` value. Supported values: 8000, 11025, 16000, 22050, "
                                       "24000, 32000, 44100, 48000, None.")


def test_photos_and_recordings_cannot_be_set_through_session_state() -> None:
    for call in ('st.camera_input("C", key="k")', 'st.audio_input("A", key="k")'):
        at = run(f"st.session_state.k = 1\n{call}")
        assert "`st.session_state['k']` is read-only" in at.exception[0].message
