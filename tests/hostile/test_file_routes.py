"""Traversal and content types on every file route: runtime files, a plugin's folder,
a component's folder, each holding a symlink out of itself and files no frontend loads."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import appcore_control
import appcore_elements
import pytest
from appcore_test_wire import COUNTER, raw_get

from appcore.app import App
from appcore.config import Config
from appcore.plugin import hookimpl
from appcore.runtime.elements import ElementType
from appcore.server import build_web_app

SECRET = "SECRET-CONTENT"
TRAVERSALS = [
    "../{outside}", "..%2F{outside}", "%2e%2e/{outside}", "%2e%2e%2f{outside}", "..%5c{outside}",
    "sub/../../{outside}", "./../{outside}", "%252e%252e%252f{outside}", "....//{outside}",
    "/{abs}", "%2F{abs_enc}", "//{abs}", "\\..\\{outside}", "link-out.js", "link-dir/secret.js",
    ".env", ".git/config", "sub/.hidden.js", ".hidden/x.js", "widget.py", "widget.py~", "widget.js~",
    "widget.js.bak", "widget.pyw", "widget.js%00.png", "widget.js\x00", "%2Eenv", "sub%2F..%2F.env",
]


@pytest.fixture
def served_folder(tmp_path: Path) -> Path:
    """A plugin's / component's folder: a frontend, things no frontend loads, links out."""
    folder = tmp_path / "served"
    (folder / "sub").mkdir(parents=True)
    (folder / "widget.js").write_text("export default function () {}")
    (folder / "index.html").write_text("<!doctype html><p>component</p>")
    (folder / "style.css").write_text("p {}")
    for name in ["widget.py", "widget.py~", "widget.js~", "widget.js.bak", "widget.pyw", ".env",
                 "sub/.hidden.js"]:
        (folder / name).write_text(SECRET)
    for name in [".git/config", ".hidden/x.js"]:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(SECRET)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.js").write_text(SECRET)
    os.symlink(outside / "secret.js", folder / "link-out.js")
    os.symlink(outside, folder / "link-dir")
    return folder


@pytest.fixture
async def client(aiohttp_client, tmp_path: Path, served_folder: Path) -> Any:  # type: ignore[no-untyped-def]
    class Folder:
        @hookimpl
        def appcore_register_elements(self) -> list[ElementType]:
            return [ElementType("widgetx", served_folder / "widget.js")]

        @hookimpl
        def appcore_register_components(self, app: App) -> dict[str, Path]:
            return {"comp": served_folder}

        @hookimpl
        def appcore_resolve_component(self, name: str) -> Path | None:
            return served_folder if name == "pkg.declared" else None  # declared by a run, as components.v1 does

    script = tmp_path / "app.py"
    script.write_text(COUNTER)
    plugin = Folder()
    app = App(script, Config(), plugins=[appcore_elements, appcore_control, plugin], autoload_plugins=False)
    served = await aiohttp_client(build_web_app(app))
    served.plugin_name = app.element_types["widgetx"].plugin
    served.outside = str(tmp_path / "outside" / "secret.js")
    return served


def routes(client: Any) -> list[str]:
    return ["/_appcore/static/", f"/_appcore/plugins/{client.plugin_name}/", "/_appcore/components/comp/",
            "/_appcore/components/pkg.declared/"]


@pytest.mark.parametrize("attack", TRAVERSALS)
async def test_no_file_route_serves_outside_its_folder_or_what_no_frontend_loads(client: Any, attack: str) -> None:
    outside = client.outside
    relative = os.path.relpath(outside, "/")
    name = attack.format(outside="outside/secret.js", abs=relative, abs_enc=relative.replace("/", "%2F"))
    for route in routes(client):
        for depth in range(1, 8):  # however deep the route's folder sits
            path = route + name.replace("../", "../" * depth, 1) if "../" in name else route + name
            status, body = await raw_get(client, path)
            assert SECRET not in body, f"{path} leaked the secret"
            assert status in (400, 404), f"{path} answered {status}"
            if "../" not in name:
                break


async def test_every_file_route_says_what_it_serves_and_forbids_sniffing(client: Any) -> None:
    expected = {f"/_appcore/plugins/{client.plugin_name}/widget.js": "text/javascript",
                "/_appcore/components/comp/widget.js": "text/javascript",
                "/_appcore/components/comp/index.html": "text/html",
                "/_appcore/components/comp/style.css": "text/css",
                "/_appcore/components/pkg.declared/index.html": "text/html",
                "/_appcore/static/style.css": "text/css"}
    for path, content_type in expected.items():
        response = await client.get(path)
        assert response.status == 200, path
        assert response.content_type == content_type, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
