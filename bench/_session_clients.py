"""Idle websocket sessions for bench/sessions.py, run in a process of their own
so their memory never mixes with the measuring process's.

    python _session_clients.py appcore|streamlit PORT

Reads commands on stdin: ``open K`` opens K more sessions, each running the
app once, and answers ``ok TOTAL``; ``quit`` closes them all. appcore's side
speaks its JSON protocol with aiohttp (the project's Python); Streamlit's side
speaks its protobuf protocol with the ``websockets`` package and the protobuf
classes of bench/.venv-streamlit, so it must run on that venv's Python.
"""
from __future__ import annotations

import asyncio
import json
import sys

CONCURRENCY = 10
TIMEOUT = 120


class AppcoreSessions:
    def __init__(self, port: int):
        import aiohttp

        self.url = f"http://127.0.0.1:{port}/_appcore/stream"
        self.http = aiohttp.ClientSession()
        self.sockets: list = []
        self.readers: list[asyncio.Task] = []

    async def open_one(self) -> None:
        ws = await self.http.ws_connect(self.url, autoping=True, max_msg_size=0)
        await ws.send_str(json.dumps({"t": "hello", "session": None, "path": "/"}))
        while True:
            msg = await ws.receive()
            if msg.type.name != "TEXT":
                raise RuntimeError(f"appcore closed the socket: {msg}")
            if any(m.get("t") == "run" and m.get("state") == "idle" for m in json.loads(msg.data)):
                break
        self.sockets.append(ws)
        # Keep reading so heartbeats are answered while the session sits idle.
        self.readers.append(asyncio.create_task(_drain(ws.receive)))

    async def close(self) -> None:
        for task in self.readers:
            task.cancel()
        for ws in self.sockets:
            await ws.close()
        await self.http.close()


class StreamlitSessions:
    def __init__(self, port: int):
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.sockets: list = []
        self.readers: list[asyncio.Task] = []

    async def open_one(self) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from websockets.asyncio.client import connect

        ws = await connect(self.url, subprotocols=["streamlit"], max_size=None)
        # What the browser sends right after connecting: run the main page.
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.page_script_hash = ""
        await ws.send(back.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await ws.recv())
            if forward.WhichOneof("type") == "script_finished":
                break
        self.sockets.append(ws)
        self.readers.append(asyncio.create_task(_drain(ws.recv)))

    async def close(self) -> None:
        for task in self.readers:
            task.cancel()
        for ws in self.sockets:
            await ws.close()


async def _drain(receive) -> None:
    try:
        while True:
            await receive()
    except Exception:
        return


async def main() -> None:
    kind, port = sys.argv[1], int(sys.argv[2])
    sessions = AppcoreSessions(port) if kind == "appcore" else StreamlitSessions(port)
    loop = asyncio.get_running_loop()
    try:
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).split()
            if not line or line[0] == "quit":
                break
            count = int(line[1])
            for start in range(0, count, CONCURRENCY):
                batch = [sessions.open_one() for _ in range(min(CONCURRENCY, count - start))]
                await asyncio.wait_for(asyncio.gather(*batch), TIMEOUT)
            print(f"ok {len(sessions.sockets)}", flush=True)
    finally:
        await sessions.close()


if __name__ == "__main__":
    asyncio.run(main())
