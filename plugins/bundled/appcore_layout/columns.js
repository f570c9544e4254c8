// st.columns: the row. Its children are the columns; on screens up to 640px wide they
// stack, one under the other, unless wrap=False (then the row scrolls sideways).
import { html, css, widthStyle } from "appcore";
import { gapLength } from "./_gaps.js";

css(`
.ac-columns { display: flex; flex-direction: row; align-items: stretch; min-width: 0; }
.ac-columns > .ac-el { margin-bottom: 0; }
.ac-columns-nowrap { overflow-x: auto; }
.ac-columns-nowrap > .ac-el-column { min-width: min-content; }
@media (max-width: 640px) {
  .ac-columns-wrap { flex-wrap: wrap; }
  .ac-columns-wrap > .ac-el-column { flex: 1 1 100%; min-width: 100%; }
}
`);

export const children = (root) => root.querySelector(":scope > .ac-columns");

export default function Columns({ props: p }) {
  return html`<div class=${`ac-columns ${p.wrap === false ? "ac-columns-nowrap" : "ac-columns-wrap"}`}
    style=${{ ...widthStyle(p.width), gap: gapLength(p.gap) }} />`;
}
