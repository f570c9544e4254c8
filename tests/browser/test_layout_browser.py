"""st.columns, st.expander, st.tabs, st.popover and st.space in real Chromium: how they
look (light, dark, a narrow screen) and what a person does with them. The open expander,
the open tab and an open popover are the browser's to keep: reruns and fragment runs
must not reset them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/appcore-shots")

PAGE = """
    import appcore as st

    st.session_state.runs = st.session_state.get("runs", 0) + 1
    st.title("Layout")
    a, b, c = st.columns([1, 2, 1], border=True)
    a.button("Col 1")
    b.text_input("Col 2")
    c.write("Col 3 text")
    with st.expander("Details", icon=":material/info:"):
        st.write("Inside the expander")
    with st.expander("Closed one"):
        st.write("Hidden text")
    t1, t2, t3 = st.tabs(["First", "Second", "Third"])
    t1.write("Tab one content")
    t2.write("Tab two content")
    with t3:
        @st.fragment
        def part():
            st.button("Fragment button")
        part()
    with st.popover("Settings", icon=":material/settings:"):
        enabled = st.checkbox("Enable")
    st.write(f"enabled: {enabled}")
    st.button("Rerun")
    st.write(f"runs: {st.session_state.runs}")
"""


def screenshot(page: Page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def open_page(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    expect(page.get_by_text("runs: 1")).to_be_visible()


def rgb(page: Page, script: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.findall(r"\d+", page.evaluate(script))[:3])


def boxes(page: Page, selector: str) -> list[dict]:
    return [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]


def test_columns_sit_side_by_side_by_weight_and_stack_on_a_narrow_screen(serve_app, page: Page) -> None:
    app = serve_app(PAGE)
    open_page(page, app)
    left, middle, right = boxes(page, '[data-testid="ac-columns"] > .ac-columns > [data-testid="ac-column"]')
    assert left["y"] == middle["y"] == right["y"]
    assert left["x"] < middle["x"] < right["x"]
    # As Streamlit sizes [1, 2, 1] with a 1rem gap: its share of the row, less its share of the gaps.
    row = page.locator('[data-testid="ac-columns"]').bounding_box()["width"]
    for box, weight in zip((left, middle, right), (0.25, 0.5, 0.25)):
        assert abs(box["width"] - (weight * row - 16 * (1 - weight))) < 1
    screenshot(page, "layout-light.png")

    page.set_viewport_size({"width": 400, "height": 900})
    stacked = boxes(page, '[data-testid="ac-columns"] > .ac-columns > [data-testid="ac-column"]')
    assert len({round(box["x"]) for box in stacked}) == 1, "narrow: the columns should be one under the other"
    assert stacked[0]["y"] < stacked[1]["y"] < stacked[2]["y"]
    assert all(abs(box["width"] - stacked[0]["width"]) < 1 for box in stacked)
    screenshot(page, "layout-narrow.png")


def test_wrap_false_keeps_columns_in_one_row_on_a_narrow_screen(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        for i, col in enumerate(st.columns(3, wrap=False)):
            col.write(f"cell {i}")
    """)
    page.set_viewport_size({"width": 400, "height": 600})
    page.goto(app.url)
    expect(page.get_by_text("cell 2")).to_be_visible()
    ys = {round(box["y"]) for box in boxes(page, '[data-testid="ac-column"]')}
    assert len(ys) == 1


def test_an_expander_opens_and_stays_open_across_a_rerun_and_a_fragment_run(serve_app, page: Page) -> None:
    app = serve_app(PAGE)
    open_page(page, app)
    hidden = page.get_by_text("Hidden text")
    expect(hidden).to_be_hidden()
    header = page.locator("summary", has_text="Closed one")
    expect(header).to_have_attribute("aria-expanded", "false")
    header.click()
    expect(hidden).to_be_visible()
    expect(header).to_have_attribute("aria-expanded", "true")
    # The chevron turns; an expander with an icon shows its icon instead.
    expect(header.locator(".ac-icon-material")).to_have_text("expand_more")
    expect(page.locator("summary", has_text="Details").locator(".ac-icon-material")).to_have_text("info")

    page.get_by_role("button", name="Rerun").click()
    expect(page.get_by_text("runs: 2")).to_be_visible()
    expect(hidden).to_be_visible()

    page.get_by_role("tab", name="Third").click()
    page.get_by_role("button", name="Fragment button").click()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(page.get_by_text("runs: 2")).to_be_visible()  # only the fragment ran
    expect(hidden).to_be_visible()

    header.press("Enter")  # the keyboard closes it too
    expect(hidden).to_be_hidden()


def test_tabs_switch_underline_the_open_one_in_the_primary_colour_and_keep_it_across_reruns(
        serve_app, page: Page) -> None:
    app = serve_app(PAGE)
    open_page(page, app)
    first, second = page.get_by_role("tab", name="First"), page.get_by_role("tab", name="Second")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Tab one content")).to_be_visible()
    expect(page.get_by_text("Tab two content")).to_be_hidden()

    second.click()
    expect(second).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Tab two content")).to_be_visible()
    expect(page.get_by_text("Tab one content")).to_be_hidden()
    primary = rgb(page, "getComputedStyle(document.documentElement).getPropertyValue('--ac-primary')"
                        ".replace(/^#(..)(..)(..)$/, (_, r, g, b) => `${parseInt(r,16)},${parseInt(g,16)},${parseInt(b,16)}`)")
    underline = rgb(page, "getComputedStyle(document.querySelector('[role=tab][aria-selected=true]')).borderBottomColor")
    assert underline == primary

    page.get_by_role("button", name="Rerun").click()
    expect(page.get_by_text("runs: 2")).to_be_visible()
    expect(second).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("Tab two content")).to_be_visible()

    second.press("ArrowRight")  # the keyboard moves between tabs
    expect(page.get_by_role("tab", name="Third")).to_be_focused()
    expect(page.get_by_role("button", name="Fragment button")).to_be_visible()
    page.get_by_role("button", name="Fragment button").click()
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")
    expect(page.get_by_role("tab", name="Third")).to_have_attribute("aria-selected", "true")


def test_a_popover_opens_its_widget_works_and_a_click_outside_or_esc_closes_it(serve_app, page: Page) -> None:
    app = serve_app(PAGE)
    open_page(page, app)
    button = page.get_by_role("button", name="Settings")
    panel = page.get_by_role("dialog", name="Settings")
    expect(panel).to_be_hidden()
    button.click()
    expect(panel).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    panel_box, button_box = panel.bounding_box(), button.bounding_box()
    assert panel_box["y"] >= button_box["y"] + button_box["height"]  # a floating panel below the button

    panel.get_by_text("Enable").click()
    expect(page.get_by_text("enabled: True")).to_be_visible()
    expect(panel).to_be_visible()  # its widget's rerun leaves it open
    screenshot(page, "layout-popover-light.png")

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(button).to_be_focused()

    button.click()
    expect(panel).to_be_visible()
    page.get_by_role("heading", name="Layout").click()  # outside
    expect(panel).to_be_hidden()


def test_stateful_tabs_and_expander_tell_the_script_what_the_person_opened(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        tabs = st.tabs(["A", "B"], key="tabs", on_change="rerun")
        box = st.expander("More", key="box", on_change="rerun")
        pop = st.popover("Pop", key="pop", on_change="rerun")
        pop.write("in pop")
        st.write(f"tab: {st.session_state.tabs}, open: {box.open}, pop: {pop.open}")
    """)
    page.goto(app.url)
    expect(page.get_by_text("tab: A, open: False, pop: False")).to_be_visible()
    page.get_by_role("tab", name="B").click()
    expect(page.get_by_text("tab: B, open: False, pop: False")).to_be_visible()
    page.locator("summary", has_text="More").click()
    expect(page.get_by_text("tab: B, open: True, pop: False")).to_be_visible()
    page.get_by_role("button", name="Pop").click()
    expect(page.get_by_text("tab: B, open: True, pop: True")).to_be_visible()
    expect(page.get_by_text("in pop")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_text("tab: B, open: True, pop: False")).to_be_visible()
    page.reload()  # the session keeps them, and the page shows them so
    expect(page.get_by_role("tab", name="B")).to_have_attribute("aria-selected", "true")
    expect(page.locator("summary", has_text="More")).to_have_attribute("aria-expanded", "true")


def test_dark_theme_layout_has_dark_surfaces_and_visible_borders(serve_app, page: Page) -> None:
    app = serve_app(PAGE, env={"APPCORE_THEME_BASE": "dark"})
    open_page(page, app)
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.get_by_role("button", name="Settings").click()
    expect(page.get_by_role("dialog", name="Settings")).to_be_visible()
    screenshot(page, "layout-dark.png")
    panel = rgb(page, "getComputedStyle(document.querySelector('.ac-popover-body')).backgroundColor")
    border = rgb(page, "getComputedStyle(document.querySelector('.ac-expander')).borderTopColor")
    text = rgb(page, "getComputedStyle(document.querySelector('.ac-expander summary')).color")
    assert sum(panel) < 3 * 80, f"the dark popover is light: {panel}"
    assert sum(border) > sum(panel) + 60, f"the expander's border does not show on the dark page: {border}"
    assert sum(text) > 3 * 180, f"the expander's label is not light: {text}"


def test_space_adds_room_between_elements(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        st.write("above")
        st.space("large")
        st.write("below")
        st.write("next")
    """)
    page.goto(app.url)
    expect(page.get_by_text("next")).to_be_visible()
    above, below, after = (page.get_by_text(t, exact=True).bounding_box() for t in ("above", "below", "next"))
    plain = after["y"] - below["y"]
    spaced = below["y"] - above["y"]
    assert abs(spaced - plain - (4.25 * 16 + 16)) < 2  # 4.25rem of room plus one more gap


def test_a_placeholder_holding_columns_is_replaced_and_emptied_on_the_page(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        ph = st.empty()
        step = st.session_state.get("step", 0)
        if step == 0:
            with ph.container():
                left, right = st.columns(2)
                left.write("left cell")
                right.write("right cell")
        elif step == 1:
            ph.write("just text")
        else:
            ph.empty()
        if st.button("Next"):
            st.session_state.step = step + 1
            st.rerun()
        st.write(f"step: {step}")
    """)
    page.goto(app.url)
    expect(page.get_by_text("right cell")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("step: 1")).to_be_visible()
    expect(page.get_by_text("just text")).to_be_visible()
    expect(page.get_by_test_id("ac-column")).to_have_count(0)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("step: 2")).to_be_visible()
    expect(page.get_by_text("just text")).to_have_count(0)


@pytest.mark.parametrize("alignment", ["top", "center", "bottom"])
def test_vertical_alignment_lines_up_columns_contents(serve_app, page: Page, alignment: str) -> None:
    app = serve_app(f"""
        import appcore as st
        tall, short = st.columns(2, vertical_alignment="{alignment}")
        tall.text_area("Notes", height=200)
        short.button("Save")
    """)
    page.goto(app.url)
    area = page.get_by_label("Notes").bounding_box()
    field = page.get_by_test_id("ac-text_area").bounding_box()
    button = page.get_by_role("button", name="Save").bounding_box()
    if alignment == "top":
        assert abs(button["y"] - field["y"]) < 2
    elif alignment == "bottom":
        assert abs((button["y"] + button["height"]) - (area["y"] + area["height"])) < 2
    else:
        middle = field["y"] + field["height"] / 2
        assert abs(button["y"] + button["height"] / 2 - middle) < 2


@pytest.mark.parametrize("gap, pixels", [("None", 0), ('"large"', 64), ("20", 20)])
def test_the_gap_between_columns_is_streamlits(serve_app, page: Page, gap: str, pixels: int) -> None:
    app = serve_app(f"""
        import appcore as st
        for i, col in enumerate(st.columns(2, gap={gap})):
            col.write(f"cell {{i}}")
    """)
    page.goto(app.url)
    expect(page.get_by_text("cell 1")).to_be_visible()
    row = page.get_by_test_id("ac-columns").bounding_box()
    left, right = boxes(page, '[data-testid="ac-column"]')
    assert abs(right["x"] - (left["x"] + left["width"]) - pixels) < 1
    assert abs(left["width"] - (row["width"] - pixels) / 2) < 1


def test_a_popover_in_the_sidebar_or_at_the_right_edge_shows_its_whole_panel(serve_app, page: Page) -> None:
    app = serve_app("""
        import appcore as st
        with st.sidebar.popover("Side"):
            st.write("a panel wider than the sidebar, which must not clip it")
        right = st.columns(3)[2]
        with right.popover("Right", use_container_width=True):
            st.write("a panel that would leave the window on the right")
    """)
    page.goto(app.url)
    for name in ("Side", "Right"):
        page.get_by_role("button", name=name, exact=True).click()
        panel = page.get_by_role("dialog", name=name)
        expect(panel).to_be_visible()
        box = panel.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
        # What is drawn at the panel's far corners is the panel itself: nothing clips or covers it.
        for x, y in ((box["x"] + box["width"] - 4, box["y"] + 4), (box["x"] + 4, box["y"] + box["height"] - 4)):
            assert page.evaluate(f"document.elementFromPoint({x}, {y})?.closest('[role=dialog]')?.getAttribute('aria-label')") == name
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()
