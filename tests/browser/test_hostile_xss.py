"""An XSS corpus drawn through every text channel, in real Chromium, with an execution hook.

Every payload of tests/hostile/xss_corpus.py calls ``window.__pwned(n)`` if it ever
runs. The hook is defined in every frame before any script of the page; the corpus
must never call it. Positive controls prove the hook and the payloads work: the
same payloads put into the page unsanitised do call it, and so does the one
channel that is meant to run scripts (``st.html(unsafe_allow_javascript=True)``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))

from xss_corpus import payloads  # noqa: E402

pytestmark = pytest.mark.browser

HOOK = """
window.__pwnedCalls = [];
window.__pwned = (n) => { window.__pwnedCalls.push(String(n)); };
"""

# Every text channel: markdown (plain and with unsafe_allow_html), captions, headings, labels,
# help, options, alerts, code, text, metrics, the page title and exception messages.
CORPUS_APP = """
import json
import pathlib

import appcore as st

P = json.loads(pathlib.Path(__file__).with_name("payloads.json").read_text(encoding="utf-8"))
st.set_page_config(page_title=P[3] + " " + P[44])
for i, p in enumerate(P):
    st.markdown(p)
    st.markdown(p, unsafe_allow_html=True, help=p)
    st.caption(p)
    st.caption(p, unsafe_allow_html=True)
    st.header(p, help=p, anchor=False)
    st.text_input(p, key=f"t{i}", help=p, placeholder=p)
    st.button(p, key=f"b{i}", help=p)
    st.error(p)
    st.code(p)
    st.text(p)
    st.metric(p, p, help=p)
    st.exception(RuntimeError(p))
st.selectbox("options", P, key="sb")
st.radio("options", P, key="rd")
st.multiselect("options", P, default=P[:5], key="ms")
st.markdown("ALL DRAWN")
raise RuntimeError(" ".join(P[:30]))
"""


def serve_corpus(serve_app):  # type: ignore[no-untyped-def]
    app = serve_app(CORPUS_APP)
    (app.path.parent / "payloads.json").write_text(json.dumps(payloads()), encoding="utf-8")
    return app


def settle(page: Page) -> None:
    """Every image has loaded or failed and two frames have painted: handlers had their chance."""
    page.wait_for_function("() => [...document.images].every(img => img.complete)")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def calls(page: Page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("() => window.__pwnedCalls || []")
        except Exception:  # a frame that navigated away meanwhile
            pass
    return found


def test_no_payload_of_the_corpus_runs_through_any_text_channel(serve_app, page: Page, console_errors) -> None:  # type: ignore[no-untyped-def]
    console_errors.allow(r"Failed to load resource")  # <img src=x>: the payloads' own bait
    app = serve_corpus(serve_app)
    page.context.add_init_script(HOOK)
    page.goto(app.url)
    expect(page.get_by_text("ALL DRAWN")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "error")
    page.locator("[data-testid='ac-text_input'] input").first.focus()
    settle(page)

    assert calls(page) == [], f"payloads ran: {sorted(set(calls(page)), key=int)}"
    assert page.title() == payloads()[3] + " " + payloads()[44], "the title is text, not markup"
    dangerous = page.evaluate("""() => {
        const bad = [];
        for (const el of document.querySelectorAll('#ac-root *, [data-testid^="ac-"] *')) {
            for (const attr of el.attributes) {
                const v = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
                if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(attr.name)
                    && (v.startsWith('javascript:') || v.startsWith('data:text/html') || attr.name === 'srcdoc'))
                    bad.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 60)}`);
            }
            if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName)) bad.push(el.tagName);
        }
        return bad;
    }""")
    assert dangerous == [], f"live markup in the page: {dangerous[:20]}"
    # The page is still the app's: a click still reruns it.
    page.get_by_test_id("ac-button").first.locator("button").click()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "error")
    assert calls(page) == []


def test_positive_control_the_payloads_do_run_when_put_into_the_page_unsanitised(serve_app, page: Page, console_errors) -> None:  # type: ignore[no-untyped-def]
    console_errors.allow(r"Failed to load resource")
    app = serve_app("import appcore as st\nst.markdown('control page')\n")
    page.context.add_init_script(HOOK)
    page.goto(app.url)
    expect(page.get_by_text("control page")).to_be_visible()
    corpus = payloads()
    # The unsanitised path: the same strings straight into innerHTML.
    page.evaluate("""(ps) => { for (const p of ps) { const d = document.createElement('div');
                                  d.innerHTML = p; document.body.appendChild(d); } }""",
                  [corpus[3], corpus[4], corpus[5], corpus[6], corpus[47]])
    settle(page)
    page.wait_for_function("() => window.__pwnedCalls.length >= 5", timeout=3000)
    assert sorted(calls(page), key=int) == ["3", "4", "5", "6", "47"]


def test_positive_control_the_one_script_channel_runs_and_calls_the_hook(serve_app, page: Page) -> None:  # type: ignore[no-untyped-def]
    app = serve_app("import appcore as st\n"
                    "st.html('<script>__pwned(\"control\")</script>', unsafe_allow_javascript=True)\n"
                    "st.markdown('drawn')\n")
    page.context.add_init_script(HOOK)
    page.goto(app.url)
    expect(page.get_by_text("drawn")).to_be_visible()
    page.wait_for_function("() => window.__pwnedCalls.includes('control')")


def test_a_fixed_overlay_in_unsafe_html_stays_in_its_box(serve_app, page: Page) -> None:  # type: ignore[no-untyped-def]
    app = serve_app("""
        import appcore as st
        st.markdown('<div id="overlay" style="position: fixed; top: 0; left: 0; width: 100vw; '
                    'height: 100vh; z-index: 2147483647; background: red">covered</div>',
                    unsafe_allow_html=True)
        if st.button("Press me"):
            st.markdown("pressed")
    """)
    page.goto(app.url)
    button = page.get_by_role("button", name="Press me")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent || "
                           "document.elementFromPoint(x, y).id", [box["x"] + box["width"] / 2,
                                                                   box["y"] + box["height"] / 2])
    assert on_top == "Press me", f"the overlay covers the button: {on_top!r} is on top"
    button.click()
    expect(page.get_by_text("pressed", exact=True)).to_be_visible()
