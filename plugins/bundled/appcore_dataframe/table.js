// st.table: every row in a plain <table>; borders all round, horizontal only or none; a
// Styler's text and colours per cell; a fixed height scrolls under a sticky header.
import { html, css } from "appcore";
import { CellContent, isNumeric } from "./_cells.js";

css(`
.ac-table { overflow: auto; max-width: 100%; }
.ac-table table { border-collapse: collapse; width: 100%; font-size: 0.875rem; color: var(--ac-text); }
.ac-table.ac-table-content table { width: auto; }
.ac-table th, .ac-table td { padding: 0.35rem 0.6rem; text-align: left; vertical-align: middle; }
.ac-table thead th { color: var(--ac-muted); font-weight: 400; position: sticky; top: 0; background: var(--ac-bg); }
.ac-table tbody th { color: var(--ac-muted); font-weight: 400; }
.ac-table .ac-num { text-align: right; font-variant-numeric: tabular-nums; }
.ac-table-all th, .ac-table-all td { border: 1px solid var(--ac-border); }
.ac-table-horizontal th, .ac-table-horizontal td { border-bottom: 1px solid var(--ac-border); }
.ac-table .ac-df-null { color: var(--ac-muted); }
.ac-table .ac-df-chip { background: var(--ac-bg2); border-radius: 0.75rem; padding: 0 0.5rem; margin-right: 0.25rem; font-size: 0.8rem; }
.ac-table .ac-df-chips { display: inline-flex; }
`);

export default function Table({ props: p }) {
  const style = [typeof p.height === "number" ? `max-height:${p.height}px` : "",
                 typeof p.width === "number" ? `width:${p.width}px` : ""].filter(Boolean).join(";");
  const cls = `ac-table ac-table-${p.border}${p.width === "content" ? " ac-table-content" : ""}`;
  return html`<div class=${cls} style=${style || undefined} tabindex=${p.height === "content" ? undefined : "0"}>
    <table aria-label=${p.alt ?? undefined}>
      ${p.hide_header ? null : html`<thead><tr>${p.columns.map((c) => html`<th scope="col" class=${isNumeric(c) ? "ac-num" : undefined}>${c.label}</th>`)}</tr></thead>`}
      <tbody>${p.rows.map((row, r) => html`<tr>${row.map((value, i) => {
        const c = p.columns[i];
        const Tag = c.index ? "th" : "td";
        return html`<${Tag} scope=${c.index ? "row" : undefined} class=${isNumeric(c) ? "ac-num" : undefined} style=${p.styles?.[r]?.[i] ?? undefined}>
          <${CellContent} value=${value} column=${c} display=${p.display?.[r]?.[i]} /></${Tag}>`;
      })}</tr>`)}</tbody>
    </table>
  </div>`;
}
