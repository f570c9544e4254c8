"""``GET /_appcore/dataframe/{session}/{token}``: a window of a table's rows, or the view as CSV.

Query: ``start`` and ``end`` (positions in the view), ``sort`` (``<column name>:asc``
or ``:desc``), ``search`` (text), ``format=csv``. The token is the capability: it
is random, given to the tab that shows the table, and answers 404 once the
session dropped the table. Sorting and searching a large frame take a while, so
they run on a worker thread, never on the event loop.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import TYPE_CHECKING, Any

from ._frames import TABLES

if TYPE_CHECKING:
    from aiohttp import web

NO_STORE = {"Cache-Control": "no-store"}


def _sort(text: str) -> tuple[str, bool] | None:
    from aiohttp import web

    if not text:
        return None
    name, _, direction = text.rpartition(":")
    if direction not in ("asc", "desc") or not name:
        raise web.HTTPBadRequest(text="sort is '<column>:asc' or '<column>:desc'")
    return name, direction == "asc"


def _int(text: str, default: int) -> int:
    from aiohttp import web

    try:
        return max(0, int(text)) if text else default
    except ValueError:
        raise web.HTTPBadRequest(text="start and end are row numbers") from None


def routes(app: Any) -> list[web.RouteDef]:
    from aiohttp import web  # only a served app needs it: AppTest starts without
    async def window(request: web.Request) -> web.StreamResponse:
        session = app.sessions.get(request.match_info["session"])
        store = session.stash.get(TABLES) if session is not None else None
        table = store.get(request.match_info["token"]) if store is not None else None
        if table is None:
            return web.json_response({"error": "no such table"}, status=404, headers=NO_STORE)
        query = request.query
        sort, search = _sort(query.get("sort", "")), query.get("search", "")[:200]
        if query.get("format") == "csv":
            text = await asyncio.to_thread(table.csv, sort, search)
            name = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S") + "_export.csv"
            return web.Response(text=text, content_type="text/csv", charset="utf-8",
                                headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'})
        start = _int(query.get("start", ""), 0)
        end = _int(query.get("end", ""), start + 100)
        body = await asyncio.to_thread(table.window, start, end, sort, search)
        if body.pop("whole_order_pending"):  # the next windows need it: made now, on a worker thread
            asyncio.get_running_loop().run_in_executor(None, table.order, sort, search)
        return web.json_response(body, headers=NO_STORE)

    return [web.get("/_appcore/dataframe/{session}/{token}", window)]
