"""st.chat_message as a user meets it, headless. Names, avatars and node types were
compared with Streamlit 1.67's AppTest on the same scripts."""
from __future__ import annotations

import base64
import inspect

import pytest

import appcore
from appcore.testing import AppTest
from tests.helpers import run, width_error

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==")


def test_the_signature_is_streamlit_1_67s():
    parameters = inspect.signature(appcore.chat_message).parameters.values()
    assert [(p.name, p.kind.name, p.default) for p in parameters] == [
        ("name", "POSITIONAL_OR_KEYWORD", inspect.Parameter.empty), ("avatar", "KEYWORD_ONLY", None),
        ("width", "KEYWORD_ONLY", "stretch")]


def test_with_block_and_method_calls_both_draw_inside_the_message():
    at = run('''
        with st.chat_message("user"):
            st.write("Hello")
            st.write("again")
        message = st.chat_message("assistant")
        message.write("Hi human")
        st.write("after")
    ''')
    first, second = at.chat_message
    assert [c.value for c in first.children] == ["Hello", "again"]
    assert [c.value for c in second.children] == ["Hi human"]
    assert [n.type for n in at.main.children] == ["chat_message", "chat_message", "markdown"]


@pytest.mark.parametrize("call, name, avatar", [
    # What Streamlit 1.67's AppTest reads for each (node.name, node.avatar).
    ('st.chat_message("user")', "user", "user"),
    ('st.chat_message("human")', "human", "user"),
    ('st.chat_message("assistant")', "assistant", "assistant"),
    ('st.chat_message("ai")', "ai", "assistant"),
    ('st.chat_message("USER")', "USER", "user"),
    ('st.chat_message("Bob")', "Bob", ""),
    ('st.chat_message("🦖")', "🦖", "🦖"),
    ('st.chat_message("x", avatar="🦖")', "x", "🦖"),
    ('st.chat_message("x", avatar="assistant")', "x", "assistant"),
    ('st.chat_message("x", avatar=":material/thumb_up:")', "x", ":material/thumb_up:"),
    ('st.chat_message("x", avatar="https://example.com/a.png")', "x", "https://example.com/a.png"),
])
def test_names_and_avatars_read_as_streamlits(call, name, avatar):
    node = run(call).chat_message[0]
    assert (type(node).__name__, node.type, node.name, node.avatar) == ("ChatMessage", "chat_message", name, avatar)


def test_an_empty_message_is_still_a_block():
    at = run('st.chat_message("assistant")')
    assert len(at.chat_message) == 1 and len(at.chat_message[0].children) == 0


def test_a_local_image_avatar_is_served_from_the_sessions_media(tmp_path):
    (tmp_path / "me.png").write_bytes(PNG)
    at = run(f'''
        st.chat_message("x", avatar={str(tmp_path / "me.png")!r})
        st.chat_message("y", avatar={PNG!r})
    ''')
    (first, kind), (second, _) = [(m.avatar, m.props["avatar_type"]) for m in at.chat_message]
    assert kind == "image" and first == second and first.startswith("/_appcore/media/")
    file = at.session.services.media.find(first.rpartition("/")[2])
    assert (file.data, file.mimetype) == (PNG, "image/png")


def test_a_large_local_image_is_served_too():
    at = run('st.chat_message("x", avatar=b"\\x89PNG\\r\\n\\x1a\\n" + bytes(600_000))')
    assert not at.exception and at.chat_message[0].avatar.startswith("/_appcore/media/")


@pytest.mark.parametrize("call, message", [
    ('st.chat_message(None)', "The `name` parameter is required."),
    ('st.chat_message("x", avatar="notanimage")', "Failed to load the provided avatar value as an image."),
    ('st.chat_message("x", avatar=5)', "Failed to load the provided avatar value as an image."),
    ('st.chat_message("x", avatar="spinner")', "Failed to load the provided avatar value as an image."),
    ('st.chat_message("x", avatar="AI")', "Failed to load the provided avatar value as an image."),
    ('st.chat_message("x", avatar="javascript:alert(1)")', "Failed to load the provided avatar value as an image."),
    ('st.chat_message("x", width="big")', width_error("big")),
    ('st.chat_message("x", avatar=":material/thumb up:")',
     'The value `":material\u200b/thumb up:"` is not a valid Material icon. Please use a Material icon shortcode '
     "like **`:material\u200b/thumb_up:`**."),
])
def test_bad_arguments_give_streamlits_messages(call, message):
    assert run(call).exception[0].value == message


def test_chat_messages_inside_other_containers_and_the_sidebar():
    at = run('''
        with st.sidebar:
            st.chat_message("user").write("side")
        with st.container():
            with st.chat_message("assistant"):
                st.write("boxed")
    ''')
    assert [m.children[0].value for m in at.chat_message] == ["boxed", "side"]
    assert at.sidebar.chat_message[0].name == "user"
