// st.help: an object's name, type, value or signature, docstring and public members.
import { html, css, widthStyle } from "appcore";

css(`
.ac-helpbox { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 0.9rem 1rem; font-size: 0.9rem; min-width: 0; }
.ac-helpbox-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem; }
.ac-helpbox-name { font-family: var(--ac-mono); font-weight: 600; }
.ac-helpbox-type { font-size: 0.75rem; color: var(--ac-muted); background: var(--ac-bg2); border-radius: 999px; padding: 0 0.5rem; }
.ac-helpbox-value { font-family: var(--ac-mono); font-size: 0.85rem; overflow-wrap: anywhere; white-space: pre-wrap; margin-top: 0.35rem; }
.ac-helpbox-doc { white-space: pre-wrap; margin: 0.6rem 0 0; color: var(--ac-text); font-family: var(--ac-font); max-height: 16rem; overflow: auto; }
.ac-helpbox-members { margin-top: 0.75rem; max-height: 18rem; overflow: auto; border-top: 1px solid var(--ac-border); padding-top: 0.5rem; }
.ac-helpbox-members table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.ac-helpbox-members td { padding: 0.2rem 0.75rem 0.2rem 0; vertical-align: top; }
.ac-helpbox-members td:first-child { font-family: var(--ac-mono); white-space: nowrap; }
.ac-helpbox-members .ac-helpbox-mtype { color: var(--ac-muted); white-space: nowrap; font-size: 0.8rem; }
.ac-helpbox-mval { font-family: var(--ac-mono); font-size: 0.8rem; overflow-wrap: anywhere; }
`);

export default function HelpBox({ props: p }) {
  return html`<div class="ac-helpbox" style=${widthStyle(p.width)}>
    <div class="ac-helpbox-head">
      ${p.name ? html`<span class="ac-helpbox-name">${p.name}</span>` : null}<span class="ac-helpbox-type">${p.type}</span>
    </div>
    ${p.value ? html`<div class="ac-helpbox-value">${p.value}</div>` : null}
    ${p.doc ? html`<p class="ac-helpbox-doc">${p.doc}</p>` : null}
    ${p.members?.length ? html`<div class="ac-helpbox-members" tabindex="0" role="region" aria-label="members">
      <table><tbody>${p.members.map((m) => html`<tr>
        <td>${m.name}</td><td class="ac-helpbox-mtype">${m.type}</td>
        <td class=${m.value ? "ac-helpbox-mval" : undefined}>${m.value ?? m.doc ?? ""}</td>
      </tr>`)}</tbody></table>
    </div>` : null}
  </div>`;
}
