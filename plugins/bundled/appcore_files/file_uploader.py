"""st.file_uploader: a drop zone and a file list; the value is ``UploadedFile``s."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from appcore.plugin import Args, FilesCodec, Help, Key, Kwargs, LabelVisibility, OnChange, \
    UploadedFile, UploadSpec, WidthWithoutContent, input_widget, invalid_value

AcceptMultipleFiles = bool | Literal["directory"]


def file_uploader(label: str, type: str | Sequence[str] | None = None,
                  accept_multiple_files: AcceptMultipleFiles = False, key: Key = None, help: Help = None,
                  on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, *,
                  max_upload_size: int | None = None, disabled: bool = False,
                  label_visibility: LabelVisibility = "visible",
                  width: WidthWithoutContent = "stretch") -> UploadedFile | list[UploadedFile] | None:
    """A drop zone for files: ``None`` (or ``[]`` with ``accept_multiple_files``) until the
    person uploads, then an ``UploadedFile`` (or a list of them).

    ``type``: extensions (``"csv"``, ``".PNG"``), MIME types (``"application/pdf"``,
    ``"image/*"``) or ``"image"``/``"audio"``/``"video"``/``"text"``; files of other types
    are refused in the page and on the server. ``accept_multiple_files="directory"`` picks
    a folder. ``max_upload_size`` (MB) overrides ``[server] max_upload_mb`` for this widget.
    """
    if max_upload_size is not None and (isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int)
                                        or max_upload_size < 1):
        raise invalid_value("max_upload_size", ["a positive integer"],
                            "Set it to None to fall back to the `server.maxUploadSize` configuration option.")
    directory = accept_multiple_files == "directory"
    multiple = accept_multiple_files is True or directory
    spec = UploadSpec.of(type, max_upload_size, multiple)
    defining = {"type": repr(type), "accept_multiple_files": repr(accept_multiple_files),
                "max_upload_size": max_upload_size}
    codec = FilesCodec(spec, key=key)
    return input_widget("file_uploader", locals(), codec, props={"directory": directory},
                        id_parts=defining, identity=defining).value



