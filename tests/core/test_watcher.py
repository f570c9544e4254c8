"""Hot reload decides what reruns the app."""
from __future__ import annotations

import asyncio
import sys
import types

from watchdog.events import FileModifiedEvent

from appcore.app import App
from appcore.watcher import _Handler


def test_only_the_script_and_its_modules_rerun_the_app(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("")
    (tmp_path / "helper_mod.py").write_text("")
    app = App(script)
    loop = asyncio.new_event_loop()
    handler = _Handler(app, loop)
    sys.modules["helper_mod_for_watcher_test"] = module = types.ModuleType("helper_mod")
    module.__file__ = str(tmp_path / "helper_mod.py")
    try:
        assert handler._is_source(script)
        assert handler._is_source(tmp_path / "helper_mod.py")
        assert not handler._is_source(tmp_path / "scratch.py")
        calls: list[object] = []
        loop.call_soon_threadsafe = lambda fn, *a: calls.append(fn)  # type: ignore[method-assign]
        handler.on_any_event(FileModifiedEvent(str(tmp_path / "scratch.py")))
        handler.on_any_event(FileModifiedEvent(str(tmp_path / ".hidden" / "x.py")))
        assert calls == []
        handler.on_any_event(FileModifiedEvent(str(script)))
        assert len(calls) == 1
    finally:
        del sys.modules["helper_mod_for_watcher_test"]
        loop.close()
