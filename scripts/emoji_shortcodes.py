#!/usr/bin/env python3
"""Regenerate plugins/bundled/appcore_elements/_emoji_shortcodes.json, the table that turns
`:smile:` into 😄 in Markdown.

    pip install emoji==2.16.0     # into any scratch environment; appcore does not depend on it
    python scripts/emoji_shortcodes.py

Names come from the `emoji` package's data: its GitHub-style aliases (`:smile:`, `:+1:`,
`:tada:`), the names Streamlit's Markdown knows, and its CLDR names in lower case
(`:grinning_face_with_smiling_eyes:`), plus each `*_face` name without `_face`
(`:woozy:`) where that is free. Only fully-qualified emoji are taken.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "plugins" / "bundled" / "appcore_elements" / "_emoji_shortcodes.json"
NAME = re.compile(r"[a-z0-9_+\-]+")
FULLY_QUALIFIED = 2  # emoji.STATUS["fully_qualified"]


def table() -> dict[str, str]:
    import emoji

    aliases: dict[str, str] = {}
    names: dict[str, str] = {}
    for char, data in emoji.EMOJI_DATA.items():
        if data["status"] != FULLY_QUALIFIED:
            continue
        for alias in data.get("alias", []):
            aliases.setdefault(alias.strip(":"), char)
        name = data["en"].strip(":")
        if NAME.fullmatch(name):
            names.setdefault(name, char)
    short = {name[:-len("_face")]: char for name, char in names.items() if name.endswith("_face")}
    merged = {**short, **names, **aliases}  # an alias wins over a name, a name over a shortened one
    return {name: merged[name] for name in sorted(merged) if NAME.fullmatch(name)}


def main() -> int:
    codes = table()
    OUT.write_text(json.dumps(codes, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(codes)} shortcodes to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
