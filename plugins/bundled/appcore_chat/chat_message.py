"""st.chat_message: a message row, its avatar beside a container for its content."""
from __future__ import annotations

from typing import Any, Literal

from appcore.plugin import AppcoreAPIError, Container, Width, add_container, check_width

from ._avatar import avatar_of

__all__ = ["chat_message"]


def chat_message(name: Literal["user", "assistant", "ai", "human"] | str, *,
                 avatar: Literal["user", "assistant"] | str | Any | None = None,
                 width: Width = "stretch") -> Container:
    """A chat message container: ``with st.chat_message("user"): st.write(...)``."""
    if name is None:
        raise AppcoreAPIError("The `name` parameter is required.")
    name = str(name)
    kind, shown = avatar_of(name, avatar)
    width = check_width(width, allow_content=True)
    return add_container("chat_message", {"name": name, "avatar": shown, "avatar_type": kind, "width": width})
