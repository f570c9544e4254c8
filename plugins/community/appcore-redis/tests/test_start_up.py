"""Every installed plugin is loaded when a server starts: without a store, no redis client."""
from __future__ import annotations

import subprocess
import sys


def test_loading_the_plugin_leaves_the_redis_client_to_a_configured_store() -> None:
    check = ("import sys, appcore_redis\n"
             "assert 'redis' not in sys.modules, 'imported at load'\n"
             "appcore_redis.RedisSessionStore\n"
             "assert 'redis' in sys.modules\n")
    subprocess.run([sys.executable, "-c", check], check=True)
