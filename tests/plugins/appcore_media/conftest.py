"""Helpers of the media elements' tests: an app that may import numpy, pandas or PIL first,
and the file the session serves at a media URL."""
from __future__ import annotations

from appcore.testing import AppTest

TIMEOUT = 15  # a first import of pandas or numpy on a busy machine takes seconds


def media_app(body: str, head: str = "import appcore as st\n") -> AppTest:
    return AppTest.from_string(head + body, default_timeout=TIMEOUT).run()


def served(at: AppTest, url: str):  # type: ignore[no-untyped-def]
    file = at.session.services.media.find(url.rpartition("/")[2])
    assert file is not None, f"{url} is not served"
    return file
