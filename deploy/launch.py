#!/usr/bin/env python3
"""Serve an app as N `appcore run` processes behind nginx, their sessions shared in Redis.

    python deploy/launch.py app.py --processes 3 --listen 127.0.0.1:8080 \\
        --redis redis://127.0.0.1:6379/0 [--base-url-path /app] [--start-redis]

Renders deploy/nginx.conf.template into --run-dir, starts the processes on consecutive
loopback ports from --first-port and nginx in front of them, and supervises them:
a process that exits is started again; SIGHUP restarts them one at a time (each drains
first: its tabs resume on the others); SIGTERM or Ctrl-C drains them all and stops nginx.
See docs/deploy.md.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
NGINX = "/usr/sbin/nginx"


def render(template: str, *, run_dir: Path, listen: str, ports: list[int], prefix: str,
           max_upload_mb: int = 200) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;" for port in ports)
    prefix = prefix.rstrip("/")
    # Under a prefix, the rest of the site is not the app's: / leads to it, a browser's
    # /favicon.ico gets nothing (not an error page), anything else is 404.
    outside = (f"\n        location = / {{ return 302 {prefix}/; }}\n"
               f"        location = {prefix} {{ return 302 {prefix}/; }}\n"
               "        location = /favicon.ico { return 204; }\n"
               "        location / { return 404; }\n") if prefix else ""
    values = {"run_dir": str(run_dir), "listen": listen, "servers": servers, "prefix": prefix,
              "max_upload_mb": str(max_upload_mb), "outside": outside}
    for name, value in values.items():
        template = template.replace("{{" + name + "}}", value)
    return template


class Process:
    def __init__(self, script: Path, port: int, env: dict[str, str], run_dir: Path) -> None:
        self.script, self.port, self.env, self.run_dir = script, port, env, run_dir
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = open(self.run_dir / f"appcore-{self.port}.log", "ab")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "appcore", "run", str(self.script), "--port", str(self.port),
             "--address", "127.0.0.1", "--headless"],
            cwd=self.script.parent, env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        (self.run_dir / f"appcore-{self.port}.pid").write_text(str(self.popen.pid))

    def ready(self, prefix: str, timeout: float = 30.0) -> bool:
        url = f"http://127.0.0.1:{self.port}{prefix.rstrip('/')}/_appcore/health"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.alive:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return True
            except (OSError, urllib.error.HTTPError):
                pass
            time.sleep(0.1)
        return False

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def drain(self, timeout: float) -> None:
        if self.alive:
            assert self.popen is not None
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("script", type=Path)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--listen", default="127.0.0.1:8080", help="nginx's address:port")
    parser.add_argument("--first-port", type=int, default=8501, help="the processes listen from here on")
    parser.add_argument("--redis", default=os.environ.get("APPCORE_SESSION_STORE_URL", ""),
                        help="the session store's URL (default: $APPCORE_SESSION_STORE_URL)")
    parser.add_argument("--start-redis", action="store_true",
                        help="start a redis-server of its own in --run-dir (on --redis's port, else 6379)")
    parser.add_argument("--base-url-path", default="", help="the URL prefix the app is served under (/app)")
    parser.add_argument("--run-dir", type=Path, help="where the config, pids and logs go (default: a temp folder)")
    parser.add_argument("--drain-seconds", type=float, default=30.0, help="how long one process may take to drain")
    args = parser.parse_args(argv)

    script = args.script.resolve()
    run_dir = (args.run_dir or Path(tempfile.mkdtemp(prefix="appcore-deploy-"))).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    prefix = "/" + args.base_url_path.strip("/") if args.base_url_path.strip("/") else ""
    redis_server = None
    if args.start_redis:
        from urllib.parse import urlsplit

        from appcore_redis.testing import RedisServer

        port = urlsplit(args.redis).port if args.redis else None
        redis_server = RedisServer(run_dir / "redis", port=port or 6379).start()
        args.redis = args.redis or redis_server.url
    if not args.redis:
        parser.error("say where Redis is: --redis redis://host:6379/0 (or --start-redis)")

    ports = [args.first_port + i for i in range(args.processes)]
    env = {**os.environ, "APPCORE_SESSION_STORE_URL": args.redis, "APPCORE_SERVER_RUN_ON_SAVE": "false",
           "APPCORE_SERVER_BASE_URL_PATH": prefix,
           # Behind nginx every tab comes from 127.0.0.1: the per-address cap is the whole server's.
           "APPCORE_SERVER_MAX_CONNECTIONS_PER_IP": os.environ.get("APPCORE_SERVER_MAX_CONNECTIONS_PER_IP", "100000")}
    processes = [Process(script, port, env, run_dir) for port in ports]
    config = run_dir / "nginx.conf"
    config.write_text(render((HERE / "nginx.conf.template").read_text(), run_dir=run_dir, listen=args.listen,
                             ports=ports, prefix=prefix))
    for process in processes:
        process.start()
    for process in processes:
        if not process.ready(prefix):
            print(f"launch: the process on port {process.port} did not start; see {run_dir}", file=sys.stderr)
    nginx = subprocess.Popen([NGINX, "-p", str(run_dir), "-e", str(run_dir / "nginx-error.log"),
                              "-c", str(config), "-g", "daemon off;"], stdin=subprocess.DEVNULL)

    wanted: list[str] = []
    for sig, what in ((signal.SIGTERM, "stop"), (signal.SIGINT, "stop"), (signal.SIGHUP, "restart")):
        signal.signal(sig, lambda *_a, what=what: wanted.append(what))
    print(f"launch: serving {script.name} on http://{args.listen}{prefix}/ with {len(processes)} processes "
          f"(ports {ports[0]}-{ports[-1]}), sessions in {args.redis}; files in {run_dir}", flush=True)
    try:
        while True:
            if "stop" in wanted:
                break
            if "restart" in wanted:
                wanted.remove("restart")
                for process in processes:  # one at a time: the others take its tabs
                    process.drain(args.drain_seconds)
                    process.start()
                    process.ready(prefix)
            if nginx.poll() is not None:
                print(f"launch: nginx exited ({nginx.returncode}); see {run_dir / 'nginx-error.log'}", file=sys.stderr)
                return 1
            for process in processes:
                if not process.alive and "stop" not in wanted:
                    print(f"launch: the process on port {process.port} exited; starting it again", flush=True)
                    process.start()
            time.sleep(0.2)
    finally:
        for process in processes:
            if process.alive:
                process.popen.send_signal(signal.SIGTERM)  # type: ignore[union-attr]
        for process in processes:
            process.drain(args.drain_seconds)
        if nginx.poll() is None:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait(10)
        if redis_server is not None:
            redis_server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
