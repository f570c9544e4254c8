"""`appcore run` imports aiohttp's server half only; a script that uses the client gets all of it."""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import aiohttp

from appcore.testing.processes import free_port, stop, wait_healthy


def fresh_python(code: str) -> dict:
    """Run ``code`` in a new interpreter (aiohttp not imported yet); it prints one JSON value."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_server_half_imports_without_the_client_and_its_ssl_contexts() -> None:
    seen = fresh_python("""
import json, sys
from appcore import server_half
installed = server_half.install()
from aiohttp import web
app = web.Application()
print(json.dumps({"installed": installed, "client": "aiohttp.connector" in sys.modules,
                  "whole": server_half.loaded_whole(), "web": web.Application.__module__}))
""")
    assert seen == {"installed": True, "client": False, "whole": False, "web": "aiohttp.web_app"}


def test_the_first_use_of_a_package_name_loads_the_whole_package() -> None:
    seen = fresh_python("""
import json, sys
from appcore import server_half
server_half.install()
import aiohttp.web
import aiohttp
version = aiohttp.__version__
exceptions = aiohttp.client_exceptions.ClientError.__name__   # a submodule, as after a whole import
before = "aiohttp.connector" in sys.modules
from aiohttp import ClientSession, ClientTimeout
worker = repr(aiohttp.GunicornWebWorker)  # served by the package's own __getattr__
namespace = {}
exec("from aiohttp import *", namespace)
print(json.dumps({"version": version, "exceptions": exceptions, "before": before,
                  "after": "aiohttp.connector" in sys.modules, "whole": server_half.loaded_whole(),
                  "timeout": ClientTimeout(total=3).total, "star": "ClientSession" in namespace,
                  "same": aiohttp.ClientSession is ClientSession, "worker": worker}))
""")
    assert seen == {"version": aiohttp.__version__, "exceptions": "ClientError", "before": False,
                    "after": True, "whole": True, "timeout": 3, "star": True, "same": True, "worker": repr(aiohttp.GunicornWebWorker)}


def test_an_aiohttp_imported_already_is_left_as_it_is() -> None:
    seen = fresh_python("""
import json
import aiohttp
from appcore import server_half
print(json.dumps({"installed": server_half.install(), "whole": server_half.loaded_whole()}))
""")
    assert seen == {"installed": False, "whole": True}


def test_a_served_script_that_uses_the_aiohttp_client_gets_it(tmp_path) -> None:
    (tmp_path / "app.py").write_text("""
import pathlib, sys
import appcore as st
import aiohttp
before = "aiohttp.connector" in sys.modules
timeout = aiohttp.ClientTimeout(total=3)
pathlib.Path("seen.txt").write_text(f"{before} {timeout.total} {'aiohttp.connector' in sys.modules}")
st.write("done")
""")
    env = {k: v for k, v in os.environ.items() if not k.startswith("APPCORE_")}
    env["APPCORE_SERVER_RUN_ON_SAVE"] = "false"
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "appcore", "run", "app.py", "--port", str(port), "--headless"],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_healthy(f"http://127.0.0.1:{port}/_appcore/health", process)

        async def open_tab() -> None:
            async with aiohttp.ClientSession() as http, http.ws_connect(
                    f"http://127.0.0.1:{port}/_appcore/stream") as ws:
                await ws.send_json({"t": "hello", "session": None, "path": "/"})
                deadline = time.monotonic() + 20
                while not (tmp_path / "seen.txt").exists() and time.monotonic() < deadline:
                    await asyncio.sleep(0.05)

        asyncio.run(open_tab())
        # The server had not imported the client; the script's first use of it brought all of it.
        assert (tmp_path / "seen.txt").read_text() == "False 3 True"
    finally:
        stop(process)
    assert "Traceback" not in process.stderr.read()
