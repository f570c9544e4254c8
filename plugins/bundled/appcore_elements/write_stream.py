"""st.write_stream: writes a stream's chunks as they come. Strings grow one Markdown
element, redrawn at the same place, so the text appears as it is produced; anything
else is written with st.write (and ends the current text).

Redrawing renders the whole text again, so a fast stream is redrawn at most once per
frame (``_GrowingText``): chunks that arrive sooner wait for the next redraw, and a
timer draws them if the stream pauses before then. The page never lags the stream by
more than a frame, and 2,000 tokens cost a few renders instead of 2,000.
"""
from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from appcore.plugin import api, AppcoreAPIError, Container, current_run, invalid_type

from .dataframe import is_dataframe_like
from .markdown import _text_props

# At most one redraw per browser frame, and at most a third of the time spent rendering.
_FRAME_SECONDS = 1 / 60
_RENDER_SHARE = 3

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
    """The streamed text and its Markdown element: redrawn on the script thread when a
    frame has passed since the last redraw, else by a timer once it has (the stream may
    pause: what arrived must not wait for the next chunk). One lock orders the two."""

    def __init__(self, cursor: str | None):
        self.cursor = cursor or ""
        self.text = ""
        self.slot: Container | None = None
        self.shown = ""           # the text the page was last sent
        self.next_draw = 0.0      # monotonic time before which a redraw waits
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.session: Any = None
        self.closed = False

    def add(self, chunk: str) -> None:
        with self.lock:
            self.text += chunk
            if self.slot is None:  # the first chunk shows at once, without the cursor (as Streamlit)
                self.session = current_run().session
                self.slot = api("empty")()
                self._draw(self.text)
                return
            wait = self.next_draw - time.monotonic()
            if wait <= 0:
                self._draw(self.text + self.cursor)
            elif self.timer is None:
                self.timer = threading.Timer(wait, self._draw_late)
                self.timer.daemon = True
                self.timer.start()

    def _draw(self, body: str) -> None:
        started = time.monotonic()
        self.slot.markdown(body)
        self.shown = body
        spent = time.monotonic() - started
        self.next_draw = time.monotonic() + max(_FRAME_SECONDS, _RENDER_SHARE * spent)

    def _draw_late(self) -> None:
        """The timer's redraw, off the script thread: straight to the session (as a form redraws)."""
        if not self.lock.acquire(timeout=1):
            return  # the script thread holds it to draw or to finish: it draws the text itself
        try:
            self.timer = None
            body = self.text + self.cursor
            if self.closed or body == self.shown:
                return
            props = {**_text_props(body, False, None, "auto", "left", True), "anchors": True}
            self.session.emit(self.slot.path, "markdown", props, None, None)
            self.shown = body
            self.next_draw = time.monotonic() + _FRAME_SECONDS
        finally:
            self.lock.release()

    def close(self) -> None:
        """No late redraw any more (the stream ended or was interrupted)."""
        # A stop thrown into the script thread at the wrong bytecode could leave the lock
        # taken: never wait for it for ever.
        locked = self.lock.acquire(timeout=1)
        try:
            self.closed = True
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        finally:
            if locked:
                self.lock.release()

    def finish(self) -> str:
        """Stop the timer and draw the finished text (without the cursor); returns it."""
        with self.lock:
            self.closed = True
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            text, self.text = self.text, ""
            if self.slot is not None and text and self.shown != text:
                self.slot.markdown(text)
            self.slot, self.shown = None, ""
            self.closed = False
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
