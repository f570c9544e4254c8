"""Component round trip: from a component's setComponentValue to the new Python value drawn.

The same v1 component (a page that posts `streamlit:setComponentValue`, as the component
library does) in the same app, served by appcore and by Streamlit 1.67.0: the page calls
the component frame's `sendValue(n)` and times, with performance.now() and a
MutationObserver, until "value=n" shows in the app. Median and p90 over --sends; the
ratio appcore/Streamlit (target <= 0.2x).

    python bench/component_roundtrip.py [--sends 60] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

FRONTEND = """<!doctype html><html><body><p>bench component</p><script>
  const send = (type, data) => window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
  window.sendValue = (value) => send("streamlit:setComponentValue", { value, dataType: "json" });
  window.addEventListener("message", (e) => {
    if (e.data && e.data.type === "streamlit:render") send("streamlit:setFrameHeight", { height: 40 });
  });
  send("streamlit:componentReady", { apiVersion: 1 });
</script></body></html>
"""

APP = """
components = st.components.v1
echo = components.declare_component("bench_echo", path={folder!r})
value = echo(key="echo", default=0)
st.markdown(f"value={{value}}")
"""

# The frame is same-origin with the app on both servers: call into it, time until the text shows.
MEASURE_SEND_JS = """
([n, timeoutMs]) => new Promise((resolve, reject) => {
  const frame = document.querySelector("iframe");
  const text = `value=${n}`;
  if (!frame || !frame.contentWindow.sendValue) { reject(new Error("the component frame is not ready")); return; }
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (!document.body.textContent.includes(text)) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(performance.now() - t0);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error("timed out: " + text)); }, timeoutMs);
  t0 = performance.now();
  frame.contentWindow.sendValue(n);
})
"""

WARMUP = 10


def round_trips(browser, kind: str, workdir: Path, sends: int) -> list[float]:
    folder = workdir / "frontend"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(FRONTEND, encoding="utf-8")
    with c.served(kind, APP.format(folder=str(folder)), workdir / kind) as server:
        page = c.open_app(browser, kind, server, "value=0")
        page.wait_for_function("() => document.querySelector('iframe')?.contentWindow?.sendValue", timeout=60_000)
        samples = []
        for n in range(1, WARMUP + sends + 1):
            ms = page.evaluate(MEASURE_SEND_JS, [n, 30_000])
            c.wait_idle(page, kind)
            if n > WARMUP:
                samples.append(float(ms))
        page.context.close()
        return samples


def main() -> int:
    args, kinds = c.bench_args(__doc__, sends=(60, "measured sends per framework"))
    results: dict[str, list[float]] = {}
    with c.measuring("component") as (workdir, browser):
        for kind in kinds:
            results[kind] = round_trips(browser, kind, workdir / kind, args.sends)
    rows = [[kind, c.fmt_ms(c.median(v)), c.fmt_ms(c.p90(v)), len(v)] for kind, v in results.items()]
    print(c.table(["framework", "median", "p90", "sends"], rows))
    if len(results) == 2:
        r = c.ratio(c.median(results["appcore"]), c.median(results["streamlit"]))
        print(f"\nsetComponentValue to the value drawn, appcore / Streamlit: {r:.2f}x  "
              f"(target <= 0.2x: {c.verdict(r, 0.2)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
