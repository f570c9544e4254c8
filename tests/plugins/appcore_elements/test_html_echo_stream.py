"""st.html, st.echo and st.write_stream as a user meets them. The element lists and values
were compared with Streamlit 1.67's AppTest on the same scripts (each test says which)."""
from __future__ import annotations

import textwrap
import threading

import pytest

from appcore.testing import AppTest
from tests.helpers import run


def shown(at: AppTest) -> list[tuple[str, object]]:
    return [(e.type, e.value) for e in at.main.children]


# -- st.html ----------------------------------------------------------------------------------

def test_html_keeps_the_body_and_shows_it_sanitised():
    # Checked on Streamlit 1.67: at.html[0].value is the body as given, scripts included.
    at = run('st.html("<b>hi</b><script>alert(1)</script>")')
    assert at.html[0].value == "<b>hi</b><script>alert(1)</script>"
    assert at.html[0].props["html"] == "<b>hi</b>" and at.html[0].props["run_scripts"] is False


def test_html_that_is_only_styles_is_added_to_the_page_styles():
    # Checked on Streamlit 1.67: still an Html node with the body (in the event container there).
    at = run('st.html("<!-- theme --><style>p {color: red}</style>")')
    assert at.html[0].value == "<!-- theme --><style>p {color: red}</style>"
    assert at.html[0].props["styles_only"] is True


def test_html_reads_a_path_and_wraps_a_css_file_in_a_style(tmp_path):
    (tmp_path / "part.html").write_text("<p>from a file</p>")
    (tmp_path / "look.css").write_text("p { margin: 0 }")
    at = run(f'from pathlib import Path\nst.html(Path({str(tmp_path / "part.html")!r}))\n'
             f'st.html(Path({str(tmp_path / "look.css")!r}))\nst.html({str(tmp_path / "part.html")!r})')
    first, css, text = at.html
    assert first.value == "<p>from a file</p>" and not first.props["styles_only"]
    assert css.value == "<style>p { margin: 0 }</style>" and css.props["styles_only"]
    assert text.value == str(tmp_path / "part.html")  # Streamlit 1.67 no longer reads a str path


def test_html_with_javascript_allowed_is_sent_as_written():
    at = run('st.html("<p id=x></p><script>x.textContent = 1</script>", unsafe_allow_javascript=True)')
    assert at.html[0].props["html"] == "<p id=x></p><script>x.textContent = 1</script>"
    assert at.html[0].props["run_scripts"] is True


def test_html_refuses_an_empty_body():
    # Checked on Streamlit 1.67: the same message.
    assert run('st.html("   ")').exception[0].message == "The `body` parameter is required."


# -- st.echo ----------------------------------------------------------------------------------

def test_echo_shows_the_block_above_what_it_draws():
    # Checked on Streamlit 1.67: Code 'x = 1 + 1\nst.write(x)', Markdown '`2`', Markdown 'after'.
    at = run('''
        with st.echo():
            x = 1 + 1
            st.write(x)
        st.markdown("after")
    ''')
    assert shown(at) == [("code", "x = 1 + 1\nst.write(x)"), ("markdown", "`2`"), ("markdown", "after")]
    assert at.code[0].props["language"] == "python"


def test_echo_below_shows_the_block_after_it_with_its_decorators():
    # Checked on Streamlit 1.67: Markdown 'in', then Code '@staticmethod\ndef f():\n    pass\nst.markdown("in")'.
    at = run('''
        with st.echo("below"):
            @staticmethod
            def f():
                pass
            st.markdown("in")
    ''')
    assert shown(at) == [("markdown", "in"), ("code", '@staticmethod\ndef f():\n    pass\nst.markdown("in")')]


# -- st.write_stream --------------------------------------------------------------------------

def test_write_stream_joins_strings_into_one_markdown_and_writes_the_rest():
    # Checked on Streamlit 1.67: Markdown 'Hello **world**', Json, Markdown 'tail', and the list returned.
    at = run('''
        def gen():
            yield "Hello "
            yield "**world**"
            yield {"a": 1}
            yield "tail"
        r = st.write_stream(gen)
        st.markdown(repr(r))
    ''')
    assert [e.type for e in at.main.children] == ["markdown", "json", "markdown", "markdown"]
    assert at.markdown[0].value == "Hello **world**" and at.markdown[1].value == "tail"
    assert at.markdown[2].value == "['Hello **world**', {'a': 1}, 'tail']"


def test_write_stream_takes_an_async_generator_and_returns_its_text():
    # Checked on Streamlit 1.67: Markdown 'abc', and 'abc' returned.
    at = run('''
        async def agen():
            for word in ["a", "b", "c"]:
                yield word
        r = st.write_stream(agen())
        st.markdown(repr(r))
    ''')
    assert shown(at) == [("markdown", "abc"), ("markdown", "'abc'")]


def test_write_stream_reads_openai_and_langchain_chunks():
    at = run('''
        from types import SimpleNamespace as N
        class ChatCompletionChunk(N): pass
        class AIMessageChunk(N): pass
        chunks = [ChatCompletionChunk(choices=[], model="m"),
                  ChatCompletionChunk(choices=[N(delta=N(content="Hi"))], model="m"),
                  ChatCompletionChunk(choices=[N(delta=N(content=None))], model="m"),
                  AIMessageChunk(content=" there")]
        r = st.write_stream(iter(chunks))
        st.markdown(repr(r))
    ''')
    assert shown(at) == [("markdown", "Hi there"), ("markdown", "'Hi there'")]


def test_write_stream_shows_the_cursor_only_while_streaming(gates):
    # "b" comes within a frame of "a": it waits, and the frame's timer draws it while the
    # stream is paused at the gate, with the cursor; the finished text has none.
    at = AppTest.from_string(textwrap.dedent('''
        import appcore as st
        from appcore_test_gates import paused
        def chunks():
            yield "a"
            yield "b"
            paused.arrive()
            yield "c"
        r = st.write_stream(chunks, cursor="▌")
        st.markdown(repr(r))
    '''))
    woke = threading.Event()
    at.session  # noqa: B018 - opens the tab
    at._browser.wake = lambda session: woke.set()  # the session has something to send
    with gates.paused.closed():
        at.session.handle_message({"t": "rerun"})
        gates.paused.wait_arrival()
        at.session.flush()
        if [e.value for e in at.markdown] != ["ab▌"]:
            woke.clear()
            at.session.flush()
            assert [e.value for e in at.markdown] == ["ab▌"] or woke.wait(5), "nothing was drawn after 'b'"
            at.session.flush()
        assert [e.value for e in at.markdown] == ["ab▌"]
    at._wait(5)
    assert shown(at) == [("markdown", "abc"), ("markdown", "'abc'")]


def test_a_fast_stream_is_redrawn_at_most_once_per_frame_not_once_per_chunk():
    at = run('''
        def chunks():
            for i in range(2000):
                yield f"w{i} "
        r = st.write_stream(chunks)
    ''')
    sent = [op for m in at._browser.messages if m["t"] == "delta" for op in m["ops"] if op[2] == "markdown"]
    assert at.markdown[0].value == " ".join(f"w{i}" for i in range(2000))
    assert len(sent) < 100, f"{len(sent)} redraws for 2,000 chunks"


def test_an_empty_stream_returns_an_empty_string():
    # Checked on Streamlit 1.67: only Markdown "''".
    assert shown(run('st.markdown(repr(st.write_stream(iter([]))))')) == [("markdown", "''")]


@pytest.mark.parametrize(("call", "message"), [
    # Checked on Streamlit 1.67: the same messages.
    ('st.write_stream("abc")', "Invalid `stream` type. Expected one of: generator, stream-like object. Provided "
                               "type: str. Please use `st.write` instead for this data type."),
    ('st.write_stream(5)', "The provided input (type: <class 'int'>) cannot be iterated. Please make sure that it "
                           "is a generator, generator function or iterable."),
])
def test_write_stream_refuses_what_streamlit_refuses(call, message):
    assert run(call).exception[0].message == message


def test_st_write_streams_a_generator_through_write_stream():
    at = run('def gen():\n    yield "x"\n    yield "y"\nst.write(gen())')
    assert shown(at) == [("markdown", "xy")]
