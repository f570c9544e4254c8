// st.pills and st.segmented_control: a group of toggle buttons (aria-pressed). Single mode
// sends the clicked index, or null when the chosen one is clicked again (unless required);
// multi mode sends the chosen indices in the order they were picked.
import { html, css, Field, useId, useLayoutEffect, useState } from "appcore";
import { Icon } from "./_shared.js";

css(`
.ac-bgroup { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.ac-bgroup-nowrap { flex-wrap: nowrap; overflow-x: auto; }
.ac-bgroup-option { display: inline-flex; align-items: center; gap: 0.35rem; font: inherit; font-size: 0.875rem; line-height: 1.6; color: var(--ac-text); background: var(--ac-bg); border: 1px solid var(--ac-border); cursor: pointer; white-space: nowrap; }
.ac-bgroup-option:hover:not(:disabled) { border-color: var(--ac-primary); color: var(--ac-primary); }
.ac-bgroup-option:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; z-index: 1; }
.ac-bgroup-option[aria-pressed="true"] { border-color: var(--ac-primary); color: var(--ac-primary); background: color-mix(in srgb, var(--ac-primary) 10%, var(--ac-bg)); }
.ac-bgroup-option:disabled { opacity: 0.55; cursor: not-allowed; }
.ac-pills .ac-bgroup-option { border-radius: 999px; padding: 0.1rem 0.75rem; }
.ac-segmented { gap: 0; flex-wrap: nowrap; }
.ac-segmented .ac-bgroup-option { padding: 0.3rem 0.9rem; border-radius: 0; margin-left: -1px; position: relative; }
.ac-segmented .ac-bgroup-option:first-child { border-radius: var(--ac-radius) 0 0 var(--ac-radius); margin-left: 0; }
.ac-segmented .ac-bgroup-option:last-child { border-radius: 0 var(--ac-radius) var(--ac-radius) 0; }
.ac-segmented .ac-bgroup-option[aria-pressed="true"], .ac-segmented .ac-bgroup-option:hover { z-index: 1; }
.ac-bgroup-stretch { display: flex; } .ac-bgroup-stretch .ac-bgroup-option { flex: 1; justify-content: center; }
`);

export function buttonGroup(style) {
  return function ButtonGroup({ props: p, ctx }) {
    const id = useId(style);
    const multi = p.selection_mode === "multi";
    // What the person chose shows at once; the server's value wins whenever it sends one.
    const [value, setLocal] = useState(p.value);
    useLayoutEffect(() => setLocal(p.value), [p]);
    const chosen = multi ? (Array.isArray(value) ? value : []) : (value === null || value === undefined ? [] : [value]);
    const choose = (next) => { setLocal(next); ctx.setValue(next); };
    const click = (i) => {
      if (multi) choose(chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i]);
      else if (chosen.includes(i)) { if (p.deselectable !== false) choose(null); }
      else choose(i);
    };
    const classes = [style === "pills" ? "ac-bgroup ac-pills" : "ac-bgroup ac-segmented",
      p.wrap === false ? "ac-bgroup-nowrap" : "", p.width === "stretch" ? "ac-bgroup-stretch" : ""].join(" ");
    return html`<${Field} props=${p} id=${id} kind="group">${() => html`
      <div class=${classes} role="group">
        ${p.options.map((text, i) => html`<button type="button" class="ac-bgroup-option" aria-pressed=${chosen.includes(i) ? "true" : "false"}
            disabled=${!!p.disabled} onClick=${() => click(i)}>
          <${Icon} icon=${p.icons?.[i]} /><${OptionText} text=${text} html=${p.options_html?.[i]} />
        </button>`)}
      </div>`}<//>`;
  };
}

// An option's label: the server's HTML when it rendered Markdown, else the text (st.menu_button's options too).
export function OptionText({ text, html: markup }) {
  return html`<span dangerouslySetInnerHTML=${{ __html: markup ?? escapeHtml(text) }} />`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
