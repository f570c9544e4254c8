// A column of st.columns: its share of the row is its weight; its elements are spaced
// by the row's gap and aligned top, center or bottom within the row's height.
import { html, css, useLayoutEffect } from "appcore";
import { gapLength } from "./_gaps.js";

css(`
.ac-el-column { display: flex; flex-direction: column; flex: 1 1 var(--ac-column-basis, 0%); min-width: 0; }
.ac-column { display: flex; flex-direction: column; flex: 1 1 auto; min-width: 0; }
.ac-column > .ac-el { margin-bottom: 0; }
.ac-column-border { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: calc(1rem - 1px); }
`);

const JUSTIFY = { top: "flex-start", center: "center", bottom: "flex-end" };

export const children = (root) => root.querySelector(":scope > .ac-column");

export default function Column({ props: p, ctx }) {
  // The column's own box (the runtime's root) is the row's flex item: its share of the row less its share of the gaps.
  const basis = `calc(${p.weight * 100}% - ${gapLength(p.gap)} * ${1 - p.weight})`;
  useLayoutEffect(() => { ctx.root.style.setProperty("--ac-column-basis", basis); }, [basis]);
  return html`<div class=${p.border ? "ac-column ac-column-border" : "ac-column"}
    style=${{ gap: gapLength(p.gap), justifyContent: JUSTIFY[p.vertical_alignment] || "flex-start" }} />`;
}
