// A modal on the native <dialog>: showModal() traps focus and gives Esc for free;
// the element restores focus on close. Dismissal is reported to the server.
import { css, h, nextId } from "appcore";

css(`
.ac-dialog { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 0; background: var(--ac-bg); color: var(--ac-text); box-shadow: 0 10px 40px rgba(0,0,0,.3); width: min(500px, 94vw); max-height: 90vh; }
.ac-dialog[data-width="medium"] { width: min(750px, 94vw); }
.ac-dialog[data-width="large"] { width: min(1280px, 94vw); }
.ac-dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
[data-theme="dark"] .ac-dialog { background: var(--ac-surface); --ac-bg2: var(--ac-bg); }
[data-theme="dark"] .ac-dialog::backdrop { background: rgba(0, 0, 0, 0.7); }
.ac-dialog-body > .ac-el:last-child { margin-bottom: 0; }
.ac-dialog-head { display: flex; align-items: center; justify-content: space-between; padding: 1rem 1.5rem 0; }
.ac-dialog-head h2 { margin: 0; font-size: 1.5rem; }
.ac-dialog-close { border: none; background: none; font-size: 1.5rem; line-height: 1; cursor: pointer; color: var(--ac-muted); padding: 0.25rem 0.5rem; border-radius: var(--ac-radius); }
.ac-dialog-close:hover, .ac-dialog-close:focus-visible { color: var(--ac-text); background: var(--ac-bg2); }
.ac-dialog-body { padding: 1rem 1.5rem 1.5rem; }
`);

export function mount(root, props, ctx) {
  const titleId = nextId("dialog-title");
  const title = h("h2", { id: titleId });
  const close = h("button", { type: "button", class: "ac-dialog-close", "aria-label": "Close" }, "×");
  const body = h("div", { class: "ac-dialog-body" });
  const modal = h("dialog", { class: "ac-dialog", "aria-labelledby": titleId, "aria-modal": "true" },
    h("div", { class: "ac-dialog-head" }, title, close), body);
  let current = props;
  let dismissed = false;  // guards against Esc and a click both dismissing
  const opener = document.activeElement;

  const dismiss = () => {
    if (!current.dismissible || dismissed) return;
    dismissed = true;
    modal.close();
    ctx.send({ t: "dialog_dismissed", id: current.id });
    ctx.remove();
  };
  close.addEventListener("click", dismiss);
  // Esc: the browser fires "cancel"; we decide whether it may close.
  modal.addEventListener("cancel", (event) => { event.preventDefault(); dismiss(); });
  // A click on the backdrop lands on the <dialog> itself, outside its content box.
  modal.addEventListener("click", (event) => {
    if (event.target !== modal) return;
    const box = modal.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dismiss();
  });

  const update = (p) => {
    current = p;
    title.textContent = p.title;
    modal.dataset.width = p.width;
    close.hidden = !p.dismissible;
    if (!modal.open) modal.showModal();
  };
  root.append(modal);
  update(props);
  return {
    update,
    children: body,
    destroy() {
      if (modal.open) modal.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
  };
}
