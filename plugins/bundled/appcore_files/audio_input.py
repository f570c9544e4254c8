"""st.audio_input: a recording from the person's microphone, as an ``UploadedFile`` (WAV)."""
from __future__ import annotations

from appcore.plugin import Args, FilesCodec, Help, Key, Kwargs, LabelVisibility, OnChange, UploadedFile, \
    UploadSpec, WidthWithoutContent, input_widget, invalid_value

ALLOWED_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def audio_input(label: str, *, sample_rate: int | None = 16000, key: Key = None, help: Help = None,
                on_change: OnChange = "rerun", args: Args = None, kwargs: Kwargs = None, disabled: bool = False,
                label_visibility: LabelVisibility = "visible",
                width: WidthWithoutContent = "stretch") -> UploadedFile | None:
    """A record button: ``None`` until the person records, then an ``UploadedFile``
    (``audio/wav``, mono, at ``sample_rate`` Hz; ``None`` keeps the microphone's rate)."""
    if sample_rate is not None and sample_rate not in ALLOWED_SAMPLE_RATES:
        raise invalid_value("sample_rate", [*map(str, ALLOWED_SAMPLE_RATES), "None"])
    codec = FilesCodec(UploadSpec.of([".wav"]), key=key)
    return input_widget("audio_input", locals(), codec, props={"sample_rate": sample_rate},
                        id_parts={"sample_rate": sample_rate}).value
