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
        loop.call_soon_threadsafe = lambda fn, *a: calls.append(a)  # type: ignore[method-assign]
        handler.on_any_event(FileModifiedEvent(str(tmp_path / "scratch.py")))
        handler.on_any_event(FileModifiedEvent(str(tmp_path / ".hidden" / "x.py")))
        handler.on_any_event(FileModifiedEvent(str(tmp_path / "venv" / "lib.py")))
        assert calls == [(False,), (False,)], "other files only ask the page sources again"
        handler.on_any_event(FileModifiedEvent(str(script)))
        assert calls[-1] == (True,)
    finally:
        del sys.modules["helper_mod_for_watcher_test"]
        loop.close()


def test_a_change_that_leaves_the_pages_as_they_were_reruns_nothing(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("")
    app = App(script)
    loop = asyncio.new_event_loop()
    handler = _Handler(app, loop)
    reruns: list[object] = []
    import appcore.watcher as watcher
    original = watcher.reload_app
    watcher.reload_app = reruns.append  # type: ignore[assignment]
    try:
        app.static_pages()
        handler.source_changed = False
        handler._reload()
        assert reruns == [], "no pages before, none after: nothing reruns"
        (tmp_path / "pages").mkdir()
        (tmp_path / "pages" / "new.py").write_text("")
        handler._reload()
        assert reruns == [app], "a page file added: every tab reruns with its new menu"
    finally:
        watcher.reload_app = original
        loop.close()
