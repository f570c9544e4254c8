// st.json: a tree of <details> nodes (Tab/Enter/Space natively; arrow keys move and fold),
// children built when a node first opens so a large document stays cheap.
import { html, css, widthStyle, useState } from "appcore";

css(`
.ac-json { font-family: var(--ac-mono); font-size: 0.85rem; line-height: 1.6; color: var(--ac-text); overflow-x: auto; padding: 0.25rem 0; --ac-json-key: #a626a4; --ac-json-string: #067d17; --ac-json-number: #1750eb; --ac-json-literal: #b35900; }
[data-theme="dark"] .ac-json { --ac-json-key: #d2a8ff; --ac-json-string: #a5d6a7; --ac-json-number: #79c0ff; --ac-json-literal: #ffb86c; }
.ac-json details > summary { list-style: none; cursor: pointer; border-radius: 0.25rem; width: fit-content; padding-right: 0.25rem; }
.ac-json details > summary::-webkit-details-marker { display: none; }
.ac-json details > summary::before { content: "▸"; display: inline-block; width: 1rem; color: var(--ac-muted); }
.ac-json details[open] > summary::before { content: "▾"; }
.ac-json summary:hover { background: var(--ac-bg2); }
.ac-json summary:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
.ac-json details[open] > summary .ac-json-preview { display: none; }
.ac-json-children { margin-left: 0.45rem; padding-left: 1.05rem; border-left: 1px solid var(--ac-border); }
.ac-json-row { padding-left: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.ac-json-close { padding-left: 1rem; }
.ac-json-key { color: var(--ac-json-key); }
.ac-json-string { color: var(--ac-json-string); }
.ac-json-number { color: var(--ac-json-number); }
.ac-json-boolean, .ac-json-null { color: var(--ac-json-literal); }
.ac-json-preview, .ac-json-punct { color: var(--ac-muted); }
.ac-json-error { color: var(--ac-error); background: var(--ac-error-bg); padding: 0.5rem 0.75rem; border-radius: var(--ac-radius); font-family: var(--ac-font); }
.ac-json-error pre { margin: 0.4rem 0 0; white-space: pre-wrap; font-family: var(--ac-mono); color: var(--ac-text); }
`);

// Python's json.dumps writes NaN and Infinity, which JSON.parse refuses: quote them with a
// marker (outside strings only) and turn them back into numbers while parsing.
const SPECIAL = { "\u0000NaN": NaN, "\u0000Infinity": Infinity, "\u0000-Infinity": -Infinity };

function parse(body) {
  try {
    return { value: JSON.parse(body) };
  } catch (error) {
    try {
      const marked = body.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) => (m[0] === '"' ? m : `"\\u0000${m}"`));
      return { value: JSON.parse(marked, (_, v) => (typeof v === "string" && v in SPECIAL ? SPECIAL[v] : v)) };
    } catch {
      return { error };
    }
  }
}

function Scalar({ value }) {
  if (value === null) return html`<span class="ac-json-null">null</span>`;
  if (typeof value === "string") return html`<span class="ac-json-string">${JSON.stringify(value)}</span>`;
  if (typeof value === "number") return html`<span class="ac-json-number">${String(value)}</span>`;
  if (typeof value === "boolean") return html`<span class="ac-json-boolean">${String(value)}</span>`;
  return html`<span>${String(value)}</span>`;
}

function KeyLabel({ k }) {
  if (k === undefined) return null;
  if (typeof k === "number") return html`<span class="ac-json-punct">${`${k}: `}</span>`;
  return [html`<span class="ac-json-key">${JSON.stringify(k)}</span>`, html`<span class="ac-json-punct">: </span>`];
}

// One key and value; an object or array is a <details> whose children are built when it first opens.
function JsonNode({ k, value, depth, openUntil, last }) {
  const startOpen = depth < openUntil;
  const [built, setBuilt] = useState(startOpen);
  const comma = last ? null : html`<span class="ac-json-punct">,</span>`;
  const isArray = Array.isArray(value);
  if (value === null || typeof value !== "object") {
    return html`<div class="ac-json-row"><${KeyLabel} k=${k} /><${Scalar} value=${value} />${comma}</div>`;
  }
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (!entries.length) return html`<div class="ac-json-row"><${KeyLabel} k=${k} /><span class="ac-json-punct">${open + close}</span>${comma}</div>`;
  const count = `${entries.length} ${entries.length === 1 ? "item" : "items"}`;
  return html`<details class="ac-json-node" open=${startOpen} onToggle=${(event) => event.currentTarget.open && setBuilt(true)}>
    <summary aria-label=${`${k === undefined ? "root" : k}: ${isArray ? "array" : "object"}, ${count}`}>
      <${KeyLabel} k=${k} /><span class="ac-json-punct">${open}</span><span class="ac-json-preview">${` … ${close} `}${count}</span><span class="ac-json-preview">${comma ? "," : ""}</span>
    </summary>
    ${(built || startOpen) && [
      html`<div class="ac-json-children">${entries.map(([ek, v], i) => html`<${JsonNode} k=${isArray ? i : ek} value=${v}
        depth=${depth + 1} openUntil=${openUntil} last=${i === entries.length - 1} />`)}</div>`,
      html`<div class="ac-json-close ac-json-punct">${close}${comma ? "," : ""}</div>`,
    ]}
  </details>`;
}

const visible = (el) => el.getClientRects().length > 0;

// Arrow keys as in a tree view: Up/Down move between rows, Right opens or steps in, Left closes or steps out.
function onKey(event, tree) {
  const summary = event.target;
  if (summary.tagName !== "SUMMARY") return;
  const details = summary.parentElement;
  const rows = [...tree.querySelectorAll("summary")].filter(visible);
  const at = rows.indexOf(summary);
  let target = null;
  if (event.key === "ArrowDown") target = rows[at + 1];
  else if (event.key === "ArrowUp") target = rows[at - 1];
  else if (event.key === "Home") target = rows[0];
  else if (event.key === "End") target = rows[rows.length - 1];
  else if (event.key === "ArrowRight") {
    if (!details.open) details.open = true;
    else target = details.querySelector(":scope > .ac-json-children summary");
  } else if (event.key === "ArrowLeft") {
    if (details.open) details.open = false;
    else target = details.parentElement.closest("details")?.querySelector(":scope > summary");
  } else return;
  event.preventDefault();
  target?.focus();
}

export default function Json({ props: p }) {
  const parsed = parse(p.body);
  const style = widthStyle(p.width);
  if (parsed.error) {
    return html`<div class="ac-json" style=${style}><div class="ac-json-error" role="alert">
      Could not parse the JSON: ${parsed.error.message}<pre>${p.body}</pre>
    </div></div>`;
  }
  const openUntil = !p.expanded ? 0 : p.max_expand_depth ?? Infinity;
  return html`<div class="ac-json" style=${style} onKeyDown=${(event) => onKey(event, event.currentTarget)}>
    <${JsonNode} value=${parsed.value} depth=${0} openUntil=${openUntil} last=${true} />
  </div>`;
}
