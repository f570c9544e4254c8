"""st.chat_input as a user meets it, headless. Values, node types and messages were
compared with Streamlit 1.67's AppTest on the same scripts (each test says what it saw)."""
from __future__ import annotations

import inspect

import pytest

import appcore
from appcore.testing import AppTest
from appcore.testing.element_tree import AppTestError
from tests.helpers import app, height_error, width_error


def lines(at: AppTest) -> list[str]:
    return [m.value for m in at.main.get("markdown")]


ECHO = '''
def remember(*args, **kwargs):
    st.session_state.seen = (st.session_state.get("k"), args, kwargs)
value = st.chat_input("Say", key="k", max_chars=5, on_submit=remember, args=(1,), kwargs={"z": 2})
st.write(repr(value))
st.write(repr(st.session_state.get("k")))
st.write(repr(st.session_state.get("seen")))
'''


def test_the_signature_is_streamlit_1_67s():
    signature = inspect.signature(appcore.chat_input)
    assert [(p.name, p.kind.name, p.default) for p in signature.parameters.values()] == [
        ("placeholder", "POSITIONAL_OR_KEYWORD", "Your message"), ("key", "KEYWORD_ONLY", None),
        ("max_chars", "KEYWORD_ONLY", None), ("max_upload_size", "KEYWORD_ONLY", None),
        ("accept_file", "KEYWORD_ONLY", False), ("file_type", "KEYWORD_ONLY", None),
        ("accept_audio", "KEYWORD_ONLY", False), ("audio_sample_rate", "KEYWORD_ONLY", 16000),
        ("disabled", "KEYWORD_ONLY", False), ("submit_mode", "KEYWORD_ONLY", "submit"),
        ("on_submit", "KEYWORD_ONLY", None), ("args", "KEYWORD_ONLY", None), ("kwargs", "KEYWORD_ONLY", None),
        ("width", "KEYWORD_ONLY", "stretch"), ("height", "KEYWORD_ONLY", "content")]


def test_a_submitted_message_is_the_value_for_one_run_only():
    # Streamlit 1.67: 'hey' in the run that handles the submit (also in session_state and
    # in the on_submit callback, with its args), None in the next run.
    at = app(ECHO).run()
    assert lines(at) == ["None", "None", "None"]
    at.chat_input[0].set_value("hey").run()
    assert lines(at) == ["'hey'", "'hey'", "('hey', (1,), {'z': 2})"]
    assert at.chat_input[0].value == "hey"
    at.run()
    assert lines(at)[:2] == ["None", "None"]
    assert at.chat_input[0].value is None


def test_an_empty_submit_is_an_empty_string():
    # Streamlit 1.67's AppTest: set_value("") gives '' (the page never sends an empty message).
    at = app(ECHO).run()
    at.chat_input[0].set_value("").run()
    assert lines(at)[:2] == ["''", "''"]


def test_typing_past_max_chars_is_cut_in_the_page_and_refused_by_the_server():
    # Streamlit 1.67's AppTest gets 'hello' for 'hello world' with max_chars=5 (it cuts on
    # the server); appcore's AppTest cuts as the field does, and the server refuses the rest.
    at = app(ECHO).run()
    at.chat_input[0].set_value("hello world").run()
    assert lines(at)[0] == "'hello'"
    widget = at.chat_input[0]
    with pytest.raises(ValueError, match="more than max_chars=5"):
        at.send({"t": "widget", "id": widget.id, "value": "hello world"}).run()
    assert lines(at.run())[0] == "None"  # the session lives on


@pytest.mark.parametrize("hostile", [5, None, ["hi"], {"text": "hi"}, True])
def test_anything_but_a_string_from_the_browser_is_refused(hostile):
    at = app(ECHO).run()
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": at.chat_input[0].id, "value": hostile}).run()
    at.chat_input[0].set_value("ok").run()
    assert lines(at)[0] == "'ok'"


def test_messages_sent_while_a_reply_is_written_each_get_their_own_run(gates):
    # A reply still streaming when two more messages are sent: it is not cut short, and
    # both later messages reach the script, each in a run of its own, in order.
    at = app('''
        from appcore_test_gates import replying
        st.session_state.setdefault("log", [])
        if text := st.chat_input():
            st.session_state.log.append(text)
            if text == "one":
                replying.arrive()
            st.write(f"reply to {text}")
        st.write(" | ".join(st.session_state.log))
    ''').run()
    widget = at.chat_input[0].id
    with gates.replying.closed():
        at.session.handle_message({"t": "widget", "id": widget, "value": "one"})
        gates.replying.wait_arrival()  # the first reply is being written
        at.session.handle_message({"t": "widget", "id": widget, "value": "two"})
        at.session.handle_message({"t": "widget", "id": widget, "value": "three"})
    at._wait(5)
    assert lines(at) == ["reply to three", "one | two | three"]
    assert [r["status"] for r in at.runs] == ["complete"] * 4


def test_at_the_top_level_it_is_pinned_to_the_bottom_and_elsewhere_inline():
    # Streamlit 1.67: is_auto_positioned_at_bottom for the main-area call only; the
    # sidebar's comes first in at.chat_input (roots in order main, sidebar, event, bottom).
    at = app('''
        st.chat_input("main")
        st.sidebar.chat_input("side")
        with st.container():
            st.chat_input("boxed")
    ''').run()
    where = {c.placeholder: (c.path[0], c.props["pinned"]) for c in at.chat_input}
    assert where == {"main": ("bottom", True), "side": ("sidebar", False), "boxed": ("main", False)}
    assert [c.placeholder for c in at.chat_input] == ["boxed", "side", "main"]


def test_a_pinned_input_stays_put_across_reruns_and_main_keeps_its_own_order():
    at = app('''
        st.chat_input()
        st.write("first")
        st.write("second")
    ''').run()
    assert lines(at) == ["first", "second"]
    assert at.main.children[0].value == "first"
    assert at.chat_input[0].path == ("bottom", 0)


def test_inside_a_form_it_is_an_error():
    at = app('''
        with st.form("f"):
            st.chat_input()
            st.form_submit_button()
    ''').run()
    assert at.exception[0].value == "`st.chat_input()` can't be used in a `st.form()`."


@pytest.mark.parametrize("call, message", [
    ('on_submit="rerun"', '`on_submit="rerun"` is not supported on this widget. Pass a callback, or omit `on_submit`.'),
    ("on_submit=5", "Invalid `on_submit` value. Supported values: a callback function."),
    ('accept_file="x"', "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. Got 'x'."),
    ('submit_mode="x"', "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'."),
    ("max_upload_size=0", "Invalid `max_upload_size` value. Supported values: a positive integer. Set it to None "
                          "to fall back to the `server.maxUploadSize` configuration option."),
    ("audio_sample_rate=5", "Invalid `audio_sample_rate` value. Supported values: 8000, 11025, 16000, 22050, "
                            "24000, 32000, 44100, 48000, None."),
    ('width="content"', width_error("content", content=False)),
    ('height="x"', height_error("x")),
    ('max_chars="a"', "'str' object cannot be interpreted as an integer"),
])
def test_bad_arguments_give_streamlits_messages(call, message):
    at = app(f"st.chat_input({call})").run()
    assert at.exception[0].value == message


def test_two_identical_inputs_need_a_key():
    at = app("st.chat_input()\nst.chat_input()").run()
    assert "two identical chat_input widgets" in at.exception[0].value
    assert not app("st.chat_input(key='a')\nst.chat_input(key='b')").run().exception


def test_text_set_through_session_state_goes_into_the_field_without_being_submitted():
    # Streamlit 1.67: the widget returns None and its state is reset to None; the page shows the text.
    at = app('''
        if st.button("Fill"):
            st.session_state.k = "Hello, world!"
        value = st.chat_input(key="k")
        st.write(repr(value), repr(st.session_state.k))
    ''').run()
    at.button[0].click().run()
    assert lines(at) == ["None None"]
    assert at.chat_input[0].props["value"] == "Hello, world!"
    at.run()
    assert "value" not in at.chat_input[0].props


def test_a_disabled_input_cannot_be_used():
    at = app("st.chat_input(disabled=True)").run()
    with pytest.raises(AppTestError, match="disabled"):
        at.chat_input[0].set_value("hi")
    with pytest.raises(ValueError, match="disabled"):
        at.send({"t": "widget", "id": at.chat_input[0].id, "value": "hi"}).run()


def test_with_accept_file_the_value_is_a_chat_input_value_with_text_and_files():
    # Streamlit 1.67: ChatInputValue(text='hi', files=[]); v.text == v["text"]; list(v) == ['text', 'files'].
    at = app('''
        v = st.chat_input(accept_file=True)
        st.write(repr(v))
        if v:
            st.write(repr(v.text), repr(v["text"]), repr(list(v)), repr(v.to_dict()), repr(len(v)))
    ''').run()
    at.chat_input[0].set_value("hi").run()
    assert lines(at) == ["ChatInputValue(text='hi', files=[])",
                         "'hi' 'hi' ['text', 'files'] {'text': 'hi', 'files': []} 2"]


def test_a_chat_input_value_offers_only_what_the_widget_accepts():
    from appcore_chat import ChatInputValue

    value = ChatInputValue("hi", [], include_files=True)
    assert value.files == [] and "audio" not in value
    with pytest.raises(AttributeError, match=r"no attribute 'audio' \(accept_audio=False\)"):
        value.audio
    with pytest.raises(KeyError, match="Invalid key: audio"):
        value["audio"] = None
    value["text"] = "changed"
    assert value.text == "changed"
    text_only = ChatInputValue("x")
    with pytest.raises(AttributeError, match=r"\(accept_file=False\)"):
        text_only.files


def test_files_named_in_a_submit_are_refused_unless_uploaded_to_it():
    at = app("st.chat_input(accept_file=True)").run()
    widget = at.chat_input[0]
    with pytest.raises(ValueError, match="no file 'f1' was uploaded to this widget"):
        at.send({"t": "widget", "id": widget.id, "value": {"text": "", "files": ["f1"]}}).run()
    with pytest.raises(ValueError, match="refused"):
        at.send({"t": "widget", "id": widget.id, "value": "plain text"}).run()
    with pytest.raises(AppTestError, match="does not accept files"):
        app("st.chat_input()").run().chat_input[0].upload("a.txt", b"x")


def test_the_node_reads_as_streamlits():
    at = app('st.chat_input("Ask me", key="q", max_chars=9)').run()
    node = at.chat_input[0]
    assert (type(node).__name__, node.type, node.placeholder, node.key, node.max_chars, node.value) == (
        "ChatInput", "chat_input", "Ask me", "q", 9, None)
    assert repr(node) == "ChatInput(key='q', placeholder='Ask me')"


def test_a_button_still_reads_true_only_in_the_run_of_its_click():
    # The trigger seam chat_input stands on: a click carries no payload and reads True.
    at = app('''
        clicked = st.button("Go", key="go")
        st.write(repr(clicked), repr(st.session_state.go))
    ''').run()
    at.button[0].click().run()
    assert lines(at) == ["True True"]
    at.run()
    assert lines(at) == ["False False"]
