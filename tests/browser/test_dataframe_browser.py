"""st.dataframe and st.table as a person sees them in Chromium: column types drawn (links, stars, progress
bars, sparklines), number formats that read as they do in st.slider and st.number_input, a
200,000-row table scrolled to the middle and to the end with its rows shown, a header click
that sorts the whole frame on the server, a search that narrows it and says how many rows
match, the CSV download of what is shown, full screen and Escape, a cell or a range of cells
copied as tab-separated text.
Screenshots in light and dark theme go to the artifacts folder."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("APPCORE_TEST_ARTIFACTS", "/tmp/appcore-artifacts")) / "dataframe"


def screenshot(page: Page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

TABLES = """
import appcore as st, pandas as pd, numpy as np
st.title("Tables")
apps = pd.DataFrame({
    "name": ["Roadmap", "Extras", "Issues"],
    "url": ["https://roadmap.streamlit.app", "https://extras.streamlit.app", "https://issues.streamlit.app"],
    "stars": [120, 450, 33], "share": [0.2, 0.5, 0.9],
    "views": [[1, 5, 3, 8, 2], [3, 3, 4, 6, 9], [9, 7, 5, 3, 1]],
})
st.dataframe(apps, hide_index=True, column_config={
    "name": "App name", "url": st.column_config.LinkColumn("App URL"),
    "stars": st.column_config.NumberColumn("Stars", format="%d ⭐", help="GitHub stars"),
    "share": st.column_config.ProgressColumn("Share", min_value=0, max_value=1, format="percent"),
    "views": st.column_config.LineChartColumn("Views"),
})
st.table(pd.DataFrame({"city": ["Oslo", "Lima"], "temp": [3.5, 19.0]}).set_index("city"), border="horizontal")
n = 200_000
big = pd.DataFrame({"n": np.arange(n), "code": [f"c{i % 1000:03d}" for i in range(n)], "score": (np.arange(n) * 7919) % 1000 / 10})
st.dataframe(big, key="big")
"""


def big(page: Page):
    return page.locator('[data-testid="ac-dataframe"][data-key="big"]')


def shown_numbers(grid, column: int) -> list[str]:
    return grid.locator(f".ac-df-row .ac-df-cell:nth-child({column + 1})").all_inner_texts()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_column_types_draw_and_a_large_table_scrolls_sorts_and_searches(serve_app, page: Page, theme):
    app = serve_app(TABLES, env={"APPCORE_THEME_BASE": theme})
    page.goto(app.url)
    small = page.locator('[data-testid="ac-dataframe"]').first
    expect(small.get_by_role("link", name="https://roadmap.streamlit.app")).to_have_attribute(
        "href", "https://roadmap.streamlit.app")
    expect(small.get_by_text("450 ⭐")).to_be_visible()
    expect(small.get_by_text("50%", exact=True)).to_be_visible()  # Streamlit's percent: up to two decimals, none here
    expect(small.locator(".ac-df-spark")).to_have_count(3)

    table = page.get_by_test_id("ac-table")
    expect(table.get_by_role("rowheader", name="Lima")).to_be_visible()
    expect(table.get_by_role("cell", name="19")).to_have_css("text-align", "right")

    grid = big(page)
    expect(grid.locator('[data-row="9"]')).to_be_visible()
    screenshot(page, f"dataframe-{theme}")

    scroller = grid.locator(".ac-df-scroll")
    scroller.evaluate("el => el.scrollTop = el.scrollHeight / 2")
    middle = grid.locator('[data-row="100000"]')
    expect(middle).to_be_visible()
    expect(middle.locator(".ac-df-cell").nth(1)).to_have_text("100000")
    scroller.evaluate("el => el.scrollTop = el.scrollHeight")
    expect(grid.locator('[data-row="199999"]').locator(".ac-df-cell").nth(2)).to_have_text("c999")

    grid.locator('.ac-df-th[data-column="n"]').click()  # ascending: already the order
    grid.locator('.ac-df-th[data-column="n"]').click()  # descending, over all 200,000 rows
    expect(grid.locator('.ac-df-th[data-column="n"]')).to_have_attribute("aria-sort", "descending")
    expect(grid.locator(".ac-df-row").first.locator(".ac-df-cell").nth(1)).to_have_text("199999")

    grid.hover()
    grid.get_by_role("button", name="Search").click()
    page.keyboard.type("c123")
    expect(grid.locator(".ac-df-count")).to_have_text("200 rows")
    expect(grid.locator(".ac-df-row").first.locator(".ac-df-cell").nth(2)).to_have_text("c123")
    expect(grid.locator(".ac-df-row").first.locator(".ac-df-cell").nth(1)).to_have_text("199123")
    screenshot(page, f"dataframe-searched-{theme}")

    with page.expect_download() as info:
        grid.get_by_role("link", name="Download as CSV").click()
    download = info.value
    assert re.fullmatch(r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_export\.csv", download.suggested_filename)
    lines = open(download.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == ",n,code,score" and lines[1].startswith("199123,199123,c123,") and len(lines) == 201

    grid.get_by_role("button", name="Fullscreen").click()
    expect(grid.locator(".ac-df-full")).to_be_visible()
    page.keyboard.press("Escape")
    expect(grid.locator(".ac-df-full")).to_have_count(0)



def copied(page: Page, lines: int) -> list[str]:
    """The clipboard's text, by line, once it holds that many lines (a copy may fetch rows first)."""
    deadline = time.monotonic() + 10
    while True:
        text = page.evaluate("navigator.clipboard.readText()").split("\n")
        if len(text) == lines or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(50)


def test_a_cell_or_a_range_of_cells_is_copied_as_tab_separated_text(serve_app, page: Page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(serve_app(TABLES).url)
    grid = big(page)
    cells = grid.locator('[data-row="2"] .ac-df-cell')
    expect(cells.nth(2)).to_have_text("c002")
    cells.nth(2).click()
    page.keyboard.press("Control+c")
    assert copied(page, 1) == ["c002"]
    # Shift+arrows grow a range from the focused cell: three rows of n, code and score.
    cells.nth(1).click()
    for key in ("Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowDown", "Shift+ArrowDown"):
        page.keyboard.press(key)
    expect(grid.locator(".ac-df-range")).to_have_count(9)
    screenshot(page, "dataframe-range")
    page.keyboard.press("Control+c")
    assert copied(page, 3) == ["2\tc002\t83.8", "3\tc003\t75.7", "4\tc004\t67.6"]
    # A plain click ends the range; Shift+click takes one down to rows the page has not fetched
    # yet (they come for the copy).
    cells.nth(1).click()
    expect(grid.locator(".ac-df-range")).to_have_count(0)
    grid.locator(".ac-df-scroll").evaluate("el => el.scrollTop = 260 * 35")
    far = grid.locator('[data-row="260"] .ac-df-cell').nth(1)
    expect(far).to_have_text("260")
    far.click(modifiers=["Shift"])
    page.keyboard.press("Control+c")
    column = copied(page, 259)
    assert column[0] == "2" and column[100] == "102" and column[-1] == "260"


NUMBER_FORMATS = """
import appcore as st, pandas as pd
st.number_input("printf", value=3.14159, format="%.2f")
st.slider("percent", 0.0, 1.0, 0.25, format="percent")
st.slider("compact", 0, 2_000_000, 1_234_567, format="compact")
st.slider("accounting", -5000.0, 5000.0, -1234.5, step=0.5, format="accounting")
st.slider("printf", 0.0, 10.0, 3.14, format="%.2f")
numbers = pd.DataFrame({"percent": [0.25], "compact": [1_234_567], "accounting": [-1234.5], "printf": [3.14159],
                        "none": [1234.56789], "tiny": [0.0000123], "count": [1_234_567]})
st.dataframe(numbers, key="formats", hide_index=True, column_config={
    name: st.column_config.NumberColumn(format=name) for name in ("percent", "compact", "accounting")
} | {"printf": st.column_config.NumberColumn(format="%.2f")})
"""


def test_a_number_format_reads_the_same_in_a_widget_and_in_a_dataframe_column(serve_app, page: Page):
    """One formatter, Streamlit 1.67's, for the slider, the number input's printf and the columns."""
    page.goto(serve_app(NUMBER_FORMATS).url)
    cells = page.locator('[data-testid="ac-dataframe"][data-key="formats"] [data-row="0"] .ac-df-cell')
    expect(cells).to_have_count(7)
    for column, (label, text) in enumerate([("percent", "25%"), ("compact", "1.2M"), ("accounting", "(1,234.50)"),
                                            ("printf", "3.14")]):
        expect(page.get_by_role("slider", name=label)).to_have_attribute("aria-valuetext", text)
        expect(page.locator(".ac-slider-bubble").nth(column)).to_have_text(text)
        expect(cells.nth(column)).to_have_text(text)
    expect(page.get_by_role("spinbutton", name="printf")).to_have_value("3.14")
    # No format: four decimals at most, more for a number under 0.0001, none for an int column.
    expect(cells.nth(4)).to_have_text("1234.5679")
    expect(cells.nth(5)).to_have_text("0.00001")
    expect(cells.nth(6)).to_have_text("1234567")
    screenshot(page, "number-formats")


def test_a_date_column_shows_the_date_alone_and_a_datetime_column_the_time_too(serve_app, page: Page):
    page.goto(serve_app("""
        import appcore as st, pandas as pd
        df = pd.DataFrame({"day": pd.to_datetime(["2024-01-02 15:30"]), "at": pd.to_datetime(["2024-01-02 15:30"]),
                           "month": pd.to_datetime(["2024-01-02"])})
        st.dataframe(df, key="dates", hide_index=True, column_config={
            "day": st.column_config.DateColumn("Day"), "at": st.column_config.DatetimeColumn("At"),
            "month": st.column_config.DateColumn("Month", format="MMM YYYY")})
    """).url)
    cells = page.locator('[data-testid="ac-dataframe"][data-key="dates"] [data-row="0"] .ac-df-cell')
    expect(cells).to_have_count(3)
    expect(cells.nth(0)).to_have_text("2024-01-02")
    expect(cells.nth(1)).to_have_text("2024-01-02 15:30:00")
    expect(cells.nth(2)).to_have_text("Jan 2024")


def test_a_stretched_tables_columns_fill_its_frame_and_a_content_wide_one_hugs_them(serve_app, page: Page):
    page.goto(serve_app("""
        import appcore as st, pandas as pd
        df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
        st.dataframe(df, key="stretched")
        st.dataframe(df, key="hugging", width="content")
    """).url)
    def widths(key):
        table = page.locator(f'[data-testid="ac-dataframe"][data-key="{key}"]')
        expect(table.locator(".ac-df-th")).to_have_count(3)
        return (table.locator(".ac-df-scroll").evaluate("el => el.clientWidth"),
                table.locator(".ac-df-th").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)"))
    frame, (index, a, b) = widths("stretched")
    assert index + a + b == pytest.approx(frame, abs=1) and a > 150  # two short columns spread over ~700 px
    frame, (index_hugging, a_hugging, _) = widths("hugging")
    assert index_hugging == index and a_hugging < 100 and frame < 300  # the index is never stretched


SELECTING = """
import appcore as st, pandas as pd, numpy as np
df = pd.DataFrame({"n": np.arange(5000), "b": [f"w{i % 9}" for i in range(5000)]})
event = st.dataframe(df, on_select="rerun", key="sel", selection_mode=["multi-row", "multi-column"])
st.markdown(f"rows={event.selection.rows} columns={event.selection.columns}")
cells = st.dataframe(df.head(5), on_select="rerun", key="cells", selection_mode="single-cell")
st.markdown(f"cells={cells.selection.cells}")
"""


def test_rows_columns_and_cells_chosen_on_the_page_reach_the_script(serve_app, page: Page):
    app = serve_app(SELECTING)
    page.goto(app.url)
    grid = page.locator('[data-testid="ac-dataframe"][data-key="sel"]')
    grid.locator('[data-row="3"] input[type=checkbox]').check()
    expect(page.get_by_text("rows=[3] columns=[]")).to_be_visible()
    grid.locator('.ac-df-th[data-column="n"]').click()  # with column selection on, a header click selects
    expect(page.get_by_text("rows=[3] columns=['n']")).to_be_visible()
    grid.locator(".ac-df-scroll").evaluate("el => el.scrollTop = el.scrollHeight")
    grid.locator('[data-row="4999"] input[type=checkbox]').check()
    expect(page.get_by_text("rows=[3, 4999] columns=['n']")).to_be_visible()
    expect(grid.locator('[data-row="4999"]')).to_have_class(re.compile("ac-df-selected"))
    grid.locator('[data-row="4999"] input[type=checkbox]').uncheck()
    expect(page.get_by_text("rows=[3] columns=['n']")).to_be_visible()

    cells = page.locator('[data-testid="ac-dataframe"][data-key="cells"]')
    cells.locator('[data-row="2"] .ac-df-cell').nth(2).click()
    expect(page.get_by_text("cells=[(2, 'b')]")).to_be_visible()
    screenshot(page, "dataframe-selected")


EDITING = """
import appcore as st, pandas as pd
df = pd.DataFrame({"name": ["a", "b", "c"], "n": [1, 2, 3], "ok": [True, False, True]})
edited = st.data_editor(df, key="ed", num_rows="dynamic", disabled=["ok"])
st.markdown(f"sum={edited['n'].sum()} rows={len(edited)} names={list(edited['name'])}")
"""


def test_a_cell_edited_and_rows_added_and_deleted_reach_the_script(serve_app, page: Page):
    app = serve_app(EDITING)
    page.goto(app.url)
    grid = page.get_by_test_id("ac-data_editor")
    grid.locator('[data-row="1"] .ac-df-cell').nth(2).dblclick()
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    expect(page.get_by_text("sum=24 rows=3")).to_be_visible()
    expect(grid.locator('[data-row="1"] .ac-df-cell').nth(2)).to_have_text("20")

    grid.hover()
    grid.get_by_role("button", name="Add row").click()
    expect(page.get_by_text("sum=24.0 rows=4")).to_be_visible()
    grid.locator('[data-row="added-0"] .ac-df-cell').nth(1).dblclick()
    page.keyboard.type("zed")
    page.keyboard.press("Enter")
    expect(page.get_by_text("names=['a', 'b', 'c', 'zed']")).to_be_visible()

    grid.locator('[data-row="0"] .ac-df-select input').check()
    grid.get_by_role("button", name="Delete rows").click()
    expect(page.get_by_text("names=['b', 'c', 'zed']")).to_be_visible()
    expect(grid.locator('[data-row="0"]')).to_have_count(0)
    # A click on the disabled column's checkbox changes nothing.
    box = grid.locator('[data-row="1"] .ac-df-cell').nth(3)
    box.click()
    expect(box.locator("input")).not_to_be_checked()
    grid.locator('[data-row="2"] .ac-df-cell').nth(1).dblclick()  # an editable text cell opens an editor
    expect(grid.locator(".ac-df-editor")).to_be_focused()
    page.keyboard.press("Escape")
    expect(grid.locator(".ac-df-editor")).to_have_count(0)
    screenshot(page, "data_editor")


def test_a_number_outside_its_columns_bounds_or_none_in_a_required_one_is_not_taken_and_later_edits_reach_the_script(
        serve_app, page: Page):
    page.goto(serve_app("""
        import appcore as st, pandas as pd
        df = pd.DataFrame({"n": [1, 2], "code": ["ab", "cd"]})
        edited = st.data_editor(df, key="ed", column_config={
            "n": st.column_config.NumberColumn(min_value=0, max_value=100, required=True),
            "code": st.column_config.TextColumn(validate=r"^[a-z]+$")})
        st.markdown(f"n={list(edited['n'])} code={list(edited['code'])}")
    """).url)
    grid = page.get_by_test_id("ac-data_editor")
    first, second = (grid.locator(f'[data-row="{row}"] .ac-df-cell').nth(1) for row in (0, 1))
    for cell, typed in ((first, "500"), (second, "8")):
        cell.dblclick()
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
    expect(page.get_by_text("n=[1, 8]")).to_be_visible()  # the 500 was not taken; the 8 was
    expect(first).to_have_text("1")
    first.dblclick()  # nor is nothing, in a required column
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.press("Enter")
    second.dblclick()
    page.keyboard.press("Control+A")
    page.keyboard.type("9")
    page.keyboard.press("Enter")
    expect(page.get_by_text("n=[1, 9]")).to_be_visible()
    for row, typed in ((0, "X9"), (1, "zz")):  # nor text that does not match the column's pattern
        grid.locator(f'[data-row="{row}"] .ac-df-cell').nth(2).dblclick()
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
    expect(page.get_by_text("n=[1, 9] code=['ab', 'zz']")).to_be_visible()


def test_an_editor_grows_with_the_rows_added_and_a_new_rows_first_cell_opens_for_typing(serve_app, page: Page):
    page.goto(serve_app(EDITING).url)
    grid = page.get_by_test_id("ac-data_editor")
    frame = grid.locator(".ac-df-frame")
    expect(grid.locator('[data-row="2"]')).to_have_count(1)
    before = frame.bounding_box()["height"]
    grid.hover()
    grid.get_by_role("button", name="Add row").click()
    expect(grid.locator(".ac-df-editor")).to_be_focused()  # the new row's name cell
    page.keyboard.type("zed")
    page.keyboard.press("Enter")
    expect(page.get_by_text("names=['a', 'b', 'c', 'zed']")).to_be_visible()
    assert frame.bounding_box()["height"] > before + 20  # one row taller: row "a" still in view
    expect(grid.locator('[data-row="0"]')).to_be_in_viewport()
