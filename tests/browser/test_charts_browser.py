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


def test_hovering_a_100000_point_line_shows_the_nearest_point_and_its_value(serve_app, page: Page) -> None:
    """A thinned line (its M4 points) finds the point under the pointer among one in eight."""
    app = serve_app("""
        import appcore as st, numpy as np, pandas as pd
        st.line_chart(pd.DataFrame({"walk": np.random.default_rng(0).normal(size=100_000).cumsum()}))
    """)
    page.goto(app.url)
    idle(page)
    chart = page.get_by_test_id("ac-line_chart")
    drawn(chart)
    # The middle of the plot, on the line: x from the scale, y where the line is at that x.
    where = chart.evaluate("""(el) => {
        const view = el.vegaView, [ox, oy] = view.origin(), box = el.querySelector("canvas").getBoundingClientRect();
        const rows = view.data(el.dataset.datasets.split(" ")[0]), row = rows[Math.floor(rows.length / 2)];
        const [xField, yField] = Object.keys(row);
        return {x: box.left + ox + view.scale("x")(row[xField]), y: box.top + oy + view.scale("y")(row[yField])};
    }""")
    page.mouse.move(where["x"], where["y"])
    page.mouse.move(where["x"] + 1, where["y"])
    tooltip = page.locator("#vg-tooltip-element")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("walk")
    wait_until(page, chart, "el.vegaView.data('param_1_store').length === 1")  # the hovered point is picked


def test_a_point_picked_and_a_box_dragged_reach_python_as_the_charts_selection(
        serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app((EXAMPLES / "charts.py").read_text(encoding="utf-8"))
    page.goto(app.url)
    idle(page)
    page.get_by_role("tab", name="Select").click()
    scatter = page.get_by_test_id("ac-vega_lite_chart")
    drawn(scatter)
    expect(page.get_by_text("Picked groups: none")).to_be_visible()
    # Where the first point is drawn, from the view's scales (the canvas has no DOM per mark).
    point = scatter.evaluate("""(el) => {
        const view = el.vegaView, datum = view.data(el.dataset.datasets.split(" ").pop())[0];
        const [ox, oy] = view.origin(), box = el.querySelector("canvas").getBoundingClientRect();
        return {x: box.left + ox + view.scale("x")(datum.height), y: box.top + oy + view.scale("y")(datum.weight),
    };
    }""")
    page.mouse.click(point["x"], point["y"])
    # Points overlap: the one the chart picked is the one its selection store holds.
    wait_until(page, scatter, "el.vegaView.data('pick_store').length === 1")
    picked = scatter.evaluate("(el) => el.vegaView.data('pick_store')[0].values[0]")
    expect(page.get_by_text(f"Picked groups: {picked}")).to_be_visible()
    expect(scatter).to_have_attribute("data-embeds", "1")  # the rerun kept the drawn chart

    bars = page.get_by_test_id("ac-altair_chart")
    drawn(bars)
    bars.scroll_into_view_if_needed()
    band = bars.evaluate("""(el) => {
        const view = el.vegaView, x = view.scale("x"), [ox, oy] = view.origin();
        const box = el.querySelector("canvas").getBoundingClientRect();
        return {left: box.left + ox + x("Feb") + 2, right: box.left + ox + x("Jun") + x.bandwidth() - 2,
                y: box.top + oy + view.height() / 2};
    }""")
    page.mouse.move(band["left"], band["y"])
    page.mouse.down()
    page.mouse.move(band["right"], band["y"], steps=8)
    page.mouse.up()
    expect(page.get_by_text("Brushed months: Feb, Jan, Jun")).to_be_visible()
    shot(page, artifacts_dir, "selections")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_map_draws_its_points_without_network_and_zooms(serve_app, page: Page, artifacts_dir: Path,
                                                           theme: str) -> None:
    app = serve_app((EXAMPLES / "charts.py").read_text(encoding="utf-8"), env={"APPCORE_THEME_BASE": theme})
    external = []
    page.on("request", lambda r: None if r.url.startswith(app.url) else external.append(r.url))
    page.goto(app.url)
    idle(page)
    page.get_by_role("tab", name="Map").click()
    chart = page.get_by_test_id("ac-map")
    points = chart.locator(".ac-map-point")
    expect(points).to_have_count(40)
    expect(chart.get_by_role("img", name="Map of 40 points")).to_be_visible()
    spread = "(el) => { const c = [...el.querySelectorAll('.ac-map-point')].map(p => +p.getAttribute('cx'));" \
             " return Math.max(...c) - Math.min(...c); }"
    before = chart.evaluate(spread)
    assert 100 < before < chart.bounding_box()["width"]  # fitted to the points
    shot(page, artifacts_dir, f"map-{theme}")
    surface = chart.locator(".ac-map")
    zoom = float(surface.get_attribute("data-zoom"))
    chart.get_by_role("button", name="Zoom in").click()
    expect(surface).to_have_attribute("data-zoom", f"{zoom + 1:g}")
    assert abs(chart.evaluate(spread) - 2 * before) < 1  # one zoom level doubles every distance
    assert external == []


def coloured_pixels(chart) -> int:  # type: ignore[no-untyped-def]
    """How many of the chart's pixels are strongly coloured (its marks, not its axes or text)."""
    import io

    from PIL import Image

    data = Image.open(io.BytesIO(chart.locator("canvas").screenshot())).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if max(data[i:i + 3]) - min(data[i:i + 3]) > 80)


def test_an_altair_point_is_a_hollow_circle_and_a_scatter_charts_a_filled_one(serve_app, page: Page) -> None:
    page.goto(serve_app("""
        import altair as alt, pandas as pd
        import appcore as st
        df = pd.DataFrame({"x": [1, 2, 3], "y": [1, 2, 3]})
        st.altair_chart(alt.Chart(df).mark_point(size=2500).encode(x="x", y="y"), key="points")
        st.scatter_chart(df, x="x", y="y", size=2500)
    """).url)
    idle(page)
    points, scatter = page.get_by_test_id("ac-altair_chart"), page.get_by_test_id("ac-scatter_chart")
    drawn(points)
    drawn(scatter)
    # As Vega-Lite (and Streamlit's theme): mark_point draws rings; st.scatter_chart, discs.
    assert coloured_pixels(points) * 3 < coloured_pixels(scatter)


def test_a_chart_without_a_height_is_350_px_over_a_continuous_y_and_a_step_a_band_over_bands(
        serve_app, page: Page) -> None:
    page.goto(serve_app("""
        import altair as alt, pandas as pd
        import appcore as st
        df = pd.DataFrame({"region": ["East", "North", "South", "West"], "revenue": [150, 160, 110, 140]})
        st.bar_chart(df, x="region", y="revenue", horizontal=True)
        st.bar_chart(df, x="region", y="revenue")
        st.altair_chart(alt.Chart(df).mark_bar().encode(y="region:N", x="revenue:Q"))
    """).url)
    idle(page)
    heights = [chart.locator("canvas").bounding_box()["height"] for chart in
               (page.get_by_test_id("ac-bar_chart").first, page.get_by_test_id("ac-bar_chart").last,
                page.get_by_test_id("ac-altair_chart"))]
    # As Streamlit 1.67 draws them: four horizontal bars take about 150 px, not the 350 of a value axis.
    assert heights[0] < 200 and heights[2] < 200 and heights[1] == pytest.approx(350, abs=2)
