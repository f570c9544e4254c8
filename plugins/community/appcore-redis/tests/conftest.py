from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from appcore_redis.testing import MISSING, RedisServer, redis_server_binary


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own, on a free port. Missing, the test fails (CI installs
    it), except on a machine that says it cannot install one (APPCORE_NO_REDIS=1)."""
    if redis_server_binary() is None:
        if os.environ.get("APPCORE_NO_REDIS"):
            pytest.skip(f"APPCORE_NO_REDIS is set: {MISSING}")
        pytest.fail(MISSING, pytrace=False)
    server = RedisServer(tmp_path / "redis").start()
    try:
        yield server
    finally:
        server.stop()
