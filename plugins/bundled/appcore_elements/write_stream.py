"""st.write_stream: writes a stream's chunks as they come. Strings grow one Markdown
element, redrawn at the same place after each chunk, so the text appears as it is
produced; anything else is written with st.write (and ends the current text)."""
from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

from appcore.plugin import api, AppcoreAPIError, Container, invalid_type

from .dataframe import is_dataframe_like

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
    text = ""
    slot: Container | None = None

    def flush() -> None:
        nonlocal text, slot
        if slot is not None and text:
            slot.markdown(text)  # the finished text, without the cursor
            written.append(text)
        slot, text = None, ""

    for chunk in chunks:
        chunk = _text_of(chunk)
        if isinstance(chunk, str):
            if not chunk:
                continue
            first = slot is None
            if first:
                slot = api("empty")()
            text += chunk
            slot.markdown(text + ("" if first else cursor or ""))
        elif callable(chunk):
            flush()
            chunk()
        else:
            flush()
            api("write")(chunk)
            written.append(chunk)
    flush()
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written
