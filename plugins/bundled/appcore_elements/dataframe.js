// The table st.write draws for a DataFrame: index and column headers, the first rows, sticky header.
import { html, css } from "appcore";

css(`
.ac-dataframe { max-height: 25rem; overflow: auto; border: 1px solid var(--ac-border); border-radius: var(--ac-radius); max-width: 100%; }
.ac-dataframe:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-dataframe table { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 0.875rem; line-height: 1.4; }
.ac-dataframe th, .ac-dataframe td { padding: 0.3rem 0.75rem; border-right: 1px solid var(--ac-border); border-bottom: 1px solid var(--ac-border); white-space: nowrap; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; text-align: left; }
.ac-dataframe tr > :last-child { border-right: none; }
.ac-dataframe tbody tr:last-child > * { border-bottom: none; }
.ac-dataframe thead th { position: sticky; top: 0; z-index: 1; background: var(--ac-bg2); font-weight: 600; color: var(--ac-text); }
.ac-dataframe tbody th { font-weight: 400; color: var(--ac-muted); background: var(--ac-bg); position: sticky; left: 0; }
.ac-dataframe thead th:first-child { left: 0; z-index: 2; }
.ac-dataframe td { background: var(--ac-bg); }
.ac-dataframe .ac-num { text-align: right; font-variant-numeric: tabular-nums; }
.ac-dataframe .ac-null { color: var(--ac-muted); font-style: italic; }
.ac-dataframe-note { font-size: 0.8rem; color: var(--ac-muted); margin-top: 0.3rem; }
`);

function Cell({ tag: Tag, value, numeric, scope }) {
  if (value === null || value === undefined) return html`<${Tag} class="ac-null" scope=${scope}>None</${Tag}>`;
  if (Array.isArray(value)) value = value.join(", ");
  let text = String(value);
  if (typeof value === "number" && !Number.isInteger(value)) text = String(Number(value.toFixed(4)));
  return html`<${Tag} class=${numeric ? "ac-num" : undefined} scope=${scope} title=${text.length > 40 ? text : undefined}>${text}</${Tag}>`;
}

export default function DataFrame({ props: p }) {
  const names = p.index_names.some((n) => n !== null) ? p.index_names.join(", ") : "";
  return [
    html`<div class="ac-dataframe" tabindex="0" role="region"
        aria-label=${`table, ${p.total_rows} rows, ${p.columns.length} columns`}>
      <table>
        <thead><tr>
          <th scope="col">${names}</th>
          ${p.columns.map((c, i) => html`<th scope="col" class=${p.numeric[i] ? "ac-num" : undefined}>${c}</th>`)}
        </tr></thead>
        <tbody>${p.rows.map((row, r) => html`<tr>
          <${Cell} tag="th" scope="row" value=${p.index[r]} numeric=${false} />
          ${row.map((v, i) => html`<${Cell} tag="td" value=${v} numeric=${p.numeric[i]} />`)}
        </tr>`)}</tbody>
      </table>
    </div>`,
    p.total_rows > p.rows.length
      ? html`<div class="ac-dataframe-note">Showing the first ${p.rows.length.toLocaleString()} of ${p.total_rows.toLocaleString()} rows.</div>`
      : null,
  ];
}
