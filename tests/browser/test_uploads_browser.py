"""Files in, as a person does it in Chromium: choose a file or drop it on the drop zone,
read it back in the script, remove it; a file over the cap shows its error in the widget
and the page goes on working; a photo from a (fake) camera; a recording from a (fake)
microphone. The page is examples/uploads.py."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

EXAMPLE = (Path(__file__).parents[2] / "examples" / "uploads.py").read_text(encoding="utf-8")
SHOTS = Path(os.environ.get("APPCORE_TEST_ARTIFACTS", "/tmp/appcore-shots"))
# Chromium's stand-ins for a camera and a microphone, and no permission prompt: for this file only.
MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


def open_app(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    page.goto(app.url)
    expect(page.get_by_test_id("ac-status")).to_have_attribute("data-state", "idle")


def screenshot(page: Page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def uploader(page: Page, label: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("ac-file_uploader").filter(has=page.get_by_text(label, exact=True))


def choose(page: Page, label: str, *files: tuple[str, str, bytes]) -> None:
    uploader(page, label).get_by_test_id("ac-file-input").set_input_files(
        [{"name": name, "mimeType": mime, "buffer": data} for name, mime, data in files])


def drop(page: Page, label: str, *files: tuple[str, str, bytes]) -> None:
    """A drag and drop from the desktop: the files in a DataTransfer, dropped on the zone."""
    transfer = page.evaluate_handle("""(files) => {
        const transfer = new DataTransfer();
        for (const [name, type, bytes] of files) transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
        return transfer;
    }""", [[name, mime, list(data)] for name, mime, data in files])
    zone = uploader(page, label).get_by_test_id("ac-dropzone")
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(zone).to_have_class(re.compile(r"\bac-drag\b"))
    zone.dispatch_event("drop", {"dataTransfer": transfer})


@pytest.fixture
def media_page(browser, serve_app, console_errors):  # type: ignore[no-untyped-def]
    """A tab in a Chromium of its own that has a fake camera and microphone."""
    media_browser = browser.browser_type.launch(executable_path="/usr/bin/chromium", headless=True,
                                                args=["--no-sandbox", "--disable-gpu", *MEDIA_ARGS])
    context = media_browser.new_context(viewport={"width": 1000, "height": 1400},
                                        permissions=["camera", "microphone"])
    tab = context.new_page()
    tab.on("pageerror", lambda error: console_errors.append(f"page error: {error}"))
    tab.on("console", lambda m: m.type == "error" and console_errors.append(f"console: {m.text}"))
    try:
        yield tab
    finally:
        context.close()
        media_browser.close()
    assert not console_errors.unexpected(), console_errors


def test_a_chosen_file_reaches_the_script_and_its_remove_button_takes_it_away(serve_app, page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    expect(page.get_by_text("No report yet.")).to_be_visible()
    report = uploader(page, "A CSV or text file")
    expect(report.get_by_test_id("ac-dropzone-limits")).to_have_text("1MB per file • CSV, TXT")
    choose(page, "A CSV or text file", ("sales.csv", "text/csv", b"region,total\nnorth,12\n"))
    chip = report.get_by_test_id("ac-file-chip")
    expect(chip).to_have_attribute("data-status", "uploaded")
    expect(chip.get_by_test_id("ac-file-chip-name")).to_have_text("sales.csv")
    expect(chip).to_contain_text("22.0B")
    expect(page.get_by_text(re.compile(r"sales\.csv: 22 bytes of text/csv, starting b'region,total\\nnor'"))).to_be_visible()
    # A reload keeps the session, and the widget shows the file it holds.
    page.reload()
    expect(report.get_by_test_id("ac-file-chip-name")).to_have_text("sales.csv")
    report.get_by_role("button", name="Remove sales.csv").click()
    expect(page.get_by_text("No report yet.")).to_be_visible()
    expect(report.get_by_test_id("ac-file-chip")).to_have_count(0)
    expect(report.get_by_role("button", name="Upload")).to_be_visible()


def test_files_dropped_on_the_drop_zone_are_uploaded_together(serve_app, page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
    drop(page, "Pictures", ("cat.png", "image/png", png), ("dog.png", "image/png", png))
    expect(page.get_by_text("2 picture(s): cat.png, dog.png")).to_be_visible()
    pictures = uploader(page, "Pictures")
    expect(pictures.get_by_test_id("ac-file-chip")).to_have_count(2)
    drop(page, "Pictures", ("bird.png", "image/png", png))
    expect(page.get_by_text("3 picture(s): cat.png, dog.png, bird.png")).to_be_visible()
    pictures.get_by_role("button", name="Remove dog.png").click()
    expect(page.get_by_text("2 picture(s): cat.png, bird.png")).to_be_visible()


def test_a_file_over_the_cap_shows_its_error_in_the_widget_and_the_page_goes_on(serve_app, page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(page, app)
    report = uploader(page, "A CSV or text file")
    choose(page, "A CSV or text file", ("huge.csv", "text/csv", b"x" * (1024 * 1024 + 1)))
    error = report.get_by_test_id("ac-file-chip")
    expect(error).to_have_attribute("data-status", "error")
    expect(error.get_by_role("alert")).to_have_text("Error: File must be 1.0MB or smaller.")
    expect(page.get_by_text("No report yet.")).to_be_visible()
    # A file of a type the widget does not take, dropped: refused the same way.
    drop(page, "A CSV or text file", ("setup.exe", "application/x-msdownload", b"MZ"))
    expect(report.get_by_role("alert")).to_have_text(["Error: File must be 1.0MB or smaller.",
                                                      "Error: application/x-msdownload files are not allowed."])
    # The page still works: a good file goes through, the error chips can be removed.
    choose(page, "A CSV or text file", ("ok.txt", "text/plain", b"fine"))
    expect(page.get_by_text(re.compile(r"ok\.txt: 4 bytes of text/plain"))).to_be_visible()
    report.get_by_role("button", name="Remove setup.exe").click()
    report.get_by_role("button", name="Remove huge.csv").click()
    expect(report.get_by_role("alert")).to_have_count(0)
    expect(report.get_by_test_id("ac-file-chip-name")).to_have_text("ok.txt")


def test_the_server_refuses_an_upload_the_page_did_not_check(serve_app, page: Page, console_errors) -> None:  # type: ignore[no-untyped-def]
    """A page that skips the checks (or a script) meets the server's: the reason is the server's."""
    console_errors.allow(r"status of 413")  # Chromium logs every refused request
    app = serve_app(EXAMPLE)
    open_app(page, app)
    result = page.evaluate("""async () => {
        const node = [...window.appcore.nodes.values()].find((n) => n.type === "file_uploader");
        const big = new File([new Uint8Array(1024 * 1024 + 1)], "big.csv", { type: "text/csv" });
        try { await window.appcore.upload(node.widgetId, big); return "accepted"; } catch (e) { return e.message; }
    }""")
    assert result == "File must be 1.0MB or smaller."


@pytest.mark.parametrize("theme, width", [("light", 1000), ("dark", 1000), ("light", 400)])
def test_screenshots_of_the_uploader_with_a_file_and_an_error(serve_app, page: Page, theme: str, width: int) -> None:
    app = serve_app(EXAMPLE, env={"APPCORE_THEME_BASE": theme})
    page.set_viewport_size({"width": width, "height": 1000})
    open_app(page, app)
    choose(page, "A CSV or text file", ("quarterly_sales_report_2026.csv", "text/csv", b"a,b\n"))
    expect(page.get_by_text(re.compile("quarterly_sales_report_2026.csv: 4 bytes"))).to_be_visible()
    drop(page, "Pictures", ("notes.txt", "text/plain", b"x"))
    expect(uploader(page, "Pictures").get_by_role("alert")).to_be_visible()
    name = uploader(page, "A CSV or text file").get_by_test_id("ac-file-chip-name")
    expect(name).to_have_text("quarter...t_2026.csv")  # a long name keeps its start, end and extension
    box = uploader(page, "A CSV or text file").bounding_box()
    assert box is not None and box["x"] + box["width"] <= width, "the uploader overflows the page"
    assert screenshot(page, f"uploads-{theme}-{width}.png").stat().st_size > 0


def test_a_photo_from_the_camera_reaches_the_script(serve_app, media_page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(media_page, app)
    camera = media_page.get_by_test_id("ac-camera_input")
    expect(camera.get_by_test_id("ac-camera-video")).to_be_visible()
    take = camera.get_by_role("button", name="Take Photo")
    expect(take).to_be_enabled()
    # Enabled only once the camera shows a frame: a click before that would take nothing.
    assert camera.get_by_test_id("ac-camera-video").evaluate("(v) => v.videoWidth") > 0
    take.click()
    expect(media_page.get_by_text(re.compile(r"Photo: camera-input-\S+\.jpg, \d+ bytes of image/jpeg"))).to_be_visible()
    expect(camera.get_by_test_id("ac-camera-photo")).to_be_visible()
    screenshot(media_page, "camera-light-1000.png")
    camera.get_by_role("button", name="Clear photo").click()
    expect(media_page.get_by_text(re.compile(r"^Photo: "))).to_have_count(0)
    expect(camera.get_by_role("button", name="Take Photo")).to_be_enabled()


def test_a_recording_from_the_microphone_reaches_the_script_as_a_wav(serve_app, media_page: Page) -> None:
    app = serve_app(EXAMPLE)
    open_app(media_page, app)
    mic = media_page.get_by_test_id("ac-audio_input")
    mic.get_by_role("button", name="Record").click()
    stop = mic.get_by_role("button", name="Stop recording")
    expect(stop).to_be_visible()
    expect(mic.locator(".ac-audio-time")).to_have_text("00:01", timeout=5000)
    stop.click()
    line = media_page.get_by_text(re.compile(r"Recording: \S+_audio\.wav, (\d+) bytes of audio/wav"))
    expect(line).to_be_visible()
    size = int(re.search(r"(\d+) bytes", line.inner_text()).group(1))
    assert size > 44 + 16000 * 2 * 0.5, "a second at 16 kHz, 16-bit mono, is more than a header"
    expect(mic.get_by_test_id("ac-audio-playback")).to_be_visible()
    mic.get_by_role("button", name="Clear recording").click()
    expect(media_page.get_by_text(re.compile(r"^Recording: "))).to_have_count(0)


def test_a_form_cleared_on_submit_empties_its_camera_and_microphone(serve_app, media_page: Page) -> None:
    # The server's value wins over what the page sent: after the submit the form's widgets hold nothing.
    app = serve_app("""
        import appcore as st
        with st.form("capture", clear_on_submit=True):
            photo = st.camera_input("Photo")
            clip = st.audio_input("Voice")
            sent = st.form_submit_button("Send")
        if sent:
            st.markdown(f"Sent: {photo.name if photo else None} and {clip.name if clip else None}")
    """)
    open_app(media_page, app)
    camera = media_page.get_by_test_id("ac-camera_input")
    camera.get_by_role("button", name="Take Photo").click()
    expect(camera.get_by_test_id("ac-camera-photo")).to_be_visible()
    mic = media_page.get_by_test_id("ac-audio_input")
    mic.get_by_role("button", name="Record").click()
    expect(mic.locator(".ac-audio-time")).to_have_text("00:01", timeout=5000)
    mic.get_by_role("button", name="Stop recording").click()
    expect(mic.get_by_test_id("ac-audio-playback")).to_be_visible()
    expect(mic.get_by_role("button", name="Clear recording")).to_be_enabled()
    media_page.get_by_role("button", name="Send").click()
    expect(media_page.get_by_text(re.compile(r"^Sent: camera-input-\S+\.jpg and \S+_audio\.wav$"))).to_be_visible()
    expect(camera.get_by_test_id("ac-camera-photo")).to_have_count(0)
    expect(camera.get_by_role("button", name="Take Photo")).to_be_enabled()
    expect(mic.get_by_test_id("ac-audio-playback")).to_have_count(0)
    expect(mic.get_by_role("button", name="Record")).to_be_visible()
