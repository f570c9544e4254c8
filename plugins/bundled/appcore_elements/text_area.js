// st.text_area: sends its text when it loses focus or on Ctrl/Cmd+Enter, as Streamlit does.
import { h, css, nextId, widgetLabel } from "appcore";
import { nameControl, swap, applyWidth } from "./_inputs.js";

css(`
.ac-textarea { display: block; resize: vertical; min-height: 4.8rem; line-height: 1.5; }
.ac-textarea-box { position: relative; }
/* Inside the box, so the hint appearing or going never moves what is below (a click would miss). */
.ac-textarea-foot { position: absolute; right: 0.75rem; bottom: 0.35rem; display: flex; gap: 1rem; font-size: 0.75rem; color: var(--ac-muted); pointer-events: none; }
.ac-textarea-foot:empty { display: none; }
`);

export function mount(root, props, ctx) {
  const id = nextId("text-area");
  const area = h("textarea", { id, class: "ac-input ac-textarea" });
  const hint = h("span", { class: "ac-textarea-hint", "aria-live": "polite" });
  const count = h("span", { class: "ac-textarea-count" });
  const foot = h("div", { class: "ac-textarea-foot" });
  let current = props;
  let sent = props.value ?? null;
  const dirty = () => area.value !== (sent ?? "");
  const refreshFoot = () => {
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    hint.textContent = document.activeElement === area && dirty() ? `Press ${mac ? "⌘" : "Ctrl"}+Enter to apply` : "";
    count.textContent = current.max_chars ? `${area.value.length}/${current.max_chars}` : "";
    foot.replaceChildren(...[hint, count].filter((el) => el.textContent));
  };
  const commit = () => {
    if (dirty()) {
      sent = area.value;
      ctx.setValue(area.value);
    }
    refreshFoot();
  };
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
      ctx.closest("form")?.instance.submitOnEnter?.();  // the form decides (enter_to_submit)
    }
  });
  area.addEventListener("input", refreshFoot);
  area.addEventListener("focus", refreshFoot);
  area.addEventListener("blur", commit);
  let label = widgetLabel(props, id);
  const update = (p) => {
    current = p;
    label = swap(label, widgetLabel(p, id));
    label.classList.toggle("ac-required", !!p.required);
    nameControl(area, p);
    area.placeholder = p.placeholder ?? "";
    area.disabled = !!p.disabled;
    area.required = !!p.required;
    if (p.max_chars) area.maxLength = p.max_chars; else area.removeAttribute("maxlength");
    area.style.height = typeof p.height === "number" ? `${p.height}px` : "";
    area.style.flex = p.height === "stretch" ? "1" : "";
    if (p.height === "content") area.rows = Math.max(2, (p.value ?? "").split("\n").length);
    const value = p.value ?? null;
    // The server's value wins unless the person is typing something newer.
    if (document.activeElement !== area || !dirty()) area.value = value ?? "";
    sent = value;
    applyWidth(root, p.width);
    refreshFoot();
  };
  root.append(label, h("div", { class: "ac-textarea-box" }, area, foot));
  update(props);
  return { update, focus: () => area.focus() };
}
