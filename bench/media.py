"""Time to first image paint: from opening the app's URL in a fresh tab to the first
animation frame in which its pictures are decoded and on screen.

The app draws a 1200 x 800 photo-like NumPy image (encoded, served from the session's
media route) and a row of 12 small ones. Both servers stay up; each load is a new tab,
so a new session (its images encoded and stored again). Alternating, several loads;
prints medians and the ratio appcore/Streamlit.

    python bench/media.py [--loads 9] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

APP = """
import numpy as np
rng = np.random.default_rng(7)
y, x = np.mgrid[0:800, 0:1200]
photo = np.stack([np.sin(x / 70) * 90 + 128, np.cos(y / 50) * 90 + 128, (x + y) % 256], axis=-1)
photo = (photo + rng.normal(0, 12, photo.shape)).clip(0, 255).astype(np.uint8)
st.image(photo, caption="A photo")
st.image([photo[i * 60:i * 60 + 60, i * 90:i * 90 + 90] for i in range(12)], width=90)
"""
IMAGES = {"appcore": '[data-testid="ac-image"] img', "streamlit": '[data-testid="stImage"] img'}

# Resolves with ms since the epoch at the first animation frame in which all 13 images
# are decoded (complete, with a natural width) and have a box on screen.
WATCH_JS = """
(selector) => new Promise((resolve, reject) => {
  const ready = () => { const all = [...document.querySelectorAll(selector)];
    return all.length === 13 && all.every((i) => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0); };
  const tick = () => ready() ? resolve(performance.timeOrigin + performance.now()) : requestAnimationFrame(tick);
  setTimeout(() => reject("timeout"), 60000);
  tick();
})
"""


def load(browser: object, kind: str, server: c.Server) -> float:
    page = c.new_page(browser)
    try:
        page.goto("about:blank")
        started = time.time()
        page.goto(server.url, wait_until="commit")
        painted_ms = page.evaluate(WATCH_JS, IMAGES[kind])
        return painted_ms / 1000 - started
    finally:
        page.context.close()


def main() -> int:
    args, kinds = c.bench_args(__doc__, loads=(9, "measured page loads per framework (after a warm-up)"))
    times: dict[str, list[float]] = {k: [] for k in kinds}
    with c.measuring("media") as (folder, browser):
        servers = {kind: c.Server(kind, c.write_app(folder / kind, kind, APP)).start() for kind in kinds}
        try:
            for kind in kinds:
                load(browser, kind, servers[kind])  # warm-up: imports, the first encode
            for _ in range(args.loads):
                for kind in kinds:  # alternate, so both sides see the same noise
                    seconds = load(browser, kind, servers[kind])
                    times[kind].append(seconds)
                    print(f"[{kind}] images painted {seconds:.3f} s after the tab opened the URL", flush=True)
        finally:
            for server in servers.values():
                server.stop()
    rows = [[kind, f"{c.median(v):.3f} s", f"{min(v):.3f} s", f"{max(v):.3f} s"] for kind, v in times.items()]
    print()
    print(f"open the URL to the images painted, {args.loads} loads each (medians)")
    print(c.table(["framework", "first image paint", "min", "max"], rows))
    if len(times) == 2:
        ratio = c.ratio(c.median(times["appcore"]), c.median(times["streamlit"]))
        print(f"\nfirst image paint appcore/Streamlit: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
