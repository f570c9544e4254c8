"""The three third-party plugins of tests/distributions/ in Chromium, served by the venv they
are installed in (``<venv>/bin/appcore run app.py --port N --headless``), as a user runs them."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.support import free_port, ready, stop

_NAME = "appcore_dist_testenv"
if _NAME not in sys.modules:  # one copy per session, shared with tests/test_distributions.py
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).parents[1] / "distributions" / "testenv.py")
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])
testenv = sys.modules[_NAME]

SHOTS = Path("/work/shots")
APP = """
import appcore as st

st.sparkle("Hello", count=3)
stars = st.rating("Stars", max_stars=5)
st.write(f"stars={stars}")
with st.holder("h"):
    name = st.text_input("Name", value="old")
    sent = st.holder_button("Send")
st.write(f"name={name} sent={sent}")
"""


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory):
    return testenv.installed(tmp_path_factory)


@pytest.fixture
def venv_app(dist, tmp_path: Path):
    """Serve APP with the venv's ``appcore run``; the URL once it says where it listens."""
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "app.py").write_text(textwrap.dedent(APP), encoding="utf-8")
    port = free_port()
    stderr = folder / "stderr.txt"
    with open(stderr, "wb") as err:
        process = subprocess.Popen([str(dist.appcore), "run", "app.py", "--port", str(port), "--headless"],
                                   cwd=folder, env=dist.env(), stdout=subprocess.PIPE, stderr=err,
                                   stdin=subprocess.DEVNULL, text=True)
    said: list[str] = []
    listening = threading.Event()

    def read_stdout() -> None:  # until the server exits; says when it printed its URL
        for line in process.stdout:
            said.append(line)
            if "URL:" in line:
                listening.set()
        listening.set()

    threading.Thread(target=read_stdout, daemon=True).start()
    try:
        assert listening.wait(20) and process.poll() is None, \
            f"appcore did not start:\n{''.join(said)}\n{stderr.read_text()}"
        url = f"http://localhost:{port}/"
        assert any(url in line for line in said), f"appcore ignored --port:\n{''.join(said)}"
        assert ready(url, process), f"appcore never said it was ready:\n{stderr.read_text()}"
        yield url
    finally:
        print(f"--- appcore from the venv: stdout ---\n{''.join(said)}\n--- stderr ---\n{stderr.read_text()}")
        stop(process)
    assert process.returncode == 0, f"appcore exited with {process.returncode}:\n{stderr.read_text()}"
    assert "Traceback" not in stderr.read_text(), stderr.read_text()


def test_three_installed_plugins_in_chromium(venv_app: str, page, artifacts_dir: Path) -> None:
    page.goto(venv_app)
    outputs = page.get_by_test_id("ac-markdown")
    expect(page.get_by_test_id("ac-sparkle")).to_have_text("✨✨✨ Hello ✨✨✨")
    expect(outputs.nth(1)).to_have_text("name=old sent=False")

    # Typed into the holder and left: the value waits on the server. The star click after it
    # starts a run (it is outside the holder), so when stars=3 shows, that run had the name too.
    field = page.get_by_label("Name")
    field.fill("Ann")
    field.press("Tab")
    star = page.get_by_role("button", name="3 stars")
    star.click()
    expect(outputs.nth(0)).to_have_text("stars=3")
    expect(star).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="4 stars")).to_have_attribute("aria-pressed", "false")
    expect(outputs.nth(1)).to_have_text("name=old sent=False")
    expect(field).to_have_value("Ann")  # the page still shows what was typed

    page.get_by_role("button", name="Send").click()
    expect(outputs.nth(1)).to_have_text("name=Ann sent=True")
    expect(outputs.nth(0)).to_have_text("stars=3")

    # Enter in the holder's text field presses its button (the appcore:submit event).
    field.fill("Bo")
    field.press("Enter")
    expect(outputs.nth(1)).to_have_text("name=Bo sent=True")

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "distributions.png"), full_page=True)
    shutil.copy(SHOTS / "distributions.png", artifacts_dir / "distributions.png")
