"""``appcore`` command line: run, hello, plugins, version."""
from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config, ConfigError

log = logging.getLogger("appcore")

# Commands of the core itself: parsing them needs no plugin loaded (`appcore run` then
# loads its plugins once, in its App, instead of once more for the parser).
BUILTIN_COMMANDS = frozenset({"run", "hello", "plugins", "version"})


def build_parser(pm: Any = None, *, plugin_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="appcore", description="Turn a Python script into a web app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="serve a script as a web app")
    run.add_argument("script", help="the app's Python file")
    _server_flags(run)
    run.set_defaults(handler=cmd_run, script_args=[])
    run.epilog = "Arguments for the script itself go after --: appcore run app.py --port 9000 -- --my-flag"

    hello = sub.add_parser("hello", help="serve the built-in demo app")
    _server_flags(hello)
    hello.set_defaults(handler=cmd_hello)

    plugins = sub.add_parser("plugins", help="list loaded plugins")
    plugins.add_argument("--disable-plugin", action="append", default=[], metavar="NAME")
    plugins.set_defaults(handler=cmd_plugins)

    version = sub.add_parser("version", help="print the version")
    version.set_defaults(handler=lambda args: print(f"appcore {__version__}") or 0)

    if not plugin_commands:
        return parser
    from .plugins import load_plugin_manager

    try:
        if pm is None:
            pm, _ = load_plugin_manager()
        pm.hook.appcore_register_commands(subparsers=sub)
    except Exception as error:  # a broken plugin must not break the CLI
        log.error("plugin commands unavailable: %s", error)
    return parser


def _server_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, help="port to listen on (default 8501)")
    parser.add_argument("--address", help="address to bind (default localhost)")
    parser.add_argument("--headless", action="store_true", default=None, help="do not open a browser")
    parser.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                        help="run without this plugin (repeatable)")


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(plugin_commands=command not in BUILTIN_COMMANDS)
    # Flags may come before or after the script; the script's own arguments follow "--".
    script_args: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, script_args = argv[:cut], argv[cut + 1:]
    try:
        argv, options = _config_options(argv)
    except ConfigError as error:
        print(f"appcore: {error}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    args.config_options = options
    if script_args:
        args.script_args = script_args
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except ConfigError as error:
        print(f"appcore: {error}", file=sys.stderr)
        return 2


CONFIG_OPTION = re.compile(r"--([a-z_]+)\.([A-Za-z_]+)(?:=(.*))?$", re.S)


def _config_options(argv: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Streamlit's ``--<section>.<option> value`` flags (``--server.port 8080``, also with
    ``=``), taken out of ``argv``: a ``streamlit run`` command line works as it is."""
    rest: list[str] = []
    options: list[tuple[str, str]] = []
    words = iter(argv)
    for word in words:
        match = CONFIG_OPTION.match(word)
        if match is None:
            rest.append(word)
            continue
        section, key, value = match.groups()
        if value is None:
            value = next(words, None)
            if value is None:
                raise ConfigError(f"--{section}.{key} needs a value")
        options.append((f"{section}.{key}", value))
    return rest, options


def cmd_run(args: argparse.Namespace) -> int:
    script = Path(args.script)
    if not script.is_file():
        print(f"appcore: no such file: {script}", file=sys.stderr)
        return 2
    if script.suffix != ".py":
        print(f"appcore: {script} is not a Python file (.py)", file=sys.stderr)
        return 2
    sys.argv = [str(script), *args.script_args]
    return serve(script, args)


def cmd_hello(args: argparse.Namespace) -> int:
    script = Path(__file__).parent / "hello" / "hello_app.py"
    return serve(script, args, run_on_save=False)


def cmd_plugins(args: argparse.Namespace) -> int:
    from .plugins import load_plugin_manager

    _, infos = load_plugin_manager(disable=args.disable_plugin)
    for info in infos:
        status = f"  [{info.error}]" if info.error else ""
        print(f"{info.name:<14} {info.distribution} {info.version}{status}")
        for hook in info.hooks:
            print(f"    {hook}")
    return 1 if any(i.error and i.error != "disabled" for i in infos) else 0


def serve(script: Path, args: argparse.Namespace, run_on_save: bool | None = None) -> int:
    # Start-up allocates a great deal and frees little: collecting during it is wasted work
    # (_serve freezes what it built and turns the collector back on once the App is built).
    gc.disable()
    server = {"port": args.port, "address": args.address, "headless": args.headless,
              "run_on_save": run_on_save}
    config = Config.load(script.resolve().parent, overrides={"server": server},
                         options=getattr(args, "config_options", None))
    try:
        asyncio.run(_serve(script, config, args.disable_plugin))
    except KeyboardInterrupt:
        pass
    except OSError as error:
        print(f"appcore: cannot listen on {config.server.address}:{config.server.port}: {error.strerror}",
              file=sys.stderr)
        return 1
    return 0


async def _serve(script: Path, config: Config, disable_plugins: list[str]) -> None:
    """Listen, then build the App on a thread while the first tab fetches the page: its plugins
    load meanwhile, and what needs the App (the tab's websocket) waits for it."""
    from . import server_half

    server_half.install()  # aiohttp's client (and its SSL contexts) only if the script uses it
    from aiohttp import web

    from .server import ARRIVAL_KEY, attach_app, drain, web_app_for

    server = config.server
    _raise_file_limit(server.max_sessions)
    web_app = web_app_for(config)
    runner = web.AppRunner(web_app, handle_signals=False, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, server.address, server.port)
        await site.start()
        url = f"http://{server.address}:{server.port}{server.base_url_path}/"
        print(f"\n  appcore is serving {script.name}\n  URL: {url}\n", flush=True)
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        signals: list[int] = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, lambda sig=sig: (signals.append(sig), stop.set()))
        building = _on_a_thread(loop, _build_app, script, config, disable_plugins)
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({building, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not building.done():  # Ctrl+C or SIGTERM while the plugins load: stop without them
            web_app[ARRIVAL_KEY].fail()
            print("  Stopping...", flush=True)
            return
        stopping.cancel()
        try:
            app, imports = building.result()
        except BaseException:
            web_app[ARRIVAL_KEY].fail()
            raise
        attach_app(web_app, app)
        gc.freeze()  # what start-up built lives as long as the server: later collections skip it
        gc.enable()
        from .warmup import import_modules

        threading.Thread(target=import_modules, args=(imports,), name="appcore-warm-up", daemon=True).start()
        watcher = _LateWatcher(app, loop) if server.run_on_save else None
        if not server.headless:
            _open_browser(url.replace(f"//{server.address}:", "//localhost:", 1)
                          if server.address in ("0.0.0.0", "::", "") else url)
        await stop.wait()
        if watcher is not None:
            watcher.stop()
        if signals[0] == signal.SIGTERM:  # a balancer or a supervisor: let the tabs move elsewhere
            print("  Draining...", flush=True)
            await drain(web_app)
        print("  Stopping...", flush=True)
    finally:
        await runner.cleanup()  # stops listening, closes the sockets with 1001, ends the sessions


def _on_a_thread(loop: asyncio.AbstractEventLoop, function: Any, *args: Any) -> asyncio.Future[Any]:
    """``function(*args)`` on a daemon thread of its own: unlike the loop's executor, whose threads
    the interpreter waits for at exit, a plugin that hangs while it loads cannot keep a stopped
    server from exiting."""
    future = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def target() -> None:
        result, failure = None, None
        try:
            result = function(*args)
        except BaseException as error:  # noqa: BLE001 (handed to the loop, which raises it)
            failure = error
        try:
            loop.call_soon_threadsafe(settle, result, failure)
        except RuntimeError:  # the loop has closed: the server stopped while this went on
            pass

    threading.Thread(target=target, name="appcore-build-app", daemon=True).start()
    return future


def _build_app(script: Path, config: Config, disable_plugins: list[str]) -> tuple[Any, list[str]]:
    """The App, its plugins loaded and prepared and the script compiled, and the installed modules
    the script imports (a thread's target: the server listens meanwhile). The first tab is most
    often waiting by then: what its run needs is done before it starts, not beside it."""
    from .app import App
    from .warmup import prepare

    app = App(script, config, disable_plugins=disable_plugins)
    if config.server.streamlit_alias:  # this process serves one app: `import streamlit` is appcore
        from . import streamlit_alias

        streamlit_alias.install()
    for info in app.plugin_infos:
        if info.error and info.error != "disabled":
            print(f"appcore: plugin '{info.name}' ({info.distribution}) failed to load: {info.error}",
                  file=sys.stderr)
    return app, prepare(app)


def _open_browser(url: str) -> None:
    """As ``streamlit run`` does unless headless: where there is a screen to show it on."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    import webbrowser

    threading.Thread(target=webbrowser.open, args=(url,), name="appcore-open-browser", daemon=True).start()


def _raise_file_limit(sessions: int) -> None:
    """Every socket is a file descriptor; a default soft limit of 1,024 runs out long before
    ``[server] max_sessions`` tabs (and then accept() fails, logging a traceback a time)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    except (ValueError, OSError):
        return
    if soft != resource.RLIM_INFINITY and soft < sessions + 100:
        log.warning("the process may open %d files, fewer than [server] max_sessions (%d) needs; "
                    "raise the limit (ulimit -n) or lower max_sessions", soft, sessions)


class _LateWatcher:
    """Hot reload, started in a thread of its own once the server listens: importing
    watchdog and walking the app's folder would otherwise delay the first page.

    A save that lands before the watcher is up is caught by comparing the script's
    file as it was when the server started listening with what it is then.
    """

    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop):
        self.app, self.loop = app, loop
        self._observer: Any = None
        self._stopped = False
        self._lock = threading.Lock()
        self._seen = _file_version(app.script_path)
        threading.Thread(target=self._start, name="appcore-watcher-start", daemon=True).start()

    def _start(self) -> None:
        from .watcher import reload_app, start_watching

        try:
            observer = start_watching(self.app, self.loop)
        except Exception as error:  # no hot reload is no reason to stop serving
            log.error("hot reload is off: cannot watch %s: %s", self.app.app_dir, error)
            return
        with self._lock:
            if self._stopped:
                observer.stop()
                return
            self._observer = observer
        if _file_version(self.app.script_path) != self._seen:
            self.loop.call_soon_threadsafe(reload_app, self.app)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()


def _file_version(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
