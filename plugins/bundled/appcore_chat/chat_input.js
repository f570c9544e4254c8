// st.chat_input: a growing text field with a send button. Enter sends, Shift+Enter
// starts a new line; the field empties once sent. Pinned to the foot of the page
// when the server drew it on the bottom root (props.pinned), inline otherwise.
// With accept_file, a paperclip (or a drop on the field) attaches files: each goes up
// the upload route at once and shows as a chip; the submit names their ids.
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
.ac-chat-input-attach { flex-shrink: 0; display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 2rem;
  padding: 0; border: none; border-radius: 0.5rem; background: transparent; color: var(--ac-muted); cursor: pointer; }
.ac-chat-input-attach:hover { color: var(--ac-text); }
.ac-chat-input-attach:focus-visible { outline: 2px solid var(--ac-primary); }
.ac-chat-input-attach .ac-icon-material { font-size: 1.25rem; max-width: none; vertical-align: 0; }
.ac-chat-input-dragging .ac-chat-input-box { border-color: var(--ac-primary); border-style: dashed; }
.ac-chat-input-files { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0 0 0.4rem; padding: 0; }
.ac-chat-input-file { display: inline-flex; align-items: center; gap: 0.3rem; max-width: 16rem; padding: 0.2rem 0.3rem 0.2rem 0.6rem;
  border: 1px solid var(--ac-border); border-radius: 0.5rem; font-size: 0.8rem; background: var(--ac-bg); }
.ac-chat-input-file span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-chat-input-file small { color: var(--ac-muted); white-space: nowrap; }
.ac-chat-input-file-error { border-color: var(--ac-error); color: var(--ac-error); }
.ac-chat-input-file button { border: 0; background: none; color: inherit; cursor: pointer; padding: 0 0.25rem; font: inherit; }
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

function sizeText(bytes) {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

// The attachments of the message being written: each uploaded as soon as it is chosen.
function useAttachments(p, ctx) {
  const [files, setFiles] = useState([]);  // {key, name, size, file_id?, error?, pending}
  const counter = useRef(0);
  const update = (key, change) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const add = (chosen) => {
    const picked = [...chosen];
    if (!picked.length) return;
    const taken = p.upload?.multiple ? picked : picked.slice(-1);
    const entries = taken.map((file) => ({ key: ++counter.current, name: file.webkitRelativePath || file.name, size: file.size, pending: true, file }));
    setFiles((list) => (p.upload?.multiple ? [...list, ...entries] : entries));
    for (const entry of entries) {
      ctx.upload(entry.file).then(
        (info) => update(entry.key, { file_id: info.file_id, pending: false }),
        (error) => update(entry.key, { error: String(error.message || error), pending: false }));
    }
  };
  const remove = (key) => setFiles((list) => list.filter((f) => f.key !== key));
  return { files, add, remove, clear: () => setFiles([]) };
}

export default function ChatInput({ props: p, ctx }) {
  const id = useId("chat-input");
  const area = useRef(null);
  const appliedSetValue = useRef(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useBusyAfterSubmit(p.submit_mode);
  const picker = useRef(null);
  const [dragging, setDragging] = useState(false);
  const attachments = useAttachments(p, ctx);
  const ready = attachments.files.filter((f) => f.file_id);
  const waiting = attachments.files.some((f) => f.pending);
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
    if ((!message.trim() && !ready.length) || disabled || waiting) return;  // as Streamlit: nothing to send
    const limited = p.max_chars ? message.slice(0, p.max_chars) : message;
    ctx.setValue(p.accept_file || p.accept_audio ? { text: limited, files: ready.map((f) => f.file_id) } : limited);
    setText("");
    attachments.clear();
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
        disabled=${disabled || waiting || (!text.trim() && !ready.length)} onClick=${submit}><${Icon} icon=":material/arrow_upward:" /></button>`;
  const accepts = !!p.accept_file;
  const attach = accepts ? html`<button type="button" class="ac-chat-input-attach" aria-label="Attach files" disabled=${disabled}
      onClick=${() => picker.current.click()}><${Icon} icon=":material/attach_file:" /></button>
    <input ref=${picker} type="file" hidden accept=${(p.upload?.types || []).join(",") || undefined}
      multiple=${!!p.upload?.multiple} webkitdirectory=${p.accept_file === "directory" ? "" : undefined}
      onChange=${(event) => { attachments.add(event.currentTarget.files); event.currentTarget.value = ""; }} />` : null;
  const drop = accepts && !disabled ? {
    onDragOver: (event) => { event.preventDefault(); setDragging(true); },
    onDragLeave: () => setDragging(false),
    onDrop: (event) => { event.preventDefault(); setDragging(false); attachments.add(event.dataTransfer.files); },
  } : {};
  const chips = attachments.files.length ? html`<ul class="ac-chat-input-files" aria-label="Attached files">
    ${attachments.files.map((f) => html`<li key=${f.key} class=${f.error ? "ac-chat-input-file ac-chat-input-file-error" : "ac-chat-input-file"}>
      <span title=${f.name}>${f.name}</span><small>${f.error || (f.pending ? "uploading…" : sizeText(f.size))}</small>
      <button type="button" aria-label=${`Remove ${f.name}`} onClick=${() => attachments.remove(f.key)}>×</button></li>`)}
  </ul>` : null;
  const minHeight = typeof p.height === "number" ? `${p.height}px` : undefined;
  return html`<div class=${`ac-chat-input${p.height === "stretch" ? " ac-chat-input-stretch" : ""}${dragging ? " ac-chat-input-dragging" : ""}`}
      style=${widthStyle(p.width)} ...${drop}>
    ${chips}
    <div class="ac-chat-input-box" style=${{ minHeight }}>
      ${attach}
      <textarea ref=${area} id=${id} rows="1" value=${text} placeholder=${p.placeholder} aria-label=${p.placeholder}
        maxlength=${p.max_chars || undefined} disabled=${disabled}
        onInput=${(event) => setText(event.currentTarget.value)} onKeyDown=${keydown} />
      ${button}
    </div>
    ${p.max_chars ? html`<span class="ac-chat-input-count" aria-hidden="true">${text.length}/${p.max_chars}</span>` : null}
  </div>`;
}
