"""examples/dashboard.py in real Chromium: the metrics sit in three bordered columns,
a region added in the sidebar changes them, the forecast button runs its progress
bar to the end; screenshots in light and dark theme and on a narrow screen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLE = (Path(__file__).parents[2] / "examples" / "dashboard.py").read_text(encoding="utf-8")


def open_dashboard(page: Page, app, artifacts_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    expect(page.locator('[data-testid="ac-status"]')).to_have_attribute("data-state", "idle")
    expect(page.locator('[data-testid="ac-metric"]')).to_have_count(3)
    page.screenshot(path=str(artifacts_dir / name), full_page=True)


def metric_values(page: Page) -> list[str]:
    return page.locator('[data-testid="ac-metric"] .ac-metric-value').all_inner_texts()


def test_adding_a_region_in_the_sidebar_changes_the_metrics(serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app(EXAMPLE)
    open_dashboard(page, app, artifacts_dir, "dashboard-light.png")
    metrics = page.locator('[data-testid="ac-metric"]')
    tops = {round(metrics.nth(i).bounding_box()["y"]) for i in range(3)}
    assert len(tops) == 1, "the three metrics should sit side by side"
    before = metric_values(page)

    sidebar = page.locator("#ac-sidebar")
    sidebar.locator(".ac-multi-open").click()
    sidebar.get_by_role("checkbox", name="West").check()
    expect(sidebar.locator(".ac-chip")).to_have_count(3)
    page.keyboard.press("Escape")
    expect(page.locator('[data-testid="ac-status"]')).to_have_attribute("data-state", "idle")
    expect(page.locator('[data-testid="ac-metric"]').first).not_to_have_text(re.compile(re.escape(before[0])))
    assert int(metric_values(page)[1].replace(",", "")) > int(before[1].replace(",", ""))


def test_the_forecast_runs_its_progress_bar_to_the_end(serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app(EXAMPLE)
    open_dashboard(page, app, artifacts_dir, "dashboard-before-forecast.png")
    page.get_by_role("button", name="Refresh forecast").click()
    expect(page.get_by_text(re.compile(r"Forecast for tomorrow: \$[\d,]+"))).to_be_visible()
    expect(page.locator('[data-testid="ac-progress"]')).to_contain_text("Fitting month 10 of 10")


def test_dark_theme_and_a_narrow_screen_stack_the_metrics(serve_app, page: Page, artifacts_dir: Path) -> None:
    app = serve_app(EXAMPLE, env={"APPCORE_THEME_BASE": "dark"})
    page.set_viewport_size({"width": 420, "height": 900})
    open_dashboard(page, app, artifacts_dir, "dashboard-dark-narrow.png")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    metrics = page.locator('[data-testid="ac-metric"]')
    tops = [metrics.nth(i).bounding_box()["y"] for i in range(3)]
    assert tops[0] < tops[1] < tops[2], "on a narrow screen the metric columns stack"
