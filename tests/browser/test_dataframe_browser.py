"""st.dataframe and st.table as a person sees them in Chromium: column types drawn (links, stars, progress
bars, sparklines), a 200,000-row table scrolled to the middle and to the end with its rows
shown, a header click that sorts the whole frame on the server, a search that narrows it
and says how many rows match, the CSV download of what is shown, full screen and Escape.
Screenshots in light and dark theme go to the artifacts folder."""
from __future__ import annotations

import os
import re
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
    expect(small.get_by_text("50.00%")).to_be_visible()
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
