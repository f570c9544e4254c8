"""Helpers the in-process tests share: an AppTest of a script body, its error, its markdown;
Streamlit's messages for the checks every element shares; a signature as recorded from
Streamlit; a distribution installed as pip leaves one.

Import them as ``from tests.helpers import run, error`` (pytest's importlib mode
resolves ``tests`` from the rootdir).
"""
from __future__ import annotations

import inspect
import json
import textwrap
from pathlib import Path

import pytest

from appcore.testing import AppTest

HEAD = "import appcore as st\n"
# What Streamlit 1.67 adds to every refused icon's message.
ICON_HINT = "Please use a single emoji or a Material icon shortcode like `:material/thumb_up:`."


def app(body: str, head: str = HEAD) -> AppTest:
    """An AppTest of ``head`` and the dedented ``body``, not yet run."""
    return AppTest.from_string(head + textwrap.dedent(body))


def run(body: str, head: str = HEAD, timeout: float | None = None) -> AppTest:
    """``app(body, head)``, run once (within ``timeout`` seconds; AppTest's default if None)."""
    return app(body, head).run(timeout=timeout)


def error(at: AppTest, kind: str | None = None) -> str:
    """The message of the exception the script ended with; with ``kind``, it is the only
    exception shown and of that type."""
    assert at.exception, "expected the script to fail"
    if kind is not None:
        assert [e.props["type"] for e in at.exception] == [kind]
    return at.exception[0].message


def send(at: AppTest, wid: str, value: object) -> None:
    """What the browser sends as widget ``wid``'s value, then whatever runs it started,
    finished and delivered (also when the session refuses the value)."""
    try:
        at.session.handle_message({"t": "widget", "id": wid, "value": value})
    finally:
        assert at.session.wait_idle(3)
        at.session.flush()


def texts(at: AppTest) -> list[str]:
    """What the markdown elements say, in page order."""
    return [m.value for m in at.markdown]


# Streamlit 1.67's messages for the checks every element shares.
ON_CHANGE_ERROR = "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."
BIND_ERROR = "Invalid `bind` value. Supported values: 'query-params', None."


def width_error(value: object, content: bool = True) -> str:
    """The message for a refused ``width``; ``content``: the element also takes ``"content"``."""
    allowed = "a positive integer (pixels), 'stretch', or 'content'" if content else "a positive integer (pixels) or 'stretch'"
    return f"Invalid width value: {value!r}. Width must be either {allowed}."


def height_error(value: object) -> str:
    """The message for a refused ``height``."""
    return f"Invalid height value: {value!r}. Height must be either a positive integer (pixels), 'stretch', or 'content'."


# What each test folder's streamlit_1_67_signatures.json holds: inspect.signature read on Streamlit 1.67.
SIGNATURES_FILE = "streamlit_1_67_signatures.json"


def recorded_signatures(test_file: str) -> dict:
    """The signatures recorded from Streamlit beside ``test_file`` (pass ``__file__``)."""
    return json.loads((Path(test_file).parent / SIGNATURES_FILE).read_text(encoding="utf-8"))


def signature(function: object, method: bool = False) -> list[list[str]]:
    """Each parameter of ``function`` as recorded: [name, kind, default or "<required>"];
    ``method``: ``function`` is a method read off its class, and its ``self`` is left out."""
    parameters = list(inspect.signature(function).parameters.values())
    if method:
        assert parameters and parameters[0].name == "self", f"{function} is not a method read off its class"
        parameters = parameters[1:]
    return [[p.name, p.kind.name, "<required>" if p.default is inspect.Parameter.empty else repr(p.default)]
            for p in parameters]


def install_distribution(monkeypatch: pytest.MonkeyPatch, root: Path, name: str, files: dict[str, str]) -> Path:
    """Distribution ``name`` 1.0 installed under ``root`` as pip leaves one, so importlib.metadata
    finds it: its ``.dist-info`` folder with METADATA and ``files`` (entry_points.txt, RECORD, ...),
    and ``root`` first on sys.path. Returns the ``.dist-info`` folder."""
    info = root / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    for file, text in files.items():
        (info / file).write_text(text)
    monkeypatch.syspath_prepend(str(root))
    return info
