// st.chat_input: a growing text field with a send button. Enter sends, Shift+Enter
// starts a new line; the field empties once sent. Pinned to the foot of the page
// when the server drew it on the bottom root (props.pinned), inline otherwise.
import { html, css, Icon, useId, useLayoutEffect, useEffect, useRef, useState, widthStyle } from "appcore";

css(`
.ac-chat-input { position: relative; display: flex; flex-direction: column; }
.ac-chat-input-box { display: flex; align-items: flex-end; gap: 0.5rem; padding: 0.75rem 0.75rem 0.75rem 1rem; box-sizing: border-box;
  background: var(--ac-bg2); border: 1px solid transparent; border-radius: 0.5rem; }
.ac-chat-input-box:focus-within { border-color: var(--ac-primary); }
.ac-chat-input-stretch, .ac-chat-input-stretch .ac-chat-input-box { height: 100%; }
.ac-chat-input textarea { flex: 1; min-width: 0; resize: none; border: none; outline: none; background: transparent; color: var(--ac-text);
  font: inherit; font-size: 0.875rem; line-height: 1.6; padding: 0.3rem 0; margin: 0; box-sizing: border-box; max-height: 15rem; overflow-y: auto; }
.ac-chat-input textarea::placeholder { color: var(--ac-muted); opacity: 1; }
.ac-chat-input textarea:disabled { cursor: not-allowed; }
.ac-chat-input-send { flex-shrink: 0; display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem;
  padding: 0; border: none; border-radius: 0.5rem; background: var(--ac-primary); color: #ffffff; cursor: pointer; }
.ac-chat-input-send:disabled { background: color-mix(in srgb, var(--ac-text) 15%, transparent); color: var(--ac-muted); cursor: not-allowed; }
.ac-chat-input-send:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-chat-input-send .ac-icon-material { font-size: 1.25rem; max-width: none; vertical-align: 0; }
.ac-chat-input-count { position: absolute; right: 3.5rem; bottom: -1.1rem; font-size: 0.75rem; color: var(--ac-muted); pointer-events: none; }
`);

// Streamlit's submit_mode: after a submit, "disable" greys the field until the run ends,
// "stop" turns the send button into a Stop button for that run.
function useBusyAfterSubmit(mode) {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!busy) return undefined;
    const done = () => setBusy(false);
    document.addEventListener("appcore:run-finished", done);
    return () => document.removeEventListener("appcore:run-finished", done);
  }, [busy]);
  return [mode !== "submit" && busy, setBusy];
}

export default function ChatInput({ props: p, ctx }) {
  const id = useId("chat-input");
  const area = useRef(null);
  const appliedSetValue = useRef(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useBusyAfterSubmit(p.submit_mode);
  const disabled = !!p.disabled || (busy && p.submit_mode === "disable") || (busy && p.submit_mode === "stop");

  // Grow with the text, up to the CSS max-height; then it scrolls.
  const fit = () => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  };
  useLayoutEffect(fit, [text]);

  // Text the script set through st.session_state[key]: put into the field once.
  useLayoutEffect(() => {
    if (p.set_value == null || p.set_value === appliedSetValue.current) return;
    appliedSetValue.current = p.set_value;
    setText(p.value ?? "");
  }, [p.set_value, p.value]);

  const submit = () => {
    const message = area.current.value;
    if (!message.trim() || disabled) return;  // as Streamlit: nothing to send
    const limited = p.max_chars ? message.slice(0, p.max_chars) : message;
    ctx.setValue(p.accept_file || p.accept_audio ? { text: limited, files: [] } : limited);
    setText("");
    if (p.submit_mode !== "submit") setBusy(true);
  };
  const keydown = (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const stopping = busy && p.submit_mode === "stop";
  const button = stopping
    ? html`<button type="button" class="ac-chat-input-send" data-testid="ac-chat-input-stop" aria-label="Stop script"
        onClick=${() => ctx.runtime.stop()}><${Icon} icon=":material/stop:" /></button>`
    : html`<button type="button" class="ac-chat-input-send" data-testid="ac-chat-input-submit" aria-label="Send message"
        disabled=${disabled || !text.trim()} onClick=${submit}><${Icon} icon=":material/arrow_upward:" /></button>`;
  const minHeight = typeof p.height === "number" ? `${p.height}px` : undefined;
  return html`<div class=${`ac-chat-input${p.height === "stretch" ? " ac-chat-input-stretch" : ""}`} style=${widthStyle(p.width)}>
    <div class="ac-chat-input-box" style=${{ minHeight }}>
      <textarea ref=${area} id=${id} rows="1" value=${text} placeholder=${p.placeholder} aria-label=${p.placeholder}
        maxlength=${p.max_chars || undefined} disabled=${disabled}
        onInput=${(event) => setText(event.currentTarget.value)} onKeyDown=${keydown} />
      ${button}
    </div>
    ${p.max_chars ? html`<span class="ac-chat-input-count" aria-hidden="true">${text.length}/${p.max_chars}</span>` : null}
  </div>`;
}
