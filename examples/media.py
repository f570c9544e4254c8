"""Media: pictures, sound, a video to seek, files to download, a PDF and the app's logo.

Run it with `appcore run examples/media.py`. Everything it shows is made here or read from
examples/assets/ (a six-second countdown video, 8 KB); the session serves it all at
/_appcore/media/ for as long as the page shows it.
"""
import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

import appcore as st

ASSETS = Path(__file__).parent / "assets"


def badge(text: str, colour: str, size=(96, 96)) -> Image.Image:
    picture = Image.new("RGB", size, colour)
    ImageDraw.Draw(picture).text((size[0] // 2, size[1] // 2), text, fill="white", anchor="mm")
    return picture


st.logo(badge("appcore", "#ff4b4b", (120, 32)), icon_image=badge("ac", "#ff4b4b", (32, 32)))
st.title("Media")

st.header("Images")
x, y = np.meshgrid(np.linspace(-1, 1, 320), np.linspace(-1, 1, 160))
st.image(np.clip(1 - np.hypot(x * 1.6, y * 2.2), 0, 1), caption="A **glow**, from a NumPy array")
hues = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd"]
st.image([badge(str(i + 1), colour) for i, colour in enumerate(hues)], caption=hues, width=96,
         alt=[f"Square {i + 1}" for i in range(len(hues))])

st.header("Sound")
pitch = st.select_slider("Pitch", options=[220, 330, 440, 660, 880], value=440)
t = np.linspace(0, 1.5, int(1.5 * 22050), endpoint=False)
st.audio(np.sin(2 * np.pi * pitch * t) * np.exp(-2 * t), sample_rate=22050)

st.header("Video")
start = st.slider("Start at (seconds)", 0, 5, 0)
subtitles = "WEBVTT\n\n" + "".join(f"00:0{s}.000 --> 00:0{s}.900\nSecond {s}\n\n" for s in range(6))
st.video(ASSETS / "countdown.webm", format="video/webm", start_time=start, subtitles=subtitles, muted=True)

st.header("Downloads")
table = "city,visits\nLisbon,12\nOslo,7\n"
left, right = st.columns(2)
left.download_button("Download the table", table, file_name="visits.csv", mime="text/csv", icon=":material/download:")


def report() -> bytes:
    buffer = io.BytesIO()
    badge("report", "#333333", (400, 200)).save(buffer, format="PDF")
    return buffer.getvalue()


right.download_button("Make a PDF report", report, file_name="report.pdf", mime="application/pdf",
                      on_click="ignore")

st.header("A PDF")
st.pdf(report(), height=320, alt="The report")
