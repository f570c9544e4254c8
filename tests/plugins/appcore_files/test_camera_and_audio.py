"""st.camera_input and st.audio_input: one file each (a JPEG photo, a WAV recording),
uploaded like any file. Expected values and messages compared with Streamlit 1.67's
AppTest on the same scripts."""
from __future__ import annotations

import textwrap

import pytest

from appcore.plugin import UploadedFile, UploadRefused
from appcore.testing import AppTest
from appcore.testing.element_tree import AppTestError, AudioInput, CameraInput


def run(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\n" + textwrap.dedent(body)).run()


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


CAMERA = """
photo = st.camera_input("Smile", key="photo")
st.markdown(f"{photo.name} {photo.type} {photo.size}" if photo else "no photo")
"""


def test_a_photo_is_an_uploaded_jpeg_and_clearing_it_gives_none() -> None:
    at = run(CAMERA)
    camera = at.camera_input[0]
    assert isinstance(camera, CameraInput) and camera.type == "camera_input"
    assert (camera.value, camera.resolution, camera.label, texts(at)) == (None, None, "Smile", ["no photo"])
    camera.upload("shot.jpg", b"\xff\xd8\xff").run()
    assert texts(at) == ["shot.jpg image/jpeg 3"]
    assert isinstance(at.camera_input[0].value, UploadedFile)
    at.camera_input[0].clear().run()
    assert (at.camera_input[0].value, texts(at)) == (None, ["no photo"])
    assert len(at.session.uploads) == 0


def test_a_new_photo_replaces_the_last() -> None:
    at = run(CAMERA)
    at.camera_input[0].upload("one.jpg", b"1").run()
    at.camera_input[0].set_value(("two.jpg", b"22", "Image/JPEG")).run()
    assert texts(at) == ["two.jpg image/jpeg 2"]
    assert [r.name for r in at.session.uploads.files_of(at.camera_input[0].id)] == ["two.jpg"]


@pytest.mark.parametrize("file, message", [
    (("a.png", b"x", "image/jpeg"), "st.camera_input only captures .jpg files. Got filename 'a.png'."),
    (("a.jpg", b"x", "image/png"), "st.camera_input photos use MIME type 'image/jpeg'. Got 'image/png'."),
    ([("a.jpg", b"x", "image/jpeg")], "st.camera_input captures one photo. A list is not accepted."),
    ("a.jpg", "st.camera_input captures one photo. Pass one (filename, content, mime_type) tuple whose content is "
              "bytes, or None to clear. Got str."),
])
def test_the_camera_takes_only_what_a_camera_makes(file: object, message: str) -> None:
    at = run(CAMERA)
    with pytest.raises(AppTestError) as refused:
        at.camera_input[0].set_value(file)
    assert str(refused.value) == message


def test_camera_resolution_is_checked_and_read_back() -> None:
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


AUDIO = """
clip = st.audio_input("Speak", key="clip")
st.markdown(f"{clip.name} {clip.type} {clip.size}" if clip else "silence")
"""


def test_a_recording_is_an_uploaded_wav() -> None:
    at = run(AUDIO)
    mic = at.audio_input[0]
    assert isinstance(mic, AudioInput) and mic.type == "audio_input"
    assert (mic.value, mic.sample_rate, texts(at)) == (None, 16000, ["silence"])
    mic.upload("clip.wav", b"RIFF....WAVE").run()
    assert texts(at) == ["clip.wav audio/wav 12"]
    at.audio_input[0].clear().run()
    assert texts(at) == ["silence"]


def test_sample_rate_is_checked_and_read_back() -> None:
    at = run('st.audio_input("A", sample_rate=None)\nst.audio_input("B", sample_rate=48000)')
    assert [a.sample_rate for a in at.audio_input] == [None, 48000]
    at = run('st.audio_input("A", sample_rate=1)')
    assert at.exception[0].message == ("Invalid `sample_rate` value. Supported values: 8000, 11025, 16000, 22050, "
                                       "24000, 32000, 44100, 48000, None.")


@pytest.mark.parametrize("file, message", [
    (("a.mp3", b"x", "audio/wav"), "st.audio_input only records .wav files. Got filename 'a.mp3'."),
    (("a.wav", b"x", "audio/mp3"), "st.audio_input recordings use MIME type 'audio/wav'. Got 'audio/mp3'."),
    ([("a.wav", b"x", "audio/wav")], "st.audio_input records one recording. A list is not accepted."),
])
def test_the_microphone_takes_only_a_wav(file: object, message: str) -> None:
    at = run(AUDIO)
    with pytest.raises(AppTestError) as refused:
        at.audio_input[0].set_value(file)
    assert str(refused.value) == message


def test_photos_and_recordings_cannot_be_set_through_session_state() -> None:
    for call in ('st.camera_input("C", key="k")', 'st.audio_input("A", key="k")'):
        at = run(f"st.session_state.k = 1\n{call}")
        assert "`st.session_state['k']` is read-only" in at.exception[0].message
