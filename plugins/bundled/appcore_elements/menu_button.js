// st.menu_button: a button that opens a list of options under it (role="menu"). Choosing one
// sends its index (a trigger: the app reruns once with it); Esc, a press outside or the
// button again close the list and send nothing. Arrow keys, Home and End move among the options.
import { html, css, Icon, LabelText, tooltip, useAnchoredPanel, useId, useLayoutEffect, useRef, useState,
  widthStyle } from "appcore";
import { OptionText } from "./_button_group.js";

css(`
.ac-menu-button { position: relative; display: inline-block; max-width: 100%; vertical-align: top; }
.ac-menu-trigger { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; width: 100%; }
.ac-menu-trigger .ac-label-md p { margin: 0; }
.ac-menu-trigger.ac-menu-nowrap { white-space: nowrap; }
.ac-menu-trigger.ac-menu-nowrap > .ac-menu-label { overflow: hidden; text-overflow: ellipsis; }
.ac-menu-trigger.ac-btn-secondary[aria-expanded="true"], .ac-menu-trigger.ac-btn-tertiary[aria-expanded="true"] { background: var(--ac-bg2); }
.ac-menu-icon, .ac-menu-chevron { display: inline-flex; flex-shrink: 0; }
.ac-menu-chevron .ac-icon-material { font-size: 1rem; }
.ac-menu-list { position: fixed; z-index: 100; box-sizing: border-box; display: flex; flex-direction: column;
  width: max-content; max-width: min(30rem, calc(100vw - 1rem)); max-height: min(22rem, calc(100vh - 1rem)); overflow-y: auto;
  padding: 0.25rem; background: var(--ac-bg); color: var(--ac-text); border: 1px solid var(--ac-border);
  border-radius: var(--ac-radius); box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16); }
.ac-menu-list[hidden] { display: none; }
[data-theme="dark"] .ac-menu-list { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.5); }
.ac-menu-item { display: flex; align-items: center; gap: 0.35rem; text-align: left; font: inherit; font-size: 0.925rem;
  color: inherit; background: none; border: 0; border-radius: calc(var(--ac-radius) * 0.75); padding: 0.4rem 0.75rem; cursor: pointer; }
.ac-menu-item:hover, .ac-menu-item:focus-visible { background: var(--ac-bg2); outline: none; }
.ac-menu-item .ac-label-md p { margin: 0; }
`);

export default function MenuButton({ props: p, ctx }) {
  const menuId = useId("menu");
  const [open, setOpen] = useState(false);
  const button = useRef(null);
  const list = useRef(null);
  useAnchoredPanel(open, () => setOpen(false), button, list, ctx.root);
  // Opened from the keyboard or the mouse, the first option takes the focus.
  useLayoutEffect(() => { if (open) list.current.querySelector("[role=menuitem]")?.focus(); }, [open]);
  const choose = (i) => {
    setOpen(false);
    button.current?.focus();
    ctx.setValue(i);
  };
  const move = (event) => {
    const items = [...list.current.querySelectorAll("[role=menuitem]")];
    const at = items.indexOf(document.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === "Tab") setOpen(false);
    if (to === undefined) return;
    event.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  };
  const style = p.width === "stretch" ? { display: "block", width: "100%" } : widthStyle(p.width);
  return html`<div class="ac-menu-button" style=${style}>
    <button type="button" ref=${button} class=${`ac-btn ac-btn-${p.type || "secondary"} ac-menu-trigger${p.wrap === false ? " ac-menu-nowrap" : ""}`}
      disabled=${!!p.disabled} aria-haspopup="menu" aria-expanded=${String(open)} aria-controls=${menuId}
      ...${tooltip(p.help, p.help_html)} onClick=${() => setOpen(!open)}>
      ${p.icon ? html`<span class="ac-menu-icon" aria-hidden="true"><${Icon} icon=${p.icon} /></span>` : null}
      <span class="ac-menu-label"><${LabelText} props=${p} /></span>
      <span class="ac-menu-chevron" aria-hidden="true"><${Icon} icon=${open ? ":material/expand_less:" : ":material/expand_more:"} /></span>
    </button>
    <div class="ac-menu-list" role="menu" id=${menuId} ref=${list} hidden=${!open} aria-label=${p.label} onKeyDown=${move}>
      ${p.options.map((text, i) => html`<button type="button" role="menuitem" class="ac-menu-item" tabindex="-1"
        onClick=${() => choose(i)}><${OptionText} text=${text} html=${p.options_html?.[i]} /></button>`)}
    </div>
  </div>`;
}
