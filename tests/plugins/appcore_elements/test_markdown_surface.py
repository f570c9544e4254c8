"""Markdown as Streamlit renders it, wherever it is accepted: dedented bodies, emoji
shortcodes, Material icons, maths, :small[...], badges and colours, and st.badge.
AppTest values were compared with Streamlit 1.67's AppTest on the same scripts (each
test says which); the HTML is ours (Streamlit renders in the browser)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from appcore.testing import AppTest
from appcore_elements._markdown_extras import shortcodes
from appcore_elements.markdown import render_markdown
from tests.helpers import run, width_error

ELEMENTS = Path(__file__).resolve().parents[3] / "plugins" / "bundled" / "appcore_elements"


def test_an_indented_body_is_dedented_so_it_is_markdown_not_a_code_block():
    # Checked on Streamlit 1.67: at.markdown[0].value == '# Title\n\nSome *text* :smile:'.
    at = run('''
        st.markdown("""
            # Title

            Some *text* :smile:
            """)
    ''')
    assert at.markdown[0].value == "# Title\n\nSome *text* :smile:"
    assert at.markdown[0].props["html"] == '<h1 id="title">Title</h1>\n<p>Some <em>text</em> 😄</p>\n'


def test_the_common_style_snippet_adds_styles_and_shows_no_css_as_text():
    # Checked on Streamlit 1.67: the body is '<style>#MainMenu {visibility: hidden;}</style>'.
    at = run('''
        st.markdown("""
            <style>#MainMenu {visibility: hidden;}</style>
        """, unsafe_allow_html=True)
    ''')
    assert at.markdown[0].value == "<style>#MainMenu {visibility: hidden;}</style>"
    assert at.markdown[0].props["html"].strip() == "<style>#MainMenu {visibility: hidden;}</style>"
    assert "<pre>" not in at.markdown[0].props["html"]


@pytest.mark.parametrize(("body", "html"), [
    (":smile: hi :+1: :tada:", "<p>😄 hi 👍 🎉</p>\n"),
    (":notacode: stays", "<p>:notacode: stays</p>\n"),
    ("`:smile:` in code", "<p><code>:smile:</code> in code</p>\n"),
    (":material/home: Home", '<p><span class="ac-icon-material" role="img" aria-label="home" translate="no">home'
                             "</span> Home</p>\n"),
    (":small[fine print]", '<p><span class="ac-small">fine print</span></p>\n'),
    (":green-badge[New] :yellow[y] :rainbow-badge[no]",
     '<p><span class="ac-badge ac-badge-green">New</span> <span class="ac-fg-yellow">y</span> :rainbow-badge[no]</p>\n'),
    (":blue[blue] and :red-background[alarm]",
     '<p><span class="ac-fg-blue">blue</span> and <span class="ac-bg-red">alarm</span></p>\n'),
])
def test_streamlits_markdown_directives(body, html):
    assert render_markdown(body) == html


@pytest.mark.parametrize(("body", "html"), [
    ("Euler: $e^{i\\pi}+1=0$", '<p>Euler: <span class="ac-math" data-tex="e^{i\\pi}+1=0">$e^{i\\pi}+1=0$</span></p>\n'),
    ("$$\n\\int_0^1 x\\,dx\n$$", '<div class="ac-math ac-math-display" data-tex="\\int_0^1 x\\,dx">'
                                 "$$\\int_0^1 x\\,dx$$</div>\n"),
    ("costs $5 and $10", "<p>costs $5 and $10</p>\n"),
    ("`$x$`", "<p><code>$x$</code></p>\n"),
])
def test_maths_is_marked_for_katex_and_prices_stay_text(body, html):
    assert render_markdown(body) == html


def test_headings_captions_and_alerts_render_the_same_markdown():
    at = run('st.header(":rocket: Launch $x^2$")\nst.caption(":small[note] :material/info:")\n'
             'st.info("Done :white_check_mark:")')
    assert at.header[0].props["html"] == '🚀 Launch <span class="ac-math" data-tex="x^2">$x^2$</span>'
    assert 'class="ac-small"' in at.caption[0].props["html"] and "ac-icon-material" in at.caption[0].props["html"]
    assert "✅" in at.info[0].props["html"]


def test_unsafe_html_keeps_our_icon_and_maths_markup_and_drops_scripts():
    html = render_markdown(':material/star: $x$ <b onclick="x()">b</b><script>bad()</script>', True)
    assert 'role="img" aria-label="star"' in html and 'data-tex="x"' in html
    assert "onclick" not in html and "bad()" not in html


def test_badge_is_markdown_with_the_badge_directive():
    # Checked on Streamlit 1.67: at.markdown values ':green-badge[:material/star: New]' and ':blue-badge[a \\[b\\]]'.
    at = run('st.badge("New", icon=":material/star:", color="green")\nst.badge("a [b]")')
    assert [m.value for m in at.markdown] == [":green-badge[:material/star: New]", ":blue-badge[a \\[b\\]]"]
    assert at.markdown[1].props["html"] == '<p><span class="ac-badge ac-badge-blue">a [b]</span></p>\n'
    assert at.markdown[0].props["width"] == "content"


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.markdown("x", wrap=False, unsafe_allow_html=True)',
     "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown cannot ellipsize raw "
     "HTML. Pass `wrap=True` to render HTML, or omit `unsafe_allow_html` to truncate."),
    ('st.markdown("x", text_alignment="middle")',
     "Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'."),
    ('st.markdown("x", width=0)', width_error(0)),
    ('st.caption("x", width="auto")', width_error("auto")),
])
def test_markdown_refuses_what_streamlit_refuses(call, message):
    at = run(call)
    assert at.exception and at.exception[0].message == message


def test_the_shortcode_table_is_data_covering_streamlits_common_names():
    table = json.loads((ELEMENTS / "_emoji_shortcodes.json").read_text(encoding="utf-8"))
    assert table == shortcodes() and len(table) > 4000
    for name, emoji in {"smile": "😄", "+1": "👍", "heart": "❤️", "rocket": "🚀", "tada": "🎉", "fire": "🔥",
                        "white_check_mark": "✅", "warning": "⚠️", "woozy": "🥴"}.items():
        assert table[name] == emoji, name
