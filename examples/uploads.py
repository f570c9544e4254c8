"""Files in: st.file_uploader (one file, several, a type filter), st.camera_input, st.audio_input.

Run it with `appcore run examples/uploads.py`. Each widget's value is an UploadedFile
(a BytesIO with name, type, size and file_id), or a list of them, or None.
"""
import appcore as st

st.title("Files in")

report = st.file_uploader("A CSV or text file", type=["csv", "txt"], key="report",
                          help="Up to 1 MB", max_upload_size=1)
if report is not None:
    head = report.read(16)
    st.write(f"**{report.name}**: {report.size} bytes of {report.type}, starting `{head!r}`")
else:
    st.caption("No report yet.")

pictures = st.file_uploader("Pictures", type="image", accept_multiple_files=True, key="pictures")
st.write(f"{len(pictures)} picture(s): {', '.join(p.name for p in pictures) or 'none'}")

photo = st.camera_input("A photo", key="photo")
if photo is not None:
    st.write(f"Photo: {photo.name}, {photo.size} bytes of {photo.type}")

voice = st.audio_input("A voice note", key="voice")
if voice is not None:
    st.write(f"Recording: {voice.name}, {voice.size} bytes of {voice.type}")
