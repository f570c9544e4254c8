// st.container: a box its children draw into; bordered, fixed-height (scrolling) or horizontal.
import { html, css, widthStyle, useLayoutEffect, useRef } from "appcore";

css(`
.ac-container { display: flex; flex-direction: column; min-width: 0; }
.ac-container > .ac-el { margin-bottom: 0; min-width: 0; }
.ac-container-border { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); padding: 1rem; }
.ac-container-scroll { overflow-y: auto; }
.ac-container-scroll:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; }
.ac-container-horizontal { flex-direction: row; align-items: flex-start; }
.ac-container-horizontal > .ac-el { flex: 1 1 0; min-width: min-content; }
.ac-container-wrap { flex-wrap: wrap; }
.ac-container-horizontal:not(.ac-container-wrap) { overflow-x: auto; }
.ac-el-container:has(> .ac-container:empty:not(.ac-container-border):not(.ac-container-scroll)) { display: none; }
`);

const GAPS = { xxsmall: "0.25rem", xsmall: "0.5rem", small: "1rem", medium: "2rem", large: "4rem", xlarge: "6rem", xxlarge: "8rem" };
const JUSTIFY = { left: "flex-start", top: "flex-start", center: "center", right: "flex-end", bottom: "flex-end", distribute: "space-between" };

// The runtime puts the children into the box; it renders empty and is never re-created.
export const children = (root) => root.querySelector(":scope > .ac-container");

export default function Container({ props: p, ctx }) {
  const box = useRef(null);
  const fixed = typeof p.height === "number";
  useLayoutEffect(() => {
    if (!(fixed && p.autoscroll)) return undefined;
    const follow = new MutationObserver(() => { box.current.scrollTop = box.current.scrollHeight; });
    follow.observe(box.current, { childList: true, subtree: true });
    return () => follow.disconnect();
  }, [fixed, p.autoscroll]);
  const className = ["ac-container", p.border && "ac-container-border", fixed && "ac-container-scroll",
    p.horizontal && "ac-container-horizontal", p.horizontal && p.wrap !== false && "ac-container-wrap"].filter(Boolean).join(" ");
  // Horizontal: alignment along the row is horizontal_alignment; vertical: along the column.
  const across = p.horizontal ? p.vertical_alignment : p.horizontal_alignment;
  const style = {
    ...widthStyle(p.width),
    gap: p.gap === null ? "0" : typeof p.gap === "number" ? `${p.gap}px` : GAPS[p.gap] || GAPS.small,
    height: fixed ? `${p.height}px` : p.height === "stretch" ? "100%" : undefined,
    justifyContent: JUSTIFY[p.horizontal ? p.horizontal_alignment : p.vertical_alignment],
    alignItems: p.horizontal || across !== "left" ? JUSTIFY[across] : undefined,
  };
  return html`<div ref=${box} class=${className} style=${style} tabindex=${fixed ? 0 : undefined} role=${fixed ? "region" : undefined}
    aria-label=${fixed ? (ctx.key ? `container ${ctx.key}` : "scrolling container") : undefined} />`;
}
