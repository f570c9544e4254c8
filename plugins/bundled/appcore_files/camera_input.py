"""st.camera_input: a photo from the person's camera, as an ``UploadedFile`` (JPEG)."""
from __future__ import annotations

from typing import Literal

from appcore.plugin import Args, FilesCodec, Help, Key, Kwargs, LabelVisibility, OnChange, UploadedFile, \
    UploadSpec, WidthWithoutContent, input_widget, invalid_value

CameraInputResolution = Literal["480p", "720p", "1080p"]
RESOLUTION_HEIGHTS = {"480p": 480, "720p": 720, "1080p": 1080}


def camera_input(label: str, key: Key = None, help: Help = None, on_change: OnChange = "rerun",
                 args: Args = None, kwargs: Kwargs = None, *, disabled: bool = False,
                 label_visibility: LabelVisibility = "visible", resolution: CameraInputResolution | None = None,
                 width: WidthWithoutContent = "stretch") -> UploadedFile | None:
    """The camera's picture with a "Take Photo" button: ``None`` until the person takes one,
    then an ``UploadedFile`` (``image/jpeg``). ``resolution`` asks the camera for 480, 720
    or 1080 lines."""
    if resolution is not None and resolution not in RESOLUTION_HEIGHTS:
        raise invalid_value("resolution", ["'480p'", "'720p'", "'1080p'", "None"])
    codec = FilesCodec(UploadSpec.of([".jpg"]), key=key)
    return input_widget("camera_input", locals(), codec,
                        props={"resolution_height": RESOLUTION_HEIGHTS.get(resolution)},
                        id_parts={"resolution": resolution}).value
