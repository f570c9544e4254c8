"""The Vega-Lite charts in real Chromium: drawn in both themes, laid out when a hidden tab
is shown, and given new data in place by a fragment rerun (no second embed, zoom kept)."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import idle

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def shot(page: Page, artifacts_dir: Path, name: str) -> Path:
    path = artifacts_dir / f"charts-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def drawn(chart) -> None:  # type: ignore[no-untyped-def]
    """The chart's canvas is on the page with a width (Vega has drawn it)."""
    expect(chart.locator("canvas")).to_be_visible()
    assert chart.locator("canvas").bounding_box()["width"] > 300


def wait_until(page: Page, chart, condition: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``condition`` (a JS expression of ``el``, the chart's root) holds."""
    page.wait_for_function(f"(el) => {condition}", arg=chart.element_handle())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_builtin_chart_draws_and_a_hidden_tab_lays_its_chart_out_when_shown(
        serve_app, page: Page, artifacts_dir: Path, theme: str) -> None:
    app = serve_app((EXAMPLES / "charts.py").read_text(encoding="utf-8"), env={"APPCORE_THEME_BASE": theme})
    page.goto(app.url)
    idle(page)
    drawn(page.get_by_test_id("ac-line_chart").first)
    # The charts of the tabs not shown wait: nothing is drawn at zero width.
    expect(page.get_by_test_id("ac-area_chart").locator("canvas")).to_have_count(0)
    for tab, element in [("Area", "ac-area_chart"), ("Bar", "ac-bar_chart"), ("Scatter", "ac-scatter_chart")]:
        page.get_by_role("tab", name=tab).click()
        for chart in page.get_by_test_id(element).all():
            drawn(chart)
        shot(page, artifacts_dir, f"{theme}-{tab.lower()}")
    # Axis labels take the page's text colour family: light on dark, dark on light.
    page.get_by_role("tab", name="Line").click()
    shot(page, artifacts_dir, f"{theme}-line")


def test_a_fragment_rerun_gives_the_chart_new_data_in_place_and_keeps_its_zoom(
        serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app((EXAMPLES / "charts.py").read_text(encoding="utf-8"))
    page.goto(app.url)
    idle(page)
    live = page.get_by_test_id("ac-line_chart").last
    drawn(live)
    expect(live).to_have_attribute("data-embeds", "1")
    count = "el.vegaView.data(el.dataset.datasets).length"
    assert live.evaluate(f"(el) => {count}") == 20

    # Zoom in with the wheel over the plot: the x scale's domain narrows.
    domain = "(el) => el.vegaView.scale('x').domain().map(Number)"
    before = live.evaluate(domain)
    width = "el.vegaView.scale('x').domain()[1] - el.vegaView.scale('x').domain()[0]"
    live.scroll_into_view_if_needed()
    box = live.locator("canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 3)
    page.mouse.wheel(0, -400)
    wait_until(page, live, f"{width} < {before[1] - before[0]}")
    zoomed = live.evaluate(domain)

    page.get_by_role("button", name="Add 10 points").click()
    expect(page.get_by_text("30 points")).to_be_visible()
    wait_until(page, live, f"{count} === 30")
    expect(live).to_have_attribute("data-embeds", "1")  # the same view took the data
    assert live.evaluate(domain) == zoomed
    shot(page, artifacts_dir, "live-updated")
