// st.text_area: sends its text when it loses focus or on Ctrl/Cmd+Enter, as Streamlit does.
import { html, css, Field, useId, useLayoutEffect, useRef, useState } from "appcore";

css(`
.ac-textarea { display: block; resize: vertical; min-height: 4.8rem; line-height: 1.5; }
.ac-textarea-box { position: relative; }
/* Inside the box, so the hint appearing or going never moves what is below (a click would miss). */
.ac-textarea-foot { position: absolute; right: 0.75rem; bottom: 0.35rem; display: flex; gap: 1rem; font-size: 0.75rem; color: var(--ac-muted); pointer-events: none; }
.ac-textarea-foot:empty { display: none; }
`);

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export default function TextArea({ props: p, ctx }) {
  const id = useId("text-area");
  const area = useRef(null);
  const sent = useRef(p.value ?? null);
  const [foot, setFoot] = useState({ dirty: false, length: (p.value ?? "").length });
  const dirty = (el) => el.value !== (sent.current ?? "");
  const refreshFoot = (el) => setFoot({ dirty: document.activeElement === el && dirty(el), length: el.value.length });
  // The server's value wins unless the person is typing something newer.
  useLayoutEffect(() => {
    const value = p.value ?? null;
    if (document.activeElement !== area.current || !dirty(area.current)) area.current.value = value ?? "";
    sent.current = value;
    refreshFoot(area.current);
  }, [p]);
  // From the event's own field: a blur can come as the field leaves the page.
  const commit = (event) => {
    const el = event.currentTarget;
    if (dirty(el)) {
      sent.current = el.value;
      ctx.setValue(el.value);
    }
    refreshFoot(el);
  };
  const refresh = (event) => refreshFoot(event.currentTarget);
  const keydown = (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    commit(event);
    ctx.dispatch("submit");  // an enclosing form decides (enter_to_submit)
  };
  const style = {
    height: typeof p.height === "number" ? `${p.height}px` : undefined,
    flex: p.height === "stretch" ? "1" : undefined,
  };
  return html`<${Field} props=${p} id=${id}>${(control) => html`<div class="ac-textarea-box">
    <textarea ...${control} ref=${area} class="ac-input ac-textarea" style=${style} placeholder=${p.placeholder ?? ""}
      disabled=${!!p.disabled} required=${!!p.required} maxlength=${p.max_chars || undefined}
      rows=${p.height === "content" ? Math.max(2, (p.value ?? "").split("\n").length) : undefined}
      onKeyDown=${keydown} onInput=${refresh} onFocus=${refresh} onBlur=${commit} />
    <div class="ac-textarea-foot">
      ${foot.dirty ? html`<span class="ac-textarea-hint" aria-live="polite">Press ${MAC ? "⌘" : "Ctrl"}+Enter to apply</span>` : null}
      ${p.max_chars ? html`<span class="ac-textarea-count">${foot.length}/${p.max_chars}</span>` : null}
    </div>
  </div>`}<//>`;
}
