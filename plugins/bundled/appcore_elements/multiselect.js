// st.multiselect: the chosen options as chips (each with a remove button) and a
// button that opens a panel of checkboxes, one per option, with a filter field.
// A checkbox list, unlike a closed <select>, never picks an option on an arrow
// key, so it is safe to drive by keyboard. Sends the list of chosen indices
// (with accept_new_options, new items as text) on each change.
import { h, css, nextId, widgetLabel } from "appcore";
import { swap, applyWidth } from "./_inputs.js";

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

export function mount(root, props, ctx) {
  const id = nextId("multiselect");
  const panelId = `${id}-panel`;
  const chips = h("ul", { class: "ac-chips", "aria-label": "Selected options" });
  const opener = h("button", { type: "button", id, class: "ac-multi-open", "aria-expanded": "false", "aria-controls": panelId });
  const clear = h("button", { type: "button", class: "ac-multi-clear", "aria-label": "Clear all" }, "×");
  const box = h("div", { class: "ac-multi" }, chips, opener, clear);
  const filter = h("input", { type: "text", class: "ac-input", "aria-label": "Filter options", autocomplete: "off" });
  const note = h("div", { class: "ac-multi-note", "aria-live": "polite" });
  const all = h("button", { type: "button", class: "ac-multi-all" }, "Select all");
  const listEl = h("ul", { class: "ac-multi-list" });
  const panel = h("div", { class: "ac-multi-panel", id: panelId, role: "group", hidden: true }, filter, note, all, listEl);
  const wrap = h("div", { class: "ac-multi-wrap" }, box, panel);
  let p = props;
  const chosen = () => (Array.isArray(p.value) ? p.value : []);
  const labelOf = (v) => (typeof v === "number" ? (p.options[v] ?? "") : String(v));
  const full = () => !!p.max_selections && chosen().length >= p.max_selections;
  const send = (value) => ctx.setValue(value);
  const selectable = () => p.options.map((text, i) => [text, i])
    .filter(([text, i]) => !chosen().includes(i) && matches(p.filter_mode, text, filter.value));

  const open = () => {
    panel.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    renderList();
    (p.filter_mode !== null || p.accept_new_options ? filter : listEl.querySelector("input:not(:disabled)") || all).focus();
  };
  const close = (refocus) => {
    if (panel.hidden) return;
    panel.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    filter.value = "";
    if (refocus) opener.focus();
  };
  opener.addEventListener("click", () => (panel.hidden ? open() : close(true)));
  clear.addEventListener("click", () => { send([]); opener.focus(); });
  wrap.addEventListener("keydown", (event) => { if (event.key === "Escape" && !panel.hidden) { event.stopPropagation(); close(true); } });
  const outside = (event) => { if (!wrap.contains(event.target)) close(false); };
  document.addEventListener("pointerdown", outside);
  wrap.addEventListener("focusout", (event) => { if (event.relatedTarget && !wrap.contains(event.relatedTarget)) close(false); });

  filter.addEventListener("input", () => renderList());
  filter.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const text = filter.value.trim();
    if (!text || full()) return;
    const lower = text.toLowerCase();
    // Streamlit matches options case-insensitively and never adds one twice.
    if (chosen().some((v) => labelOf(v).toLowerCase() === lower)) { filter.value = ""; renderList(); return; }
    const index = p.options.findIndex((o) => o.toLowerCase() === lower);
    if (index >= 0) send([...chosen(), index]);
    else if (p.accept_new_options) send([...chosen(), text]);
    else {
      const first = selectable()[0];
      if (first) send([...chosen(), first[1]]);
    }
    filter.value = "";
  });
  all.addEventListener("click", () => {
    const room = p.max_selections ? p.max_selections - chosen().length : Infinity;
    send([...chosen(), ...selectable().map(([, i]) => i).slice(0, room)]);
  });

  function renderList() {
    const current = chosen();
    const focused = listEl.contains(document.activeElement) ? document.activeElement.dataset.index : null;
    const shown = p.options.map((text, i) => [text, i]).filter(([text]) => matches(p.filter_mode, text, filter.value));
    listEl.replaceChildren(...shown.map(([text, i]) => {
      const box_ = h("input", { type: "checkbox", "data-index": String(i) });
      box_.checked = current.includes(i);
      box_.disabled = !!p.disabled || (!box_.checked && full());
      box_.addEventListener("change", () => {
        const now = chosen();
        send(box_.checked ? [...now, i] : now.filter((v) => v !== i));
      });
      return h("li", {}, h("label", {}, box_, h("span", {}, text)));
    }));
    if (focused !== null) listEl.querySelector(`input[data-index="${focused}"]`)?.focus();
    const n = p.max_selections;
    note.textContent = full() ? `You can only select up to ${n} ${n === 1 ? "option" : "options"}. Remove an option first.`
      : !shown.length ? (p.accept_new_options && filter.value ? "Press Enter to add it" : "No results") : "";
    const count = selectable().length;
    all.hidden = !(count >= 2 && !full() && (p.select_all === -1 || count <= p.select_all));
    all.textContent = filter.value ? `Select ${count} matches` : "Select all";
    filter.hidden = p.filter_mode === null && !p.accept_new_options;
    filter.placeholder = p.accept_new_options ? "Type to filter or add" : "Type to filter";
  }

  let label = widgetLabel(props, id);
  const update = (next) => {
    p = next;
    label = swap(label, widgetLabel(p, id));
    const current = chosen();
    const disabled = !!p.disabled;
    box.classList.toggle("ac-multi-disabled", disabled);
    box.classList.toggle("ac-multi-nowrap", p.wrap === false);
    const hadFocus = chips.contains(document.activeElement);
    chips.replaceChildren(...current.map((v, i) => {
      const text = labelOf(v);
      const remove = h("button", { type: "button", "aria-label": `Remove ${text}`, disabled }, "×");
      remove.addEventListener("click", () => { send(current.filter((_, j) => j !== i)); opener.focus(); });
      return h("li", { class: "ac-chip" }, h("span", { title: text }, text), remove);
    }));
    if (hadFocus) opener.focus();
    clear.hidden = !current.length || disabled;
    const empty = !p.options.length && !p.accept_new_options;
    opener.textContent = p.placeholder ?? (p.options.length
      ? (p.accept_new_options ? "Choose or add options" : "Choose options")
      : (p.accept_new_options ? "Add options" : "No options to select"));
    opener.disabled = disabled || empty;
    if (p.label_visibility !== "visible") opener.setAttribute("aria-label", p.label ?? "");
    else opener.removeAttribute("aria-label");
    if (opener.disabled) close(false);
    if (!panel.hidden) renderList();
    applyWidth(root, p.width);
  };
  root.append(label, wrap);
  update(props);
  return {
    update,
    focus: () => opener.focus(),
    destroy() { document.removeEventListener("pointerdown", outside); },
  };
}
