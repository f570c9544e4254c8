"""A chat: the history lives in st.session_state, and each reply streams in
word by word from a local generator (no network, no model)."""
import time

import appcore as st

st.title("Echo chat")

if "messages" not in st.session_state:
    st.session_state.messages = [{"role": "assistant", "content": "Hello! Say something and I will echo it back."}]


def reply_to(prompt: str):
    """A stand-in for a language model: the reply, one word at a time."""
    words = f"You said: **{prompt}**. That makes {len(prompt.split())} words.".split(" ")
    for word in words:
        time.sleep(0.03)
        yield word + " "


for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(reply_to(prompt))
    st.session_state.messages.append({"role": "assistant", "content": answer})
