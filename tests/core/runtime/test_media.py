"""The session's media store: one file per content, kept while an element shows it, let go
when the element leaves or is replaced, and gone with the session."""
from __future__ import annotations

from pathlib import Path

import pytest

from appcore.runtime.media import MediaIndex, MediaStore, sniff_mimetype
from appcore.testing import AppTest

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 24


def media_app(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\nfrom appcore.plugin import media_url\n" + body)


def test_the_same_bytes_drawn_twice_are_one_file_at_one_url():
    at = media_app("st.markdown(media_url(b'x' * 10, 'text/plain'))\nst.markdown(media_url(b'x' * 10, 'text/plain'))")
    at.run()
    first, second = (m.value for m in at.markdown)
    assert first == second and first.startswith("/_appcore/media/") and first.endswith(".txt")
    assert len(at.session.media) == 1 and at.session.media.bytes_held == 10


def test_a_url_is_returned_as_it_is_and_stores_nothing():
    at = media_app("st.markdown(media_url('https://example.com/a.png'))").run()
    assert at.markdown[0].value == "https://example.com/a.png" and len(at.session.media) == 0


def test_an_element_that_leaves_the_page_lets_its_file_go():
    at = media_app("""
show = st.checkbox("show", value=True)
if show:
    st.markdown(media_url(b"picture", "image/png"))
st.markdown(media_url(b"kept", "image/png"))
""").run()
    assert len(at.session.media) == 2
    at.checkbox[0].uncheck().run()
    (kept,) = at.markdown
    assert len(at.session.media) == 1 and at.session.media.get(kept.value.rpartition("/")[2]).data == b"kept"


def test_a_placeholder_redrawn_in_a_loop_holds_only_its_latest_frame():
    at = media_app("""
from appcore.plugin import current_run
slot = st.empty()
for frame in range(50):
    with slot:
        st.markdown(media_url(f"frame {frame}".encode(), "image/png"))
    st.session_state.held = max(st.session_state.get("held", 0), len(current_run().session.media))
""")
    at.run()
    assert at.session_state.held == 1 and len(at.session.media) == 1
    assert at.session.media.get(at.markdown[0].value.rpartition("/")[2]).data == b"frame 49"


def test_a_fragment_rerun_replaces_only_its_own_file():
    at = media_app("""
st.markdown(media_url(b"outside", "image/png"))
@st.fragment
def part():
    n = st.session_state.setdefault("n", 0)
    if st.button("next"):
        st.session_state.n = n = n + 1
    st.markdown(media_url(f"inside {n}".encode(), "image/png"))
part()
""").run()
    at.button[0].click().run()
    held = sorted(f.data for f in at.session.media._files.values())
    assert held == [b"inside 1", b"outside"]


def test_a_file_added_for_an_element_never_drawn_goes_when_the_run_ends():
    at = media_app("""
url = media_url(b"orphan", "image/png")
raise ValueError("before the element")
""").run()
    # The exception is drawn where the element would have been: it shows no file.
    assert at.exception[0].path == ("main", 0) and len(at.session.media) == 0


def test_the_session_ending_lets_every_file_go_and_its_urls_find_nothing():
    at = media_app("st.markdown(media_url(b'bytes', 'image/png'))").run()
    media_id = at.markdown[0].value.rpartition("/")[2]
    index = at.session.services.media
    assert index.find(media_id) is not None
    at.session.close()
    assert index.find(media_id) is None and len(at.session.media) == 0


def test_a_session_over_max_media_mb_is_told_which_setting_to_raise():
    store = MediaStore(MediaIndex(max_media_mb=1))
    store.add(b"a" * 700_000, "image/png", ("main", 0))
    with pytest.raises(Exception, match=r"more than \[server\] max_media_mb \(1 MB\) allows.*file path"):
        store.add(b"b" * 700_000, "image/png", ("main", 1))
    assert store.bytes_held == 700_000


def test_a_path_is_served_from_disk_and_not_counted_in_memory(tmp_path: Path):
    movie = tmp_path / "clip.mp4"
    movie.write_bytes(b"\0" * 5000)
    at = media_app(f"st.markdown(media_url({str(movie)!r}))").run()
    (file,) = at.session.media._files.values()
    assert file.path == movie and file.data is None and file.mimetype == "video/mp4"
    assert at.session.media.bytes_held == 0 and at.markdown[0].value.endswith(".mp4")


def test_a_missing_path_says_which_file():
    at = media_app("st.markdown(media_url('no/such/file.wav'))").run()
    assert "Error opening 'no/such/file.wav'" in at.exception[0].value


def test_urls_carry_the_apps_base_url_path():
    store = MediaStore(MediaIndex(prefix="/tools/"))
    assert store.add(b"x", "text/plain", ("main", 0)).startswith("/tools/_appcore/media/")


def test_another_sessions_token_finds_nothing():
    index = MediaIndex()
    mine, other = index.new_store(), index.new_store()
    url = mine.add(b"secret", "text/plain", ("main", 0), commit=True)
    media_id = url.rpartition("/")[2]
    assert index.find(media_id) is not None
    assert index.find(other.token + media_id[16:]) is None and index.find("../" + media_id) is None


@pytest.mark.parametrize(("head", "mime"), [
    (PNG, "image/png"), (b"\xff\xd8\xff\xe0", "image/jpeg"), (b"GIF89a", "image/gif"),
    (b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"), (b"RIFF\0\0\0\0WAVEfmt ", "audio/wav"), (b"ID3\x04", "audio/mpeg"),
    (b"OggS\0", "audio/ogg"), (b"\0\0\0\x18ftypmp42", "video/mp4"), (b"\x1a\x45\xdf\xa3", "video/webm"),
    (b"%PDF-1.7", "application/pdf"), (b"  <svg xmlns='x'>", "image/svg+xml"), (b"WEBVTT\n", "text/vtt"),
])
def test_the_type_is_read_from_the_first_bytes(head: bytes, mime: str):
    assert sniff_mimetype(head) == mime


def test_unknown_bytes_fall_back_to_the_name_and_then_to_nothing():
    assert sniff_mimetype(b"a,b\n", "table.csv") == "text/csv"
    assert sniff_mimetype(b"a,b\n") is None


def test_a_sessions_footprint_counts_its_media():
    at = media_app("st.markdown(media_url(b'z' * 300_000, 'image/png'))").run()
    assert at.session.footprint() >= 300_000


def test_an_image_drawn_by_a_cached_function_is_served_again_when_another_session_replays_it():
    source = """
import appcore as st
import numpy as np
@st.cache_data
def chart(n):
    noise = np.random.default_rng().integers(0, 255, (4, 4), dtype=np.uint8)  # other bytes at each call
    st.image(noise, caption=f"shade {n}", output_format="PNG")
    return n
chart(90)
"""
    first = AppTest.from_string(source, default_timeout=15).run()
    second = AppTest.from_string(source, default_timeout=15).run()   # a hit: drawn from the recording
    first_url, second_url = first.image[0].value[0], second.image[0].value[0]
    assert second.image[0].captions == ["shade 90"] and second_url != first_url
    mine = second.session.services.media.find(second_url.rpartition("/")[2])
    theirs = first.session.services.media.find(first_url.rpartition("/")[2])
    assert mine is not None and mine.data == theirs.data  # the same noise: the function did not run again
    first.session.close()
    assert second.session.services.media.find(second_url.rpartition("/")[2]) is not None
