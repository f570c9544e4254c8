// st.popover: a button that opens a floating panel below it. A click outside the panel
// or Esc closes it; widgets inside keep it open while they rerun the app (the server
// does not redraw the popover itself). A stateful popover (on_change) reports open/closed.
import { html, css, Icon, LabelText, useEffect, useId, useLayoutEffect, useRef, useState, widthStyle } from "appcore";

css(`
.ac-popover { position: relative; display: inline-block; max-width: 100%; vertical-align: top; }
.ac-popover-button { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; width: 100%; }
.ac-popover-button .ac-label-md p { margin: 0; }
.ac-popover-button.ac-popover-nowrap { white-space: nowrap; }
.ac-popover-button.ac-btn-secondary[aria-expanded="true"], .ac-popover-button.ac-btn-tertiary[aria-expanded="true"] { background: var(--ac-bg2); }
.ac-popover-chevron .ac-icon-material { font-size: 1rem; }
.ac-popover-body { position: absolute; z-index: 100; top: calc(100% + 0.25rem); left: 0; box-sizing: border-box;
  min-width: max(100%, 20rem); width: max-content; max-width: min(40rem, calc(100vw - 2rem));
  display: flex; flex-direction: column; gap: 1rem; padding: calc(1.5rem - 1px); background: var(--ac-bg); color: var(--ac-text);
  border: 1px solid var(--ac-border); border-radius: 0.75rem; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16); }
.ac-popover-body[hidden] { display: none; }
.ac-popover-body.ac-popover-right { left: auto; right: 0; }
.ac-popover-body > .ac-el { margin-bottom: 0; }
[data-theme="dark"] .ac-popover-body { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.5); }
`);

export const children = (root) => root.querySelector(".ac-popover-body");

export default function Popover({ props: p, ctx }) {
  const bodyId = useId("popover");
  const wanted = ctx.widgetId ? !!p.value : false;
  const [open, setOpen] = useState(wanted);
  const button = useRef(null);
  const body = useRef(null);
  useLayoutEffect(() => setOpen(wanted), [wanted]);
  const change = (next) => {
    setOpen(next);
    if (ctx.widgetId && next !== open) ctx.setValue(next);
  };
  // Close on a press outside (the button toggles by itself) and on Esc, giving focus back to the button.
  useEffect(() => {
    if (!open) return undefined;
    const outside = (event) => { if (!ctx.root.contains(event.target)) change(false); };
    const escape = (event) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      change(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  // A panel that would leave the window on the right opens leftwards from the button's right edge.
  useLayoutEffect(() => {
    const panel = body.current;
    panel.classList.remove("ac-popover-right");
    if (open && panel.getBoundingClientRect().right > document.documentElement.clientWidth) panel.classList.add("ac-popover-right");
  }, [open]);
  const wide = p.width === "stretch";
  const style = wide ? { display: "block", width: "100%" } : widthStyle(p.width);
  return html`<div class="ac-popover" style=${style}>
    <button type="button" ref=${button} class=${`ac-btn ac-btn-${p.type || "secondary"} ac-popover-button${p.wrap === false ? " ac-popover-nowrap" : ""}`}
      disabled=${!!p.disabled} title=${p.help || undefined} aria-haspopup="dialog" aria-expanded=${String(open)} aria-controls=${bodyId}
      onClick=${() => change(!open)}>
      <${Icon} icon=${p.icon} /><span><${LabelText} props=${p} /></span>
      <span class="ac-popover-chevron"><${Icon} icon=${open ? ":material/expand_less:" : ":material/expand_more:"} /></span>
    </button>
    <div class="ac-popover-body" id=${bodyId} ref=${body} role="dialog" aria-label=${p.label} hidden=${!open} />
  </div>`;
}
