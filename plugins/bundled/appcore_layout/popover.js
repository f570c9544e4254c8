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
.ac-popover-icon, .ac-popover-chevron { display: inline-flex; }
/* Fixed, placed under its button by the script: no scrolling box around it (the sidebar) can clip it. */
.ac-popover-body { position: fixed; z-index: 100; box-sizing: border-box;
  min-width: min(20rem, calc(100vw - 1rem)); width: max-content; max-width: min(40rem, calc(100vw - 1rem));
  max-height: calc(100vh - 1rem); overflow-y: auto;
  display: flex; flex-direction: column; gap: 1rem; padding: calc(1.5rem - 1px); background: var(--ac-bg); color: var(--ac-text);
  border: 1px solid var(--ac-border); border-radius: 0.75rem; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16); }
.ac-popover-body[hidden] { display: none; }
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
  // Under the button, as wide as it at least; moved left or above when the window has no room.
  useLayoutEffect(() => {
    if (!open) return undefined;
    const place = () => {
      const panel = body.current;
      const anchor = button.current.getBoundingClientRect();
      panel.style.minWidth = `max(${anchor.width}px, min(20rem, calc(100vw - 1rem)))`;
      const { width, height } = panel.getBoundingClientRect();
      const room = document.documentElement.clientWidth - 8;
      const left = anchor.left + width > room ? Math.max(8, anchor.right - width) : anchor.left;
      const below = anchor.bottom + 4;
      const top = below + height > window.innerHeight - 8 && anchor.top - 4 - height >= 8 ? anchor.top - 4 - height : below;
      panel.style.left = `${left}px`;
      panel.style.top = `${top}px`;
    };
    place();
    const follow = new ResizeObserver(place);
    follow.observe(body.current);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      follow.disconnect();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open]);
  const wide = p.width === "stretch";
  const style = wide ? { display: "block", width: "100%" } : widthStyle(p.width);
  return html`<div class="ac-popover" style=${style}>
    <button type="button" ref=${button} class=${`ac-btn ac-btn-${p.type || "secondary"} ac-popover-button${p.wrap === false ? " ac-popover-nowrap" : ""}`}
      disabled=${!!p.disabled} title=${p.help || undefined} aria-haspopup="dialog" aria-expanded=${String(open)} aria-controls=${bodyId}
      onClick=${() => change(!open)}>
      ${p.icon ? html`<span class="ac-popover-icon" aria-hidden="true"><${Icon} icon=${p.icon} /></span>` : null}
      <span><${LabelText} props=${p} /></span>
      <span class="ac-popover-chevron" aria-hidden="true"><${Icon} icon=${open ? ":material/expand_less:" : ":material/expand_more:"} /></span>
    </button>
    <div class="ac-popover-body" id=${bodyId} ref=${body} role="dialog" aria-label=${p.label} hidden=${!open} />
  </div>`;
}
