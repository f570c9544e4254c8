"""Status elements: a progress bar, a spinner, a status box, toasts, balloons and snow."""
import time

import appcore as st

st.title("Status elements")

if st.button("Run a slow job"):
    with st.status("Downloading data...", expanded=True) as job:
        bar = st.progress(0, text="Starting")
        for percent in range(0, 101, 20):
            time.sleep(0.2)
            bar.progress(percent, text=f"{percent}% downloaded")
        with st.spinner("Unpacking...", show_time=True):
            time.sleep(0.8)
        job.update(label="Download complete", expanded=False)
    st.toast("All files are in place", icon=":material/check:")

left, right = st.container(), st.container()
if left.button("Celebrate"):
    st.balloons()
    st.toast("Well done!", icon="🎉")
if right.button("Let it snow"):
    st.snow()

if st.button("Save twice"):
    saving = st.toast("Saving...")
    time.sleep(0.5)
    saving.toast("Saved", icon=":material/check:")
