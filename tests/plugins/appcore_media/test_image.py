"""st.image as Streamlit 1.67 draws it: what it takes, what the page loads, its captions,
widths and errors (each message checked against Streamlit 1.67.0's)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from appcore.testing import AppTest

from .conftest import TIMEOUT, media_app, served


def image_app(body: str) -> AppTest:
    return media_app(body, "import appcore as st\nimport numpy as np\nfrom PIL import Image\n")


def pixels(at: AppTest, url: str) -> Image.Image:
    return Image.open(io.BytesIO(served(at, url).data))


def test_an_array_is_served_as_a_jpeg_with_its_caption():
    at = image_app("st.image(np.zeros((4, 6, 3), dtype=np.uint8), caption='A **dark** field')")
    (node,) = at.image
    assert node.type == "image" and type(node).__name__ == "Image" and at.get("image") == [node]
    assert node.captions == ["A **dark** field"]
    assert served(at, node.value[0]).mimetype == "image/jpeg" and pixels(at, node.value[0]).size == (6, 4)
    assert node.props["images"][0]["caption_html"] == "A <strong>dark</strong> field"


def test_a_list_draws_one_element_of_several_images_with_their_captions_and_alts():
    at = image_app("st.image([np.zeros((2, 2)), np.ones((3, 3))], caption=['a', 'b'], alt=['Black', ''])")
    (node,) = at.image
    assert len(node.value) == 2 and node.captions == ["a", "b"]
    assert [entry.get("alt") for entry in node.props["images"]] == ["Black", ""]


def test_a_4d_array_is_a_list_of_images():
    at = image_app("st.image(np.zeros((3, 2, 2, 3), dtype=np.uint8))")
    assert len(at.image[0].value) == 3 and at.image[0].captions == ["", "", ""]


def test_transparency_is_kept_as_png_and_output_format_is_obeyed():
    at = image_app("st.image(Image.new('RGBA', (5, 5)))\nst.image(np.zeros((5, 5, 3), dtype=np.uint8), output_format='PNG')")
    assert [served(at, node.value[0]).mimetype for node in at.image] == ["image/png", "image/png"]


def test_bgr_channels_are_swapped_to_rgb():
    at = image_app("a = np.zeros((2, 2, 3), dtype=np.uint8); a[:, :, 0] = 255\nst.image(a, channels='BGR', output_format='PNG')")
    assert pixels(at, at.image[0].value[0]).convert("RGB").getpixel((0, 0)) == (0, 0, 255)


def test_floats_are_fractions_of_full_brightness_and_clamp_cuts_what_is_outside():
    at = image_app("st.image(np.full((2, 2), 0.5), output_format='PNG')\n"
                   "st.image(np.full((2, 2), 900), clamp=True, output_format='PNG')")
    half, full = (pixels(at, node.value[0]).getpixel((0, 0)) for node in at.image)
    assert half == 127 and full == 255


def test_an_image_wider_than_it_is_drawn_is_scaled_down_before_it_is_sent():
    at = image_app("st.image(np.zeros((100, 400, 3), dtype=np.uint8), width=200)\n"
                   "st.image(np.zeros((10, 3000, 3), dtype=np.uint8))")
    narrow, wide = (pixels(at, node.value[0]).size for node in at.image)
    assert narrow == (200, 50) and wide == (1460, 4)
    assert at.image[0].props["width"] == 200


def test_a_url_stays_a_url_and_an_svg_string_becomes_a_data_url():
    at = image_app("st.image('https://example.com/cat.png')\nst.image('<svg width=\"4\" height=\"4\"></svg>')")
    url, svg = (node.value[0] for node in at.image)
    assert url == "https://example.com/cat.png" and svg.startswith("data:image/svg+xml;base64,")
    import base64

    assert b'xmlns="http://www.w3.org/2000/svg"' in base64.b64decode(svg.partition(",")[2])
    assert len(at.session.media) == 0


def test_a_file_path_is_read_and_served(tmp_path: Path):
    picture = tmp_path / "dot.png"
    Image.new("RGB", (3, 3), "red").save(picture)
    at = image_app(f"st.image({str(picture)!r})\nimport pathlib\nst.image(pathlib.Path({str(picture)!r}))")
    first, second = (node.value[0] for node in at.image)
    assert first == second and served(at, first).mimetype == "image/jpeg"


def test_a_link_makes_one_image_clickable():
    at = image_app("st.image(np.zeros((2, 2)), link='https://streamlit.io')")
    assert at.image[0].props["link"] == "https://streamlit.io"


def test_use_container_width_stretches_and_use_column_width_warns_in_the_page():
    at = image_app("st.image(np.zeros((2, 2)), use_container_width=True)\n"
                   "st.image(np.zeros((2, 2)), width=30, use_container_width=False)\n"
                   "st.image(np.zeros((2, 2)), use_column_width=True)")
    assert [node.props["width"] for node in at.image] == ["stretch", 30, "content"]
    assert at.warning[0].value.startswith("`use_column_width` was removed and has no effect.")


def test_redrawing_another_image_at_its_place_lets_the_old_one_go():
    at = AppTest.from_string("""
        import appcore as st
        import numpy as np
        shade = st.slider("shade", 0, 255, 0)
        st.image(np.full((8, 8), shade, dtype=np.uint8))
    """, default_timeout=TIMEOUT).run()
    before = at.image[0].value[0]
    at.slider[0].set_value(200).run()
    assert at.image[0].value[0] != before and len(at.session.media) == 1
    assert at.session.services.media.find(before.rpartition("/")[2]) is None


@pytest.mark.parametrize(("call", "message"), [
    ("st.image('nope.png')", "Error opening 'nope.png'"),
    ("st.image(np.zeros((2,)))", "Invalid `image` value. Supported values: a 2D or 3D NumPy array."),
    ("st.image(np.zeros((2, 2, 2)))", "Channel can only be 1, 3, or 4 got 2. Shape is (2, 2, 2)"),
    ("st.image(np.full((2, 2), 300))", "Data is outside [0, 255] and clamp is not set."),
    ("st.image(np.full((2, 2), 2.0))", "Data is outside [0.0, 1.0] and clamp is not set."),
    ("st.image(np.zeros((2, 2)), channels='BGR')",
     'When using `channels="BGR"`, the input image should have exactly 3 color channels'),
    ("st.image([np.zeros((2, 2))] * 2, caption='x')", "Cannot pair 1 captions with 2 images."),
    ("st.image([np.zeros((2, 2))] * 2, alt='x')",
     "A single `alt` string can only be used with a single image. You passed 2 images; provide a sequence of 2 "
     "alt values (use None to skip an image)."),
    ("st.image([np.zeros((2, 2))] * 2, alt=['x'])", "Cannot pair 1 alt values with 2 images."),
    ("st.image([np.zeros((2, 2))] * 2, link='https://x')",
     "The `link` parameter is only supported when displaying a single image. You passed 2 images."),
    ("st.image(np.zeros((2, 2)), width='wide')",
     "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
    ("st.image(np.zeros((2, 2)), width=0)",
     "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
])
def test_what_streamlit_refuses_is_refused_with_its_message(call: str, message: str):
    at = image_app(call)
    assert at.exception and message in at.exception[0].value
