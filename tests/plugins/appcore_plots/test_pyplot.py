"""st.pyplot through AppTest: an ``image`` node as Streamlit 1.67's, the figure drawn
at 200 dpi with a tight box, clear_figure, and 1.67's errors."""
from __future__ import annotations

import io
import textwrap

import pytest

from appcore.testing import AppTest

pytest.importorskip("matplotlib")
from PIL import Image  # noqa: E402  (pillow is a test extra)

FIGURE = """
    import appcore as st
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([1, 2, 3], [3, 1, 2])
"""


def run(body: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(FIGURE) + textwrap.dedent(body), default_timeout=30).run()


def png_of(at: AppTest, url: str) -> Image.Image:
    """The PNG the page loads from ``url``: the session's media serves it."""
    file = at.session.services.media.find(url.rpartition("/")[2])
    assert file is not None and file.mimetype == "image/png", url
    return Image.open(io.BytesIO(file.data))


def test_a_figure_is_an_image_node_whose_value_is_its_url_drawn_at_200_dpi():
    at = run("st.pyplot(fig)")
    node = at.image[0]
    assert node.type == "image" and at.get("image")[0] is node
    (url,) = node.value
    picture = png_of(at, url)
    # 4 x 3 inches at 200 dpi, less what the tight box trims off the margins.
    assert 600 < picture.width <= 800 and 450 < picture.height <= 600
    assert node.props["width"] == "stretch"


def test_clear_figure_clears_it_once_drawn_and_the_drawing_is_kept():
    at = run("""
    st.pyplot(fig, clear_figure=True, width="content", alt="Three points")
    st.text(f"axes left: {len(fig.axes)}")
    """)
    assert at.text[0].value == "axes left: 0"
    assert png_of(at, at.image[0].value[0]).getextrema() != ((255, 255),) * 4  # something was drawn
    assert at.image[0].props["images"][0]["alt"] == "Three points" and at.image[0].props["width"] == "content"


def test_no_figure_is_streamlits_missing_parameter_error():
    at = run("st.pyplot(None)")
    assert at.exception[0].message.startswith("The `fig` parameter is required.")
    at = run("st.pyplot()")
    assert "missing 1 required positional argument: 'fig'" in at.exception[0].message


def test_savefig_arguments_still_work_with_a_deprecation_warning_in_the_page():
    at = run("st.pyplot(fig, dpi=50)")
    assert "deprecated" in at.warning[0].value
    assert png_of(at, at.image[0].value[0]).width < 250


def test_something_that_is_not_a_figure_is_refused_by_name():
    at = run("st.pyplot('fig')")
    assert "st.pyplot takes a matplotlib Figure, not str" in at.exception[0].message
