"""Sessions, runs and control flow. Never imports aiohttp: server/ adapts it."""
