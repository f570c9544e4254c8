"""A streamed chat reply, appcore against Streamlit 1.67, in real headless Chromium.

The app (the same script for both, only the import differs) keeps a chat history
in session_state and answers each message with st.write_stream of a generator that
yields --tokens tokens ("w0 w1 ... w1999"), as fast as it can, inside
st.chat_message("assistant"). Measured in the page (performance.now()): from the
Enter key that sends the message to the frame after the last token is in the DOM
(the next requestAnimationFrame, so the browser has laid it out to paint it).
Medians over --runs messages (after one warm-up), side by side with the ratio.

Target: appcore's median at most half of Streamlit's.

    python bench/chat_stream.py [--runs 5] [--tokens 2000] [--delay-ms 0] [--only appcore|streamlit]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

CHAT_APP = """
import time
TOKENS = {tokens}
DELAY = {delay}

if "history" not in st.session_state:
    st.session_state.history = []

def reply(n):
    for i in range(TOKENS):
        if DELAY:
            time.sleep(DELAY)
        yield f"w{{i}} " if i < TOKENS - 1 else f"end{{n}}"

for message in st.session_state.history:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

if prompt := st.chat_input("Say something"):
    st.session_state.history.append({{"role": "user", "content": prompt}})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(reply(len(st.session_state.history)))
    st.session_state.history.append({{"role": "assistant", "content": answer}})
"""

TEXTAREA = {"appcore": '[data-testid="ac-chat_input"] textarea', "streamlit": '[data-testid="stChatInput"] textarea'}

# Arms a listener for the Enter that sends the message and an observer for the last
# token; window.__chatResult gets the milliseconds between them.
ARM_JS = """
(text) => {
  window.__chatResult = undefined;
  let t0 = null;
  const onKey = (event) => { if (event.key === "Enter" && t0 === null) t0 = performance.now(); };
  document.addEventListener("keydown", onKey, true);
  const done = () => {
    observer.disconnect();
    document.removeEventListener("keydown", onKey, true);
    requestAnimationFrame(() => { window.__chatResult = performance.now() - t0; });
  };
  const observer = new MutationObserver(() => {
    if (t0 !== null && document.body.textContent.includes(text)) done();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}
"""


def send_and_time(page, kind: str, n: int, timeout_ms: int) -> float:
    box = page.locator(TEXTAREA[kind])
    box.click()
    box.fill(f"message {n}")
    # history: n-1 earlier exchanges of two messages, then this user message: reply n*2-1
    page.evaluate(ARM_JS, f"end{2 * n - 1}")
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("window.__chatResult !== undefined", timeout=timeout_ms)
        c.wait_idle(page, kind, timeout_ms)
    except Exception as error:
        raise RuntimeError(f"{kind}: the reply to message {n} did not finish: {error}\n{c.describe_page(page)}") \
            from None
    return float(page.evaluate("window.__chatResult"))


def measure(browser, kind: str, workdir: Path, runs: int, tokens: int, delay_ms: float) -> list[float]:
    body = CHAT_APP.format(tokens=tokens, delay=delay_ms / 1000)
    with c.served(kind, body, workdir / "chat") as server:
        page = c.open_app(browser, kind, server, "", timeout_ms=120_000)
        page.wait_for_selector(TEXTAREA[kind], timeout=60_000)
        samples = []
        for n in range(1, runs + 2):
            ms = send_and_time(page, kind, n, timeout_ms=300_000)
            print(f"  {kind} message {n}: {ms:.0f} ms{'  (warm-up)' if n == 1 else ''}", flush=True)
            if n > 1:
                samples.append(ms)
        page.context.close()
        return samples


def main() -> None:
    args, kinds = c.bench_args(__doc__, runs=(5, "measured replies per framework"),
                               tokens=(2000, "tokens in each reply"),
                               delay_ms=(0.0, "sleep between tokens in the generator"))
    results: dict[str, list[float]] = {}
    with c.measuring("chat") as (workdir, browser):
        for kind in kinds:
            results[kind] = measure(browser, kind, workdir, args.runs, args.tokens, args.delay_ms)
    rows = [[kind, c.fmt_ms(c.median(results[kind])), c.fmt_ms(c.p90(results[kind])), len(results[kind])]
            for kind in kinds]
    print(f"\nA chat reply of {args.tokens} tokens streamed with st.write_stream "
          f"(generator delay {args.delay_ms:g} ms), from Enter to the last token drawn:")
    print(c.table(["framework", "median", "p90", "runs"], rows))
    if len(kinds) == 2:
        r = c.ratio(c.median(results["appcore"]), c.median(results["streamlit"]))
        print(f"\nratio appcore/streamlit: {r:.2f}  (target <= 0.50: {c.verdict(r, 0.5)})")


if __name__ == "__main__":
    main()
