"""GET /_appcore/dataframe/{session}/{token}: windows of a large table's rows, sorted and
searched on the server over the whole frame, the view as CSV; unknown tokens and sessions
answer 404, nonsense parameters 400."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import appcore_control
import appcore_dataframe
import appcore_elements
import pytest

from appcore.app import App
from appcore.config import Config
from appcore.server import build_web_app

from appcore_test_wire import Tab

BIG = """
import appcore as st, pandas as pd
n = 3000
st.dataframe(pd.DataFrame({"n": range(n), "word": [f"w{i % 7}" for i in range(n)], "half": [i / 2 for i in range(n)]}),
             column_config={"half": "Half"}, hide_index=True)
"""


@pytest.fixture
def serve_table(aiohttp_client, tmp_path: Path):  # type: ignore[no-untyped-def]
    async def start(source: str = BIG) -> Any:
        script = tmp_path / "app.py"
        script.write_text(source, encoding="utf-8")
        config = Config()
        config.server.run_on_save = False
        app = App(script, config, plugins=[appcore_elements, appcore_control, appcore_dataframe],
                  autoload_plugins=False)
        client = await aiohttp_client(build_web_app(app))
        tab = await Tab.open(client)
        props = next(props for kind, props, _w, _k in tab.elements.values() if kind == "dataframe")
        return client, f"/_appcore/dataframe/{tab.session['id']}/{props['token']}", props

    return start


async def test_a_window_of_a_large_table_comes_with_its_positions(serve_table) -> None:  # type: ignore[no-untyped-def]
    client, url, props = await serve_table()
    assert props["windowed"] and len(props["rows"]) == 100 and props["total_rows"] == 3000
    body = await (await client.get(url, params={"start": "1500", "end": "1503"})).json()
    assert body == {"total": 3000, "start": 1500, "positions": [1500, 1501, 1502],
                    "rows": [[1500, "w2", 750.0], [1501, "w3", 750.5], [1502, "w4", 751.0]]}


async def test_sorting_runs_over_the_whole_frame(serve_table) -> None:  # type: ignore[no-untyped-def]
    client, url, _ = await serve_table()
    body = await (await client.get(url, params={"start": "0", "end": "2", "sort": "n:desc"})).json()
    assert body["positions"] == [2999, 2998] and body["rows"][0][0] == 2999
    body = await (await client.get(url, params={"start": "0", "end": "3", "sort": "word:asc"})).json()
    assert [r[1] for r in body["rows"]] == ["w0", "w0", "w0"] and body["positions"] == [0, 7, 14]


async def test_search_filters_the_rows_and_counts_what_matches(serve_table) -> None:  # type: ignore[no-untyped-def]
    client, url, _ = await serve_table()
    body = await (await client.get(url, params={"start": "0", "end": "5", "search": "W6", "sort": "n:desc"})).json()
    assert body["total"] == 3000 // 7 and body["rows"][0][:2] == [2995, "w6"]
    assert all(row[1] == "w6" for row in body["rows"])


async def test_the_view_downloads_as_csv_under_the_shown_labels(serve_table) -> None:  # type: ignore[no-untyped-def]
    client, url, _ = await serve_table()
    response = await client.get(url, params={"format": "csv", "search": "w6", "sort": "n:asc"})
    assert response.status == 200 and response.content_type == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    lines = (await response.text()).splitlines()
    assert lines[:3] == ["n,word,Half", "6,w6,3.0", "13,w6,6.5"] and len(lines) == 1 + 3000 // 7


async def test_unknown_tables_and_bad_parameters_are_refused(serve_table) -> None:  # type: ignore[no-untyped-def]
    client, url, _ = await serve_table()
    session, _token = url.rsplit("/", 2)[-2:]
    assert (await client.get(f"/_appcore/dataframe/{session}/not-a-token")).status == 404
    assert (await client.get(url.replace(session, "no-such-session"))).status == 404
    assert (await client.get(url, params={"sort": "n:sideways"})).status == 400
    assert (await client.get(url, params={"start": "ten"})).status == 400
    body = await (await client.get(url, params={"start": "0", "end": "100000"})).json()
    assert len(body["rows"]) == 2000  # one request reads at most WINDOW_MAX rows
