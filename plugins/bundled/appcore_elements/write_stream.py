"""st.write_stream: writes a stream's chunks as they come. Strings grow one Markdown
element, redrawn at the same place, so the text appears as it is produced; anything
else is written with st.write (and ends the current text).

Redrawing renders the whole text again, so a fast stream is redrawn at most once per
frame (``_GrowingText``): chunks that arrive sooner wait for the next redraw, and a
helper thread draws them if the stream pauses before then. The page lags the stream
by at most a frame and a pause, and 2,000 tokens cost a few renders instead of 2,000.
"""
from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from appcore.plugin import api, AppcoreAPIError, Container, current_run, invalid_type, is_dataframe_like

from .markdown import _text_props

# At most one redraw per browser frame, and at most a third of the time spent rendering.
_FRAME_SECONDS = 1 / 60
_RENDER_SHARE = 3
# No chunk for this long: the stream has paused, and what arrived is drawn without waiting for more.
_PAUSE_SECONDS = 0.008

__all__ = ["write_stream"]


def _sync(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """An async generator driven by an event loop of its own, on the script thread."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(stream.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


def _text_of(chunk: Any) -> Any:
    """The text of an LLM client's chunk (OpenAI chat completions and Responses events,
    LangChain message chunks), recognised by shape; other chunks as they are."""
    if isinstance(chunk, str):
        return chunk
    kind = type(chunk).__name__
    choices = getattr(chunk, "choices", None)
    if kind == "ChatCompletionChunk" or (isinstance(choices, (list, tuple)) and hasattr(chunk, "model")):
        if not choices or getattr(choices[0], "delta", None) is None:
            return ""  # Azure's first chunk has no choices
        return choices[0].delta.content or ""
    if type(chunk).__module__.startswith("openai.") and hasattr(chunk, "type") and hasattr(chunk, "sequence_number"):
        return (getattr(chunk, "delta", None) or "") if chunk.type == "response.output_text.delta" else ""
    if kind.endswith("MessageChunk") and hasattr(chunk, "content"):
        return chunk.content or ""
    return chunk


class _GrowingText:
    """The streamed text and its Markdown element. The script thread redraws it when a
    chunk comes a frame or more after the last redraw; a chunk that comes sooner waits.
    If the stream then pauses (no chunk for ``_PAUSE_SECONDS``), a helper thread draws
    what waits, straight to the session as a form redraws. While chunks keep coming the
    helper draws nothing, so it never competes with the script thread for the GIL."""

    def __init__(self, cursor: str | None):
        self.cursor = cursor or ""
        self.text = ""
        self.slot: Container | None = None
        self.shown = ""           # the text the page was last sent
        self.next_draw = 0.0      # monotonic time before which a redraw waits
        self.last_chunk = 0.0
        self.changed = threading.Condition(threading.Lock())
        self.helper: threading.Thread | None = None
        self.helper_idle = False  # waiting for a chunk to wait, not for a time
        self.session: Any = None
        self.closed = False

    def add(self, chunk: str) -> None:
        with self.changed:
            self.text += chunk
            now = self.last_chunk = time.monotonic()
            if self.slot is None:  # the first chunk shows at once, without the cursor (as Streamlit)
                self.session = current_run().session
                self.slot = api("empty")()
                self._draw(self.text)
            elif now >= self.next_draw:
                self._draw(self.text + self.cursor)
            elif self.helper is None:
                self.helper = threading.Thread(target=self._draw_after_pauses, daemon=True,
                                               name="appcore-write-stream")
                self.helper.start()
            elif self.helper_idle:
                self.changed.notify()

    def _draw(self, body: str) -> None:
        started = time.monotonic()
        self.slot.markdown(body)
        self.shown = body
        spent = time.monotonic() - started
        self.next_draw = time.monotonic() + max(_FRAME_SECONDS, _RENDER_SHARE * spent)

    def _draw_after_pauses(self) -> None:
        """The helper: draws what waits once the stream has paused and a frame has passed."""
        with self.changed:
            while not self.closed:
                body = self.text + self.cursor
                if body == self.shown:
                    self.helper_idle = True
                    self.changed.wait()  # until a chunk waits, or the stream ends
                    self.helper_idle = False
                    continue
                due = max(self.next_draw, self.last_chunk + _PAUSE_SECONDS) - time.monotonic()
                if due > 0:
                    self.changed.wait(due)
                    continue
                props = {**_text_props(body, False, None, "auto", "left", True), "anchors": True}
                self.session.emit(self.slot.path, "markdown", props, None, None)
                self.shown = body
                self.next_draw = time.monotonic() + _FRAME_SECONDS

    def close(self) -> None:
        """No late redraw any more (the stream ended or was interrupted): the helper ends."""
        # A stop thrown into the script thread at the wrong bytecode could leave the lock
        # taken by the helper's wait: never wait for it for ever.
        locked = self.changed.acquire(timeout=1)
        try:
            self.closed = True
            if locked:
                self.changed.notify_all()
        finally:
            if locked:
                self.changed.release()

    def finish(self) -> str:
        """Draw the finished text (without the cursor); returns it. The element is done:
        text after a non-text chunk starts a new one."""
        with self.changed:
            text, self.text = self.text, ""
            if self.slot is not None and text and self.shown != text:
                self.slot.markdown(text)
            self.slot, self.shown = None, ""
        return text


def write_stream(stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Write a generator's (or async generator's, or iterable's) chunks as they arrive;
    returns the text when it was all text, else the list of what was written."""
    if isinstance(stream, str) or is_dataframe_like(stream):
        raise invalid_type("stream", type(stream).__name__, ["generator", "stream-like object"],
                           "Please use `st.write` instead for this data type.")
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if inspect.isasyncgen(stream) or hasattr(stream, "__anext__"):
        stream = _sync(stream)
    try:
        chunks = iter(stream)
    except TypeError:
        raise AppcoreAPIError(f"The provided input (type: {type(stream)}) cannot be iterated. Please make sure that "
                              "it is a generator, generator function or iterable.") from None

    written: list[Any] = []
    growing = _GrowingText(cursor)

    def flush() -> None:
        text = growing.finish()
        if text:
            written.append(text)

    try:
        for chunk in chunks:
            chunk = _text_of(chunk)
            if isinstance(chunk, str):
                if chunk:
                    growing.add(chunk)
            elif callable(chunk):
                flush()
                chunk()
            else:
                flush()
                api("write")(chunk)
                written.append(chunk)
        flush()
    finally:
        growing.close()  # also when interrupted: no late redraw after the run moved on
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written
