"""Upload throughput and memory of `PUT /_appcore/upload/...` (appcore only).

Starts `appcore run` on a file_uploader app, opens a session over the websocket as a
tab would, then PUTs files of 1, 10 and 100 MB (5 times each) and prints the median
time and MB/s, the server's resident memory after the uploads and after the widget
dropped them, and how long a 1 GB upload declared in Content-Length takes to be
refused. Loopback only; about 30 s.

    python bench/uploads.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp

from appcore.testing.processes import free_port, wait_healthy

APP = 'import appcore as st\nf = st.file_uploader("Data", accept_multiple_files=True, max_upload_size=1000)\n' \
      'st.markdown(f"{sum(x.size for x in f)} bytes")\n'


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def bench(url: str, pid: int, repeat: int) -> None:
    async with aiohttp.ClientSession() as http:
        ws = await http.ws_connect(f"{url}_appcore/stream")
        await ws.send_json({"t": "hello", "session": None, "path": "/"})
        session, widget = None, None
        while widget is None:
            for message in json.loads((await ws.receive()).data):
                if message["t"] == "session":
                    session = message
                for op in message.get("ops", []):
                    if op[0] == "e" and op[2] == "file_uploader":
                        widget = op[4]
        headers = {"X-Appcore-Upload-Token": session["upload_token"], "Content-Type": "application/octet-stream"}
        print(f"server RSS at start: {rss_mb(pid):.0f} MB")
        ids = []
        for size_mb in (1, 10, 100):
            body = os.urandom(size_mb * 1024 * 1024)
            times = []
            for i in range(repeat):
                file_id = f"bench-{size_mb}-{i:04d}"
                started = time.perf_counter()
                async with http.put(f"{url}_appcore/upload/{session['id']}/{file_id}?widget={quote(widget)}&name=f.bin",
                                    data=body, headers=headers) as response:
                    assert response.status == 200, await response.text()
                times.append(time.perf_counter() - started)
                ids.append(file_id)
            median = statistics.median(times)
            print(f"{size_mb:>4} MB: median {median * 1000:8.1f} ms, {size_mb / median:7.0f} MB/s ({repeat} uploads)")
        await ws.send_json({"t": "widget", "id": widget, "value": ids})
        print(f"server RSS holding {sum((1, 10, 100)) * repeat} MB of files: {rss_mb(pid):.0f} MB")
        await ws.send_json({"t": "widget", "id": widget, "value": []})
        await asyncio.sleep(1.0)  # a figure, not a test: let the run that drops them finish
        print(f"server RSS after the widget dropped them: {rss_mb(pid):.0f} MB")
        host, port = url.split("//")[1].strip("/").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        started = time.perf_counter()
        writer.write((f"PUT /_appcore/upload/{session['id']}/bench-huge-0001?widget={quote(widget)}&name=f.bin HTTP/1.1\r\n"
                      f"Host: {host}:{port}\r\nX-Appcore-Upload-Token: {session['upload_token']}\r\n"
                      f"Content-Length: {1024 ** 3 * 2}\r\n\r\n").encode())
        status = (await reader.readline()).decode().strip()
        print(f"a 2 GB upload declared by Content-Length: {status!r} after {(time.perf_counter() - started) * 1000:.1f} ms")
        writer.close()
        await ws.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "app.py"
        script.write_text(APP)
        port = free_port()
        env = {**os.environ, "APPCORE_SERVER_RUN_ON_SAVE": "false"}
        server = subprocess.Popen([sys.executable, "-m", "appcore", "run", "--port", str(port), "--address",
                                   "127.0.0.1", "--headless", str(script)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        try:
            if not wait_healthy(f"{url}_appcore/health", server):
                raise SystemExit("appcore did not start")
            asyncio.run(bench(url, server.pid, args.repeat))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
