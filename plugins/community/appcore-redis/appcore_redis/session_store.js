// appcore-redis: says which of the session's values another process would not get
// (unpicklable ones). Not drawn: the runtime hands this module the "session_store" messages.
import { css } from "appcore";

css(`
.ac-session-store { position: fixed; left: 1rem; bottom: 1rem; z-index: 50; max-width: min(32rem, 90vw);
  padding: .6rem 2.2rem .6rem .8rem; border-radius: var(--ac-radius, .5rem); font: .85rem/1.4 var(--ac-font, sans-serif);
  color: var(--ac-warning, #926c05); background: var(--ac-warning-bg, #fffce7); border: 1px solid var(--ac-border, #ddd); }
.ac-session-store ul { margin: .3rem 0 0; padding-left: 1.1rem; }
.ac-session-store code { font-family: var(--ac-mono, monospace); }
.ac-session-store button { position: absolute; top: .3rem; right: .4rem; border: 0; background: none;
  color: inherit; font-size: 1rem; cursor: pointer; }
`);

export function onMessage(message) {
  let box = document.querySelector('[data-testid="ac-session_store"]');
  if (!message.lost?.length) {
    box?.remove();
    return;
  }
  if (!box) {
    box = document.createElement("aside");
    box.className = "ac-session-store";
    box.dataset.testid = "ac-session_store";
    box.setAttribute("role", "status");
    document.body.append(box);
  }
  box.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = "If this server restarts, this tab resumes without:";
  const list = document.createElement("ul");
  for (const { key, reason } of message.lost) {
    const item = document.createElement("li");
    const name = document.createElement("code");
    name.textContent = key;
    item.append(name, `: ${reason}`);
    list.append(item);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Dismiss");
  close.onclick = () => box.remove();
  box.append(title, list, close);
}
