"""Every installed plugin is loaded when a server starts: without a store, no redis client."""
from __future__ import annotations

from appcore.testing.processes import modules_after_each


def test_loading_the_plugin_leaves_the_redis_client_to_a_configured_store() -> None:
    at_load, at_first_store = modules_after_each("import appcore_redis", "appcore_redis.RedisSessionStore")
    assert "redis" not in at_load, "imported at load"
    assert "redis" in at_first_store
