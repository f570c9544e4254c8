"""A corpus of Streamlit 1.67 Markdown, rendered by appcore as Streamlit's frontend renders it.

Each expectation was read off Streamlit 1.67.0 in Chromium (st.markdown's HTML, by
semantics: which text is coloured, struck, linked, checked; not its emotion classes or
palette values). tests/browser/test_markdown_corpus_browser.py draws the same corpus."""
from __future__ import annotations

import pytest

from appcore.testing import AppTest

# (markdown, fragments the HTML must contain, fragments it must not)
CORPUS: list[tuple[str, list[str], list[str]]] = [
    (":red[red] :rainbow[rainbow] :primary[primary] :grey[grey]",
     ['<span class="ac-fg-red">red</span>', '<span class="ac-fg-rainbow">rainbow</span>',
      '<span class="ac-fg-primary">primary</span>', '<span class="ac-fg-gray">grey</span>'], []),
    (":yellow-background[y] :rainbow-background[r] :primary-background[p]",
     ['<span class="ac-bg-yellow">y</span>', '<span class="ac-bg-rainbow">r</span>',
      '<span class="ac-bg-primary">p</span>'], []),
    (":violet-badge[v] :primary-badge[p] :rainbow-badge[r]",
     ['<span class="ac-badge ac-badge-violet">v</span>', '<span class="ac-badge ac-badge-primary">p</span>',
      ":rainbow-badge"], ["ac-badge-rainbow"]),  # 1.67 has no rainbow badge
    (":small[small] and :shimmer[**busy**]",
     ['<span class="ac-small">small</span>', '<span class="ac-shimmer"><strong>busy</strong></span>'], []),
    (':color[warning]{foreground="#d50000"}', ['<span class="ac-fg-custom" style="color: #d50000">warning</span>'], []),
    (':color[note]{foreground="rgb(0,100,200)" background="hsl(60,100%,90%)"}',
     ['<span class="ac-bg-custom" style="color: rgb(0,100,200); background-color: hsl(60,100%,90%)">note</span>'],
     []),
    (":color[x]{foreground=RED} :color[y]{background='#abc'}",
     ['style="color: red">x</span>', 'style="background-color: #abc">y</span>'], []),
    (':color[bad]{foreground="nope"} :color[none]', ["<span>bad</span>", "<span>none</span>"], ["style"]),
    (':color[x]{foreground="red;background:url(javascript:alert(1))"}', ["<span>x</span>"], ["javascript"]),
    ("- [ ] todo\n- [x] done\n- plain",
     ['<ul class="contains-task-list">',
      '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled /> todo</li>',
      '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled checked /> done</li>',
      "<li>plain</li>"], []),
    ("1. [X] caps\n2. [ ]\n", ['<ol class="contains-task-list">', "disabled checked /> caps", "<li>[ ]</li>"], []),
    ("- [ ] outer\n  - [x] inner", ['checkbox" disabled /> outer', 'disabled checked /> inner'], []),
    ("Arrows <- -> <-> -- >= <= ~= done", ["<p>Arrows ← → ↔ — ≥ ≤ ≈ done</p>"], []),
    ("`a -> b` a -> b [x <- y](https://e.com) a-->b", ["<code>a -&gt; b</code> a → b", "x &lt;- y</a> a--&gt;b"],
     []),
    ("Visit https://example.com/path?q=1. and (https://example.com/x) and www.example.org or foo@example.com",
     ['<a href="https://example.com/path?q=1" target="_blank" rel="noopener noreferrer">https://example.com/path?q=1</a>.',
      '(<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>)',
      '<a href="http://www.example.org" target="_blank" rel="noopener noreferrer">www.example.org</a>',
      '<a href="mailto:foo@example.com" target="_blank" rel="noopener noreferrer">foo@example.com</a>'], []),
    ("[link](https://example.com) [here](#top)",
     ['<a href="https://example.com" target="_blank" rel="noopener noreferrer">link</a>', '<a href="#top">here</a>'],
     []),
    ("~one~ and ~~two~~ but a~~~b", ["<s>one</s> and <s>two</s>"], []),
    ("$x^2$ and $$y$$", ['<span class="ac-math" data-tex="x^2">', '<span class="ac-math" data-tex="y">'],
     ["ac-math-display"]),
    ("$$\nz\n$$", ['<div class="ac-math ac-math-display" data-tex="z">'], []),
    ("# Heading one\n## Heading two", ['<h1 id="heading-one">Heading one</h1>', '<h2 id="heading-two">'], []),
    (":red[**bold red** and :blue-background[nested]]",
     ['<span class="ac-fg-red"><strong>bold red</strong> and <span class="ac-bg-blue">nested</span></span>'], []),
    ("<b>raw</b> html", ["&lt;b&gt;raw&lt;/b&gt;"], ["<b>"]),
    ("Footnote[^1], [^1] again, [^nope].\n\n[^1]: The **note**.",
     ['Footnote<sup><a href="#fn-1" id="fnref-1" class="ac-footnote-ref">1</a></sup>',
      '<sup><a href="#fn-1" id="fnref-1-2"', "[^nope]", '<section class="ac-footnotes">',
      '<li id="fn-1"><p>The <strong>note</strong>. <a href="#fnref-1"'], ["[^1]:"]),
]


@pytest.fixture(scope="module")
def rendered() -> list[str]:
    lines = "\n".join(f"st.markdown({text!r})" for text, _, _ in CORPUS)
    at = AppTest.from_string("import appcore as st\n" + lines).run()
    return [node.props["html"] for node in at.markdown]


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=[text[:40] for text, _, _ in CORPUS])
def test_the_corpus_renders_as_streamlit_does(rendered, index):
    text, present, absent = CORPUS[index]
    html = rendered[index]
    for fragment in present:
        assert fragment in html, f"{text!r}: {fragment!r} not in {html!r}"
    for fragment in absent:
        assert fragment not in html, f"{text!r}: {fragment!r} in {html!r}"


def test_unsafe_html_keeps_links_images_and_task_boxes_but_not_scripts():
    at = AppTest.from_string("""
        import appcore as st
        st.markdown('- [x] <a href="https://ok">ok</a> <img src="https://a/x.png" onerror="x"> '
                    '<a href="javascript:alert(1)">bad</a>', unsafe_allow_html=True)
    """).run()
    html = at.markdown[0].props["html"]
    assert '<a href="https://ok"' in html and '<img src="https://a/x.png">' in html
    assert 'type="checkbox"' in html and "checked" in html
    assert "onerror" not in html and "javascript" not in html


def test_help_tooltips_are_markdown_rendered_on_the_server():
    at = AppTest.from_string("""
        import appcore as st
        st.text_input("Name", help="Your **full** name, `first last`")
        st.button("Go", help=":red[careful]")
        st.markdown("body", help="- one\\n- two")
        st.header("Head", help="*tip*")
        st.metric("M", 1, help="[docs](https://example.com)")
        st.text("t", help="plain words")
        st.caption("c", help="<b>not html</b>")
    """).run()
    widget = at.text_input[0]
    assert widget.help == "Your **full** name, `first last`"  # AppTest reads the text, as Streamlit's
    assert widget.props["help_html"] == "<p>Your <strong>full</strong> name, <code>first last</code></p>\n"
    assert at.button[0].props["help_html"] == '<p><span class="ac-fg-red">careful</span></p>\n'
    assert "<li>one</li>" in at.markdown[0].props["help_html"]
    assert at.header[0].props["help_html"] == "<p><em>tip</em></p>\n"
    assert 'href="https://example.com"' in at.metric[0].props["help_html"]
    assert at.text[0].props["help_html"] is None  # nothing to render: the page shows the text
    assert at.caption[0].props["help_html"] == "<p>&lt;b&gt;not html&lt;/b&gt;</p>\n"


PLAIN_TITLES = ["First paint", "Hello, appcore", 'Say "hi" (or don\'t)!', "Sales 2024; 12% up / 3 down",
                "a = b + c?", "Déjà vu, naïve café", "Ready.", "Über-fast", "x (c) (tm) +- y", "Wait... what"]


@pytest.mark.parametrize("text", PLAIN_TITLES)
def test_a_plain_title_renders_as_markdown_it_renders_it(text):
    from appcore_elements.markdown import _PLAIN, _inline, render_markdown

    assert _PLAIN.fullmatch(text), "the title takes the path without the parser"
    assert _inline(text) == render_markdown(text).removeprefix("<p>").removesuffix("</p>\n")


@pytest.mark.parametrize("text", ["1. first", "a  b", "A -- B", "x_y_", "Trailing ", "line\nbreak", "a -> b"])
def test_a_title_with_markdown_signs_goes_through_the_parser(text):
    from appcore_elements.markdown import _inline, render_markdown

    rendered = render_markdown(text)
    inline = rendered[3:-5] if rendered.startswith("<p>") and rendered.endswith("</p>\n") else rendered
    assert _inline(text) == inline
