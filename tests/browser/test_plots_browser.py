"""The plot elements as a person sees them in real Chromium: a Plotly figure drawn by
the vendored plotly.js in light and dark theme, updated in place when the script reruns
(the person's zoom kept), and points selected with a box reaching the script; a
matplotlib figure shown as the image the server drew; a Graphviz graph laid out by the
vendored Viz.js in the page's text colour, a bad one explained; a pydeck map drawn by the
vendored deck.gl, picked, panned, updated in place, in a hidden tab, with safe tooltips.
Screenshots go to the artifacts folder."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLE = (Path(__file__).parents[2] / "examples" / "plots.py").read_text(encoding="utf-8")


def wait_idle(page: Page) -> None:
    """The run is over: what it draws after the text a test waits for (a matplotlib figure) is drawn,
    and no run is cut short when the server stops after the test."""
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle", timeout=60_000)


def open_app(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    # The first run imports plotly and matplotlib: seconds on a loaded machine.
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle", timeout=60_000)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_plotly_figure_is_drawn_in_the_pages_theme(serve_app, page: Page, artifacts_dir: Path, theme: str) -> None:
    app = serve_app(EXAMPLE, env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    chart = page.get_by_test_id("ac-plotly_chart")
    expect(chart.locator(".main-svg").first).to_be_visible()
    expect(chart.locator(".scatterlayer .point")).to_have_count(12)
    expect(chart.locator(".gtitle")).to_have_text("Select points with a box or the lasso")
    # The figure chose no template: its text is the page's, its first trace Streamlit's first colour.
    page_text = page.evaluate("getComputedStyle(document.body).color")
    assert chart.locator(".gtitle").evaluate("el => getComputedStyle(el).fill") == page_text
    # Streamlit's theme: the title at the chart's top left, in bold; a grid on the value axis only.
    title, frame = chart.locator(".gtitle").bounding_box(), chart.bounding_box()
    assert title["x"] - frame["x"] < 20 and chart.locator(".gtitle").evaluate("el => getComputedStyle(el).fontWeight") == "600"
    expect(chart.locator(".xgrid")).to_have_count(0)
    expect(chart.locator(".ygrid").first).to_be_attached()
    stroke = chart.locator(".scatterlayer .js-line").first.evaluate("el => getComputedStyle(el).stroke")
    assert stroke == ("rgb(0, 104, 201)" if theme == "light" else "rgb(131, 201, 255)")
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"plots-plotly-{theme}.png"), full_page=True)


def test_a_rerun_updates_the_figure_in_place_and_keeps_the_zoom(serve_app, page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    chart = page.get_by_test_id("ac-plotly_chart")
    expect(chart.locator(".scatterlayer .point")).to_have_count(12)
    # Zoom in with plotly's own API, as a drag with the zoom tool does.
    chart.locator(".js-plotly-plot").evaluate("gd => window.Plotly.relayout(gd, {'xaxis.range': [2, 6]})")
    node = chart.locator(".js-plotly-plot").element_handle()
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(chart.locator(".scatterlayer .point")).to_have_count(13)
    assert chart.locator(".js-plotly-plot").element_handle().evaluate("(gd, old) => gd === old", node), \
        "the chart was drawn anew instead of updated"
    assert chart.locator(".js-plotly-plot").evaluate("gd => gd.layout.xaxis.range") == [2, 6]
    wait_idle(page)


def test_points_selected_with_a_box_reach_the_script(serve_app, page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    chart = page.get_by_test_id("ac-plotly_chart")
    expect(chart.locator(".scatterlayer .point")).to_have_count(12)
    box = chart.locator(".nsewdrag").first.bounding_box()
    assert box is not None
    # Drag a box over the left third of the plot: the first points are in it.
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] - 2, steps=8)
    page.mouse.up()
    expect(page.get_by_text("Selected points: [0, 1, 2, 3]")).to_be_visible()
    wait_idle(page)


def test_a_matplotlib_figure_is_shown_as_the_image_the_server_drew(serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    image = page.get_by_test_id("ac-pyplot").get_by_role("img", name="Bars of the same points")
    expect(image).to_be_visible()
    # Drawn at 200 dpi: 6 inches are about 1,200 pixels, shown at the container's width.
    natural, shown = image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
    assert natural > 1000 and 600 < shown < natural
    image.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "plots-pyplot.png"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_graphviz_graph_is_drawn_by_viz_js_in_the_pages_text_colour(serve_app, page: Page, artifacts_dir: Path,
                                                                      theme: str) -> None:
    app = serve_app(EXAMPLE, env={"APPCORE_THEME_BASE": theme})
    open_app(page, app)
    graph = page.get_by_test_id("ac-graphviz_chart").get_by_role("img", name="The first points in a chain")
    expect(graph).to_be_visible()
    expect(graph.locator("g.node")).to_have_count(6)
    expect(graph.locator("g.node").first).to_contain_text("start")
    expect(graph.locator("g.edge")).to_have_count(5)
    text = page.evaluate("getComputedStyle(document.body).color")
    assert graph.locator("g.node text").first.evaluate("el => getComputedStyle(el).fill") == text
    assert graph.locator("g.edge path").first.evaluate("el => getComputedStyle(el).stroke") == text
    graph.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"plots-graphviz-{theme}.png"))


def test_a_graph_graphviz_cannot_read_says_so_and_a_javascript_link_is_dropped(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        st.graphviz_chart("digraph { a -> ")
        st.graphviz_chart('digraph { a [URL="javascript:alert(1)"]; b [URL="https://example.org"] }')
    """)
    open_app(page, app)
    bad, linked = page.get_by_test_id("ac-graphviz_chart").nth(0), page.get_by_test_id("ac-graphviz_chart").nth(1)
    expect(bad.get_by_role("alert")).to_contain_text("Graphviz could not draw this graph")
    expect(linked.locator("g.node")).to_have_count(2)
    hrefs = linked.locator("a").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))")
    assert "https://example.org" in hrefs and not any(h and "javascript" in h for h in hrefs)


SELECTABLE = """
    import appcore as st
    import plotly.express as px
    fig = px.scatter(x=[1, 2, 3, 4, 5, 6], y=[1, 3, 2, 4, 3, 5], color=["a", "a", "a", "b", "b", "b"])
    fig.update_layout(height=400)
    event = st.plotly_chart(fig, key="c", on_select="rerun", selection_mode="{mode}")
    selection = event.selection
    st.text(f"lasso {{len(selection.lasso)}} box {{len(selection.box)}} points " +
            ", ".join(f"{{p['curve_number']}}:{{p['point_index']}}" for p in selection.points))
"""


def open_selectable(serve_app, page: Page, mode: str):  # type: ignore[no-untyped-def]
    """The SELECTABLE app in the tab with its six points drawn; returns their locator."""
    open_app(page, serve_app(SELECTABLE.format(mode=mode)))
    points = page.get_by_test_id("ac-plotly_chart").locator(".scatterlayer .point")
    expect(points).to_have_count(6)
    return points


def test_plotly_express_colours_become_the_pages_and_a_lasso_selects_points(serve_app, page: Page) -> None:
    points = open_selectable(serve_app, page, "lasso")
    # Plotly Express wrote its default colours into the traces: they are Streamlit's first two.
    fills = [points.nth(i).evaluate("el => getComputedStyle(el).fill") for i in (0, 3)]
    assert fills == ["rgb(0, 104, 201)", "rgb(131, 201, 255)"]
    # A lasso around the first two points of trace "a" (x = 1 and 2).
    first, second = (points.nth(i).bounding_box() for i in (0, 1))
    assert first and second
    left, right = first["x"] - 12, second["x"] + second["width"] + 12
    top, bottom = min(first["y"], second["y"]) - 12, max(first["y"], second["y"]) + 24
    page.mouse.move(left, top)
    page.mouse.down()
    for x, y in ((right, top), (right, bottom), (left, bottom), (left, top + 2)):
        page.mouse.move(x, y, steps=6)
    page.mouse.up()
    expect(page.get_by_test_id("ac-text")).to_have_text("lasso 1 box 0 points 0:0, 0:1")


def test_a_click_selects_one_point_and_a_double_click_clears_the_selection(serve_app, page: Page) -> None:
    points = open_selectable(serve_app, page, "points")
    chart = page.get_by_test_id("ac-plotly_chart")
    fifth = points.nth(4).bounding_box()
    assert fifth
    page.mouse.click(fifth["x"] + fifth["width"] / 2, fifth["y"] + fifth["height"] / 2)
    expect(page.get_by_test_id("ac-text")).to_have_text("lasso 0 box 0 points 1:1")
    plot = chart.locator(".nsewdrag").first.bounding_box()
    assert plot
    page.mouse.dblclick(plot["x"] + 5, plot["y"] + plot["height"] - 5)
    expect(page.get_by_test_id("ac-text")).to_have_text("lasso 0 box 0 points ")


def open_map(page: Page, serve_app, theme: str = "light"):  # type: ignore[no-untyped-def]
    """The example in the tab with its pydeck map drawn by deck.gl; returns the map's locator."""
    open_app(page, serve_app(EXAMPLE, env={"APPCORE_THEME_BASE": theme}))
    chart = page.get_by_test_id("ac-pydeck_chart")
    chart.scroll_into_view_if_needed()
    expect(chart.get_by_role("img", name="The points on a map").locator("canvas")).to_be_visible(timeout=30_000)
    expect(chart.get_by_text("Loading map")).to_have_count(0)
    page.wait_for_timeout(500)  # deck.gl draws on its next animation frames
    return chart


def red_pixels(chart) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Where the map shows the points' colour (255, 75, 75): (x, y) in the chart."""
    from PIL import Image

    shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    data, width = shot.tobytes(), shot.width
    return [((i // 3) % width, (i // 3) // width) for i in range(0, len(data), 3)
            if data[i] > 220 and 40 < data[i + 1] < 110 and 40 < data[i + 2] < 110]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_pydeck_map_is_drawn_by_deck_gl_on_the_pages_surface(serve_app, page: Page, artifacts_dir: Path,
                                                               theme: str) -> None:
    chart = open_map(page, serve_app, theme)
    # Twelve points of 8 pixels' radius or more, on the page's surface colour (no basemap).
    assert len(red_pixels(chart)) > 12 * 150
    surface = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--ac-surface').trim()")
    assert chart.locator(".ac-pydeck-chart").evaluate("el => getComputedStyle(el).backgroundColor") == \
        page.evaluate(f"(() => {{ const d = document.createElement('div'); d.style.color = '{surface}'; "
                      "document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; })()")
    page.screenshot(path=str(artifacts_dir / f"plots-pydeck-{theme}.png"))


def west_point(chart) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Where p0, the point furthest west, is drawn: the middle of the leftmost red dot, in the page."""
    pixels = red_pixels(chart)
    left = min(x for x, _ in pixels)
    dot = [(x, y) for x, y in pixels if x < left + 16]
    box = chart.bounding_box()
    return (box["x"] + sum(x for x, _ in dot) / len(dot), box["y"] + sum(y for _, y in dot) / len(dot))


def test_a_click_picks_a_point_on_the_map_and_a_second_click_lets_it_go(serve_app, page: Page) -> None:
    chart = open_map(page, serve_app)
    expect(page.get_by_text("Nothing picked on the map.")).to_be_visible()
    p0 = west_point(chart)
    page.mouse.move(*p0)
    expect(chart.get_by_text("p0", exact=True)).to_be_visible()  # the tooltip
    page.mouse.click(*p0)
    expect(page.get_by_text("Picked on the map: p0")).to_be_visible()
    page.mouse.click(*p0)
    expect(page.get_by_text("Nothing picked on the map.")).to_be_visible()
    wait_idle(page)


def test_a_rerun_updates_the_map_in_place_and_keeps_where_the_person_panned(serve_app, page: Page) -> None:
    chart = open_map(page, serve_app)
    canvas = chart.locator("canvas").element_handle()
    opened = west_point(chart)
    # Pan: drag the map 150 pixels to the left.
    page.mouse.move(opened[0] + 40, opened[1])
    page.mouse.down()
    page.mouse.move(opened[0] - 110, opened[1], steps=10)
    page.mouse.up()
    page.wait_for_timeout(500)
    panned = west_point(chart)
    assert opened[0] - panned[0] > 100
    count = len(red_pixels(chart))
    # More points: the script reruns with a thirteenth.
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    page.wait_for_timeout(500)
    assert chart.locator("canvas").element_handle().evaluate("(node, old) => node === old", canvas), \
        "the map was drawn anew instead of updated"
    assert len(red_pixels(chart)) > count  # the new point is drawn
    after = west_point(chart)  # and the view stayed where the person panned it
    assert abs(after[0] - panned[0]) <= 1 and abs(after[1] - panned[1]) <= 1
    wait_idle(page)


def test_a_map_tooltip_shows_a_fields_markup_as_text(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        import pydeck as pdk
        stops = [{"lon": -122.45, "lat": 37.76, "name": "<img src=x onerror='window.hacked=1'>"}]
        st.pydeck_chart(pdk.Deck(
            map_style=None, initial_view_state=pdk.ViewState(latitude=37.76, longitude=-122.45, zoom=12),
            layers=[pdk.Layer("ScatterplotLayer", data=stops, get_position="[lon, lat]", radius_min_pixels=12,
                              get_fill_color=[255, 75, 75], pickable=True)],
            tooltip={"html": "<b>Stop</b> {name}", "style": {"color": "white"}}), height=300)
    """)
    open_app(page, app)
    canvas = page.get_by_test_id("ac-pydeck_chart").locator("canvas")
    expect(canvas).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator(".deck-tooltip")
    expect(tooltip).to_contain_text("Stop <img src=x onerror='window.hacked=1'>")
    expect(tooltip.locator("b")).to_have_text("Stop")  # the app's own markup is kept
    assert tooltip.locator("img").count() == 0 and page.evaluate("window.hacked") is None


def test_a_map_in_a_hidden_tab_is_drawn_when_the_tab_is_shown(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        import pydeck as pdk
        stops = [{"lon": -122.45 + 0.004 * i, "lat": 37.76, "name": f"p{i}"} for i in range(6)]
        text, shown_later = st.tabs(["Text", "Map"])
        text.write("The first tab")
        shown_later.pydeck_chart(pdk.Deck(
            map_style=None, initial_view_state=pdk.ViewState(latitude=37.76, longitude=-122.44, zoom=12),
            layers=[pdk.Layer("ScatterplotLayer", data=stops, get_position="[lon, lat]", radius_min_pixels=8,
                              get_fill_color=[255, 75, 75])]), height=300)
    """)
    open_app(page, app)
    page.get_by_role("tab", name="Map").click()
    chart = page.get_by_test_id("ac-pydeck_chart")
    expect(chart.locator("canvas")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    assert chart.locator("canvas").evaluate("c => c.clientWidth") > 300
    assert len(red_pixels(chart)) > 6 * 150  # the six points, drawn at the width the tab gave


def test_a_plotly_chart_in_a_hidden_tab_takes_the_tabs_width_when_shown(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        import plotly.graph_objects as go
        st.set_page_config(layout="wide")  # wider than plotly.js's default 700 px
        figure = go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2]))
        st.plotly_chart(figure, key="shown")
        first, later = st.tabs(["First", "Second"])
        first.write("The first tab")
        later.plotly_chart(figure, key="hidden")
    """)
    page.set_viewport_size({"width": 1400, "height": 900})
    open_app(page, app)
    charts = page.get_by_test_id("ac-plotly_chart")
    expect(charts.first.locator(".main-svg").first).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="Second").click()
    expect(charts.nth(1).locator(".main-svg").first).to_be_visible()
    width = lambda chart: chart.locator(".main-svg").first.evaluate("svg => svg.getBoundingClientRect().width")
    page.wait_for_function("""() => { const [a, b] = [...document.querySelectorAll('[data-testid="ac-plotly_chart"] .main-svg:first-of-type')]
                                      .map(s => s.getBoundingClientRect().width); return a > 0 && Math.abs(a - b) < 2; }""",
                           timeout=5000)
    assert width(charts.nth(1)) == pytest.approx(width(charts.first), abs=2) and width(charts.first) > 800
