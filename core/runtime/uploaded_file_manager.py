"""Streamlit's ``streamlit.runtime.uploaded_file_manager`` names, for code that imports them
(``from streamlit.runtime.uploaded_file_manager import UploadedFile``)."""
from __future__ import annotations

from .uploads import DeletedFile, UploadedFile, UploadedFileRec

__all__ = ["DeletedFile", "UploadedFile", "UploadedFileRec"]
