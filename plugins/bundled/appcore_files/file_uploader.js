// st.file_uploader: a drop zone with an Upload button, then the files as chips with a
// remove button each. Every file is PUT to the server (ctx.upload) as soon as it is
// chosen or dropped; once none is still on its way, the widget's value is the list of
// the uploaded files' ids. A file refused here or by the server stays in the list as an
// error chip, never in the value.
import { html, css, Field, Icon, useId, useLayoutEffect, useRef, useState } from "appcore";
import { acceptAttribute, accepts, fileIcon, middleEllipsis, sizeDisplay, typesDisplay } from "./_files.js";

css(`
.ac-dropzone { position: relative; display: flex; gap: 1rem; align-items: center; padding: 1rem; min-height: 4.5rem;
  background: var(--ac-surface); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); cursor: pointer; }
.ac-dropzone:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-dropzone.ac-drag { box-shadow: inset 0 0 0 2px var(--ac-primary); }
.ac-dropzone.ac-disabled { cursor: not-allowed; }
.ac-dropzone-overlay { position: absolute; inset: 2px; display: flex; align-items: center; justify-content: center;
  background: var(--ac-surface); border-radius: var(--ac-radius); color: var(--ac-primary); font-size: 0.875rem; font-weight: 800; z-index: 2; }
.ac-dropzone-input { display: none; }
.ac-dropzone .ac-btn { display: inline-flex; align-items: center; gap: 0.4rem; white-space: nowrap; }
.ac-dropzone-limits { font-size: 0.875rem; color: var(--ac-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.ac-dropzone.ac-disabled .ac-dropzone-limits { opacity: 0.6; }
.ac-file-chips { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; min-width: 0; width: 100%;
  max-height: 8.5rem; overflow-y: auto; }
.ac-file-chip { display: inline-flex; align-items: flex-start; gap: 0.5rem; max-width: 100%; padding: 0.4rem 0.3rem 0.4rem 0.4rem;
  background: var(--ac-bg); border-radius: var(--ac-radius); cursor: default; }
.ac-file-chip.ac-file-error { background: var(--ac-error-bg); flex-wrap: wrap; }
.ac-file-chip-icon { display: inline-flex; align-items: center; justify-content: center; flex-shrink: 0; width: 2rem; height: 2rem;
  border-radius: 0.4rem; background: var(--ac-text); color: var(--ac-bg); font-size: 1.1rem; overflow: hidden; }
.ac-file-error .ac-file-chip-icon { background: none; color: var(--ac-error); font-size: 1.3rem; }
.ac-file-chip-preview { width: 100%; height: 100%; object-fit: cover; }
.ac-file-chip-text { display: flex; flex-direction: column; justify-content: center; min-width: 0; min-height: 2rem; line-height: 1.25; }
.ac-file-chip-name { font-size: 0.875rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-file-chip-size { font-size: 0.75rem; color: var(--ac-muted); }
.ac-file-chip-message { flex-basis: 100%; font-size: 0.75rem; color: var(--ac-error); padding: 0 0.3rem 0 2.5rem; }
.ac-file-chip .ac-file-chip-delete { width: 1.25rem; height: 1.25rem; font-size: 1rem; margin-top: -0.1rem; }
.ac-file-error .ac-file-chip-delete { color: var(--ac-error); }
.ac-file-btn { display: inline-flex; align-items: center; justify-content: center; width: 1.75rem; height: 1.75rem; padding: 0;
  border: none; border-radius: var(--ac-radius); background: none; color: var(--ac-muted); cursor: pointer; font: inherit; }
.ac-file-btn:hover:not(:disabled) { color: var(--ac-primary); background: var(--ac-bg2); }
.ac-file-btn:focus-visible { outline: 2px solid var(--ac-primary); }
.ac-file-btn:disabled { opacity: 0.55; cursor: not-allowed; }
@media (max-width: 30rem) { .ac-dropzone { flex-direction: column; align-items: stretch; gap: 0.6rem; }
  .ac-dropzone .ac-btn { align-self: flex-start; } }
`);

let localId = 0;
const uploadedChip = (f) => ({ id: `s${f.file_id}`, name: f.name, size: f.size, status: "uploaded", fileId: f.file_id });
const sameIds = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export default function FileUploader({ props: p, ctx }) {
  const id = useId("file-uploader");
  const input = useRef(null);
  const spec = p.upload || { types: [], max_bytes: 0, multiple: false };
  const [chips, setChips] = useState(() => (p.value || []).map(uploadedChip));
  const chipsRef = useRef(chips);
  const sent = useRef((p.value || []).map((f) => f.file_id));
  const [drag, setDrag] = useState(false);

  const update = (change) => {
    chipsRef.current = change(chipsRef.current);
    setChips(chipsRef.current);
    // The value goes out once nothing is on its way, and only when it changed.
    if (chipsRef.current.some((c) => c.status === "uploading")) return;
    const ids = chipsRef.current.filter((c) => c.status === "uploaded").map((c) => c.fileId);
    if (sameIds(ids, sent.current)) return;
    sent.current = ids;
    ctx.setValue(ids);
  };

  // The server's value wins when it is not what this page sent (a form cleared, a reset).
  useLayoutEffect(() => {
    const ids = (p.value || []).map((f) => f.file_id);
    if (sameIds(ids, sent.current)) return;
    sent.current = ids;
    chipsRef.current = (p.value || []).map(uploadedChip);
    setChips(chipsRef.current);
  }, [p]);

  const add = (fileList) => {
    if (p.disabled) return;
    let files = [...fileList];
    if (!spec.multiple) files = files.slice(0, 1);
    if (!files.length) return;
    const fresh = files.map((file) => {
      const name = file.webkitRelativePath || file.name;
      const chip = { id: `l${++localId}`, name, size: file.size, file, status: "uploading" };
      if (!accepts(file, spec.types)) return { ...chip, status: "error", message: `${file.type || "application/octet-stream"} files are not allowed.` };
      if (spec.max_bytes && file.size > spec.max_bytes) return { ...chip, status: "error", message: `File must be ${sizeDisplay(spec.max_bytes)} or smaller.` };
      return chip;
    });
    // One file at most: a new one replaces the one there (refused files stay listed, as in Streamlit).
    update((current) => [...(spec.multiple ? current : current.filter((c) => c.status === "error")), ...fresh]);
    for (const chip of fresh) {
      if (chip.status !== "uploading") continue;
      chip.abort = new AbortController();
      ctx.upload(chip.file, { signal: chip.abort.signal, name: chip.name }).then(
        (info) => update((current) => current.map((c) => (c.id === chip.id ? { ...c, status: "uploaded", fileId: info.file_id } : c))),
        (error) => {
          if (error.name === "AbortError") return;
          update((current) => current.map((c) => (c.id === chip.id ? { ...c, status: "error", message: error.message || "Upload failed" } : c)));
        },
      );
    }
  };

  const remove = (chip) => {
    if (p.disabled) return;
    chip.abort?.abort();
    update((current) => current.filter((c) => c.id !== chip.id));
  };

  const browse = () => { if (!p.disabled) input.current.click(); };
  const onDrop = (event) => {
    event.preventDefault();
    setDrag(false);
    if (!p.disabled) add(event.dataTransfer.files);
  };
  const onDragOver = (event) => {
    event.preventDefault();
    if (!p.disabled) setDrag(true);
  };
  const onKey = (event) => {
    if (event.target === event.currentTarget && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); browse(); }
  };
  const dragText = p.directory ? "Drag and drop directories here" : spec.multiple ? "Drag and drop files here" : "Drag and drop a file here";
  const limits = `${sizeDisplay(spec.max_bytes, 0)} per file${spec.types.length ? ` • ${typesDisplay(spec.types)}` : ""}`;

  return html`<${Field} props=${p} id=${id}>${(control) => html`
    <section ...${control} data-testid="ac-dropzone" role="button" tabindex=${p.disabled ? -1 : 0}
        aria-disabled=${p.disabled ? "true" : "false"}
        class=${`ac-dropzone${drag ? " ac-drag" : ""}${p.disabled ? " ac-disabled" : ""}`}
        onClick=${(e) => { if (e.target === e.currentTarget) browse(); }} onKeyDown=${onKey}
        onDragOver=${onDragOver} onDragEnter=${onDragOver} onDragLeave=${() => setDrag(false)} onDrop=${onDrop}>
      <input ref=${input} type="file" class="ac-dropzone-input" data-testid="ac-file-input" tabindex="-1"
        accept=${acceptAttribute(spec.types)} multiple=${spec.multiple} webkitdirectory=${p.directory ? "" : undefined}
        disabled=${!!p.disabled} onChange=${(e) => { add(e.target.files); e.target.value = ""; }} />
      ${drag ? html`<div class="ac-dropzone-overlay">${dragText}</div>` : null}
      ${chips.length ? html`<div class="ac-file-chips" data-testid="ac-file-chips">
          ${chips.map((chip) => html`<${Chip} key=${chip.id} chip=${chip} disabled=${p.disabled} onRemove=${() => remove(chip)} />`)}
          <button type="button" class="ac-file-btn" aria-label="Add files" title="Add files" disabled=${!!p.disabled}
            onClick=${(e) => { e.stopPropagation(); browse(); }}><${Icon} icon=":material/add:" /></button>
        </div>`
      : html`
        <button type="button" class="ac-btn" tabindex="-1" disabled=${!!p.disabled} onClick=${(e) => { e.stopPropagation(); browse(); }}>
          <span aria-hidden="true"><${Icon} icon=":material/upload:" /></span>${p.directory ? "Upload directories" : "Upload"}</button>
        <span class="ac-dropzone-limits" data-testid="ac-dropzone-limits">${limits}</span>`}
    </section>`}<//>`;
}

function Chip({ chip, disabled, onRemove }) {
  const error = chip.status === "error";
  const messageId = useId("file-error");
  const [preview] = useState(() => (chip.file && /^image\//.test(chip.file.type) && !error ? URL.createObjectURL(chip.file) : null));
  useLayoutEffect(() => () => preview && URL.revokeObjectURL(preview), []);
  const icon = chip.status === "uploading" ? html`<${Icon} icon="spinner" />`
    : error ? html`<${Icon} icon=":material/error:" />`
    : preview ? html`<img class="ac-file-chip-preview" src=${preview} alt=${chip.name} />`
    : html`<${Icon} icon=${fileIcon(chip.name)} />`;
  return html`<div class=${`ac-file-chip${error ? " ac-file-error" : ""}`} data-testid="ac-file-chip" data-status=${chip.status}
      aria-label=${`${chip.name}, ${sizeDisplay(chip.size)}`} aria-invalid=${error ? "true" : undefined}
      aria-describedby=${error ? messageId : undefined} onClick=${(e) => e.stopPropagation()} title=${error ? chip.message : chip.name}>
    <span class="ac-file-chip-icon">${icon}</span>
    <span class="ac-file-chip-text">
      <span class="ac-file-chip-name" data-testid="ac-file-chip-name">${middleEllipsis(chip.name)}</span>
      <span class="ac-file-chip-size">${sizeDisplay(chip.size)}</span>
    </span>
    <button type="button" class="ac-file-btn ac-file-chip-delete" data-testid="ac-file-chip-delete" disabled=${disabled}
      aria-label=${`${chip.status === "uploading" ? "Cancel upload of" : "Remove"} ${chip.name}`} onClick=${onRemove}>
      <${Icon} icon=":material/cancel:" /></button>
    ${error ? html`<span class="ac-file-chip-message" id=${messageId} role="alert">Error: ${chip.message}</span>` : null}
  </div>`;
}
