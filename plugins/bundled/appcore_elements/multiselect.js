// st.multiselect: the chosen options as chips (each with a remove button) and a
// button that opens a panel of checkboxes, one per option, with a filter field.
// A checkbox list, unlike a closed <select>, never picks an option on an arrow
// key, so it is safe to drive by keyboard. Sends the list of chosen indices
// (with accept_new_options, new items as text) on each change.
import { html, css, Field, useId, useEffect, useLayoutEffect, useRef, useState } from "appcore";

css(`
.ac-multi-wrap { position: relative; }
.ac-multi { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem; background: var(--ac-bg2); border: 1px solid transparent; border-radius: var(--ac-radius); padding: 0.25rem 0.4rem; min-height: 2.5rem; }
.ac-multi:focus-within { border-color: var(--ac-primary); }
.ac-multi-nowrap { flex-wrap: nowrap; overflow-x: auto; }
.ac-chips { display: contents; list-style: none; margin: 0; padding: 0; }
.ac-chip { display: inline-flex; align-items: center; gap: 0.2rem; background: var(--ac-primary); color: #fff; border-radius: 0.3rem; padding: 0.05rem 0.2rem 0.05rem 0.5rem; font-size: 0.9rem; max-width: 100%; }
.ac-chip span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-chip button { font: inherit; border: 0; background: none; color: inherit; cursor: pointer; padding: 0 0.25rem; border-radius: 0.2rem; line-height: 1.2; }
.ac-chip button:hover { background: rgba(0,0,0,.15); }
.ac-chip button:focus-visible { outline: 2px solid #fff; outline-offset: -2px; }
.ac-chip button:disabled { cursor: not-allowed; }
.ac-multi-disabled .ac-chip { opacity: 0.6; }
.ac-multi-open { flex: 1 1 8rem; font: inherit; text-align: left; border: 0; background: none; color: var(--ac-muted); cursor: pointer; padding: 0.2rem 0.35rem; min-width: 6rem; }
.ac-multi-open:focus-visible { outline: 2px solid var(--ac-primary); border-radius: var(--ac-radius); }
.ac-multi-open:disabled { cursor: not-allowed; }
.ac-multi-clear { font: inherit; border: 0; background: none; color: var(--ac-muted); cursor: pointer; padding: 0 0.4rem; font-size: 1.1rem; }
.ac-multi-clear:hover { color: var(--ac-text); }
.ac-multi-clear:focus-visible { outline: 2px solid var(--ac-primary); border-radius: var(--ac-radius); }
.ac-multi-panel { position: absolute; z-index: 50; left: 0; right: 0; margin-top: 0.25rem; background: var(--ac-bg); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); box-shadow: 0 4px 16px rgba(0,0,0,.12); padding: 0.4rem; max-height: 18rem; overflow-y: auto; }
.ac-multi-panel .ac-input { margin-bottom: 0.3rem; }
.ac-multi-list { list-style: none; margin: 0; padding: 0; }
.ac-multi-list label { display: flex; align-items: center; gap: 0.5rem; padding: 0.2rem 0.4rem; border-radius: 0.3rem; cursor: pointer; }
.ac-multi-list label:hover { background: var(--ac-bg2); }
.ac-multi-list input { accent-color: var(--ac-primary); width: 1rem; height: 1rem; margin: 0; }
.ac-multi-list input:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-multi-list label:has(input:disabled) { opacity: 0.5; cursor: not-allowed; }
.ac-multi-note { font-size: 0.85rem; color: var(--ac-muted); padding: 0.2rem 0.4rem; }
.ac-multi-note:empty { display: none; }
.ac-multi-all { font: inherit; font-size: 0.9rem; border: 0; background: none; color: var(--ac-primary); cursor: pointer; padding: 0.2rem 0.4rem; }
.ac-multi-all:focus-visible { outline: 2px solid var(--ac-primary); border-radius: 0.3rem; }
`);

function matches(mode, text, query) {
  if (!query) return true;
  const t = text.toLowerCase();
  const q = query.toLowerCase();
  if (mode === "prefix") return t.startsWith(q);
  if (mode === "contains") return t.includes(q);
  let at = 0;  // fuzzy: the query's letters in order
  for (const c of q) { at = t.indexOf(c, at); if (at < 0) return false; at += 1; }
  return true;
}

function placeholderOf(p) {
  if (p.placeholder !== null && p.placeholder !== undefined) return p.placeholder;
  if (p.options.length) return p.accept_new_options ? "Choose or add options" : "Choose options";
  return p.accept_new_options ? "Add options" : "No options to select";
}

// The open panel: a filter field, a note, "Select all" and one checkbox per matching option.
function Panel({ p, id, chosen, full, send, filter, setFilter }) {
  const shown = p.options.map((text, i) => [text, i]).filter(([text]) => matches(p.filter_mode, text, filter));
  const selectable = shown.filter(([, i]) => !chosen.includes(i));
  const count = selectable.length;
  const n = p.max_selections;
  const note = full ? `You can only select up to ${n} ${n === 1 ? "option" : "options"}. Remove an option first.`
    : !shown.length ? (p.accept_new_options && filter ? "Press Enter to add it" : "No results") : "";
  const enter = (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const text = filter.trim();
    if (!text || full) return;
    const lower = text.toLowerCase();
    const labelOf = (v) => (typeof v === "number" ? (p.options[v] ?? "") : String(v));
    // Streamlit matches options case-insensitively and never adds one twice.
    if (chosen.some((v) => labelOf(v).toLowerCase() === lower)) { setFilter(""); return; }
    const index = p.options.findIndex((o) => o.toLowerCase() === lower);
    if (index >= 0) send([...chosen, index]);
    else if (p.accept_new_options) send([...chosen, text]);
    else if (selectable[0]) send([...chosen, selectable[0][1]]);
    setFilter("");
  };
  const all = () => {
    const room = p.max_selections ? p.max_selections - chosen.length : Infinity;
    send([...chosen, ...selectable.map(([, i]) => i).slice(0, room)]);
  };
  return html`<div class="ac-multi-panel" id=${`${id}-panel`} role="group">
    <input type="text" class="ac-input" aria-label="Filter options" autocomplete="off" value=${filter}
      hidden=${p.filter_mode === null && !p.accept_new_options} placeholder=${p.accept_new_options ? "Type to filter or add" : "Type to filter"}
      onInput=${(event) => setFilter(event.currentTarget.value)} onKeyDown=${enter} />
    <div class="ac-multi-note" aria-live="polite">${note}</div>
    <button type="button" class="ac-multi-all" hidden=${!(count >= 2 && !full && (p.select_all === -1 || count <= p.select_all))}
      onClick=${all}>${filter ? `Select ${count} matches` : "Select all"}</button>
    <ul class="ac-multi-list">${shown.map(([text, i]) => {
      const checked = chosen.includes(i);
      return html`<li key=${i}><label>
        <input type="checkbox" data-index=${String(i)} checked=${checked} disabled=${!!p.disabled || (!checked && full)}
          onChange=${(event) => send(event.currentTarget.checked ? [...chosen, i] : chosen.filter((v) => v !== i))} />
        <span>${text}</span>
      </label></li>`;
    })}</ul>
  </div>`;
}

export default function Multiselect({ props: p, ctx }) {
  const id = useId("multiselect");
  const wrap = useRef(null);
  const opener = useRef(null);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  // What the person chose shows at once; the server's value wins whenever it sends one.
  const [value, setLocal] = useState(p.value);
  useLayoutEffect(() => setLocal(p.value), [p]);
  const chosen = Array.isArray(value) ? value : [];
  const full = !!p.max_selections && chosen.length >= p.max_selections;
  const disabled = !!p.disabled;
  const empty = !p.options.length && !p.accept_new_options;
  const send = (next) => { setLocal(next); ctx.setValue(next); };
  const close = (refocus) => {
    setOpen(false);
    setFilter("");
    if (refocus) opener.current.focus();
  };
  // Opening moves focus into the panel: to the filter field, else the first option.
  useLayoutEffect(() => {
    if (!open) return;
    const panel = wrap.current.querySelector(".ac-multi-panel");
    const filterField = panel.querySelector("input[type=text]:not([hidden])");
    (filterField || panel.querySelector(".ac-multi-list input:not(:disabled)") || panel.querySelector(".ac-multi-all"))?.focus();
  }, [open]);
  useEffect(() => {
    const outside = (event) => { if (!wrap.current.contains(event.target)) close(false); };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, []);
  const isOpen = open && !(disabled || empty);
  const keydown = (event) => { if (event.key === "Escape" && isOpen) { event.stopPropagation(); close(true); } };
  const focusout = (event) => { if (event.relatedTarget && !wrap.current.contains(event.relatedTarget)) close(false); };
  // A removed chip takes its button away: focus goes back to the opener.
  const remove = (i) => { send(chosen.filter((_, j) => j !== i)); opener.current.focus(); };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-multi-wrap" ref=${wrap}
      onKeyDown=${keydown} onfocusout=${focusout}>
    <div class=${`ac-multi${disabled ? " ac-multi-disabled" : ""}${p.wrap === false ? " ac-multi-nowrap" : ""}`}>
      <ul class="ac-chips" aria-label="Selected options">${chosen.map((v, i) => {
        const text = typeof v === "number" ? (p.options[v] ?? "") : String(v);
        return html`<li class="ac-chip"><span title=${text}>${text}</span>
          <button type="button" aria-label=${`Remove ${text}`} disabled=${disabled} onClick=${() => remove(i)}>×</button></li>`;
      })}</ul>
      <button type="button" ...${control} ref=${opener} class="ac-multi-open" aria-expanded=${String(isOpen)}
        aria-controls=${isOpen ? `${id}-panel` : undefined} disabled=${disabled || empty} onClick=${() => (isOpen ? close(true) : setOpen(true))}>
        ${chosen.length ? null : placeholderOf(p)}
      </button>
      <button type="button" class="ac-multi-clear" aria-label="Clear all" hidden=${!chosen.length || disabled}
        onClick=${() => { send([]); opener.current.focus(); }}>×</button>
    </div>
    ${isOpen ? html`<${Panel} p=${p} id=${id} chosen=${chosen} full=${full} send=${send} filter=${filter} setFilter=${setFilter} />` : null}
  </div>`}<//>`;
}
