"""examples/dashboard.py as its user drives it: filters in the sidebar change the
metrics, tabs and tables; a filter that matches nothing says so instead of failing;
the forecast button runs its progress loop to the end."""
from __future__ import annotations

from pathlib import Path

import pytest

from appcore.testing import AppTest

EXAMPLE = Path(__file__).parents[1] / "examples" / "dashboard.py"


@pytest.fixture
def dashboard() -> AppTest:
    at = AppTest(EXAMPLE, default_timeout=10).run()
    assert not at.exception
    return at


def test_the_sidebar_filters_drive_the_metrics_in_three_bordered_columns(dashboard: AppTest) -> None:
    assert [m.label for m in dashboard.metric] == ["Revenue", "Units sold", "Average price"]
    both = [m.value for m in dashboard.metric]
    dashboard.sidebar.multiselect[0].set_value(["East"]).run()
    east = [m.value for m in dashboard.metric]
    assert east != both
    units_east = int(east[1].replace(",", ""))
    dashboard.sidebar.multiselect[0].set_value(["East", "West"]).run()
    assert int(dashboard.metric[1].value.replace(",", "")) > units_east
    assert len(dashboard.columns) == 3


def test_the_tabs_group_the_chosen_rows_by_region_and_by_product(dashboard: AppTest) -> None:
    assert [t.label for t in dashboard.tabs] == ["By region", "By product"]
    dashboard.sidebar.multiselect[0].set_value(["East", "West"]).run()
    dashboard.sidebar.selectbox[0].select("Gizmos").run()
    by_region = dashboard.tabs[0].dataframe[0].value
    by_product = dashboard.tabs[1].dataframe[0].value
    assert sorted(by_region.index) == ["East", "West"]
    assert list(by_product.index) == ["Gizmos"]
    assert by_region["units"].sum() == by_product["units"].sum()
    assert by_region["units"].sum() == int(dashboard.metric[1].value.replace(",", ""))


def test_a_shorter_period_counts_fewer_rows_in_the_expander(dashboard: AppTest) -> None:
    def rows() -> int:
        text = dashboard.expander[0].markdown[0].value
        return int(text.split()[0].replace(",", ""))

    month = rows()
    dashboard.sidebar.slider[0].set_value(7).run()
    assert rows() < month
    assert dashboard.expander[0].label == "Raw rows"


def test_no_region_chosen_says_so_and_draws_no_metrics(dashboard: AppTest) -> None:
    dashboard.sidebar.multiselect[0].set_value([]).run()
    assert not dashboard.exception
    assert "choose at least one region" in dashboard.warning[0].value
    assert len(dashboard.metric) == 0


def test_the_forecast_button_runs_its_progress_loop_to_the_end(dashboard: AppTest) -> None:
    dashboard.button[0].click().run()
    assert dashboard.success[0].value.startswith("Forecast for tomorrow: $")
    assert dashboard.get("progress")[0].value == 100
