"""The seam in appcore.plugin that lets any widget take files (docs/plugins.md, "Widgets
that take files"): a third party's widget, written as the guide shows, gets uploads
through the same store, checks and release as st.file_uploader."""
from __future__ import annotations

from typing import Any

import pytest

from appcore.plugin import (
    Codec,
    ElementType,
    FilesCodec,
    UploadRefused,
    UploadSpec,
    current_run,
    hookimpl,
    input_widget,
)
from appcore.testing import AppTest


class Dropbox:
    """The guide's example: PDF files, 5 MB each, as a list."""

    @hookimpl
    def appcore_register_elements(self) -> list[ElementType]:
        return [ElementType("dropbox"), ElementType("note_with_files")]

    @hookimpl
    def appcore_register_api(self) -> dict[str, Any]:
        def dropbox(label: str, *, key: Any = None, disabled: bool = False) -> Any:
            spec = UploadSpec.of(["pdf"], max_upload_mb=5, multiple=True)
            return input_widget("dropbox", locals(), FilesCodec(spec, key=key)).value

        def note_with_files(label: str, *, key: Any = None) -> Any:
            return input_widget("note_with_files", locals(), NoteCodec()).value

        return {"dropbox": dropbox, "note_with_files": note_with_files}


class NoteCodec(Codec):
    """A value that is more than files (chat_input's shape): {"text", "files": [ids]}."""

    default = None
    clearable = True

    def __init__(self) -> None:
        self.uploads = current_run().session.uploads
        self.widget_id: str | None = None

    def drawn(self, widget: Any) -> None:
        self.widget_id = widget.id
        self.uploads.expect(widget.id, UploadSpec.of(None, 1, multiple=True))

    def parse(self, raw: Any) -> Any:
        if raw is None:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise TypeError("a note is {text, files}")
        return (raw["text"], self.uploads.claim(self.widget_id, raw.get("files") or []))

    def to_json(self, value: Any) -> Any:
        return None if value is None else {"text": value[0], "files": [f.file_id for f in value[1]]}


def app(body: str) -> AppTest:
    return AppTest.from_string("import appcore as st\n" + body, plugins=[Dropbox()]).run()


def test_a_third_party_widget_takes_files_through_the_seam() -> None:
    at = app('files = st.dropbox("Invoices")\nst.markdown(", ".join(f"{f.name}:{f.size}" for f in files) or "none")')
    box = at.dropbox[0]
    assert box.props["upload"] == {"types": [".pdf"], "max_bytes": 5 * 1024 * 1024, "multiple": True}
    uploads = at.session.uploads
    first = uploads.put(box.id, "jan.pdf", b"%PDF-1", "application/pdf")
    second = uploads.put(box.id, "feb.PDF", b"%PDF-22", "application/pdf")
    with pytest.raises(UploadRefused, match="Invalid file extension"):
        uploads.put(box.id, "mar.docx", b"PK")
    at.send({"t": "widget", "id": box.id, "value": [second.file_id, first.file_id]}).run()
    assert at.markdown[0].value == "feb.PDF:7, jan.pdf:6"
    at.send({"t": "widget", "id": box.id, "value": [first.file_id]}).run()
    assert [r.name for r in uploads.files_of(box.id)] == ["jan.pdf"]  # the dropped one is released


def test_a_widget_whose_value_is_more_than_files_claims_them_itself() -> None:
    at = app('v = st.note_with_files("Message")\nst.markdown("none" if v is None else f"{v[0]} + {[f.name for f in v[1]]}")')
    note = at.note_with_files[0]
    one = at.session.uploads.put(note.id, "a.txt", b"1")
    at.send({"t": "widget", "id": note.id, "value": {"text": "hi", "files": [one.file_id]}}).run()
    assert at.markdown[0].value == "hi + ['a.txt']"
    two = at.session.uploads.put(note.id, "b.txt", b"2")
    at.send({"t": "widget", "id": note.id, "value": {"text": "again", "files": [two.file_id]}}).run()
    assert at.markdown[0].value == "again + ['b.txt']"
    assert [r.name for r in at.session.uploads.files_of(note.id)] == ["b.txt"]  # the last message's are released
    with pytest.raises(ValueError, match="the app refused"):
        at.send({"t": "widget", "id": note.id, "value": {"text": "x", "files": [one.file_id]}}).run()
