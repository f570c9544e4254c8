"""Bundled plugin: Streamlit's chat elements, ``st.chat_message`` and ``st.chat_input``.

A message is a container (an avatar beside the message's elements); the input is a
trigger widget whose value is the submitted text for one run, pinned to the foot of
the page when it is called at the top level of the main area.
"""
from __future__ import annotations

from pathlib import Path

from appcore.plugin import ElementType, contributes

from .chat_input import ChatInputValue, chat_input
from .chat_message import chat_message

HERE = Path(__file__).parent

__all__ = ["ChatInputValue", "chat_input", "chat_message"]


appcore_register_elements = contributes([ElementType("chat_message", HERE / "chat_message.js"),
                                         ElementType("chat_input", HERE / "chat_input.js")])
appcore_register_api = contributes({"chat_message": chat_message, "chat_input": chat_input})
