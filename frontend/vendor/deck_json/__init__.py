"""Vendored browser files (package data; see scripts/vendor.py)."""
