// st.container: a box its children draw into; bordered, fixed-height (scrolling) or horizontal.
import { h, css } from "appcore";
import { applyWidth } from "./_shared.js";

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

export function mount(root, props) {
  const box = h("div", { class: "ac-container" });
  let follow = null;
  const update = (p) => {
    const fixed = typeof p.height === "number";
    box.className = ["ac-container", p.border && "ac-container-border", fixed && "ac-container-scroll",
      p.horizontal && "ac-container-horizontal", p.horizontal && p.wrap !== false && "ac-container-wrap"].filter(Boolean).join(" ");
    box.style.gap = p.gap === null ? "0" : typeof p.gap === "number" ? `${p.gap}px` : GAPS[p.gap] || GAPS.small;
    box.style.height = fixed ? `${p.height}px` : p.height === "stretch" ? "100%" : "";
    // Horizontal: alignment along the row is horizontal_alignment; vertical: along the column.
    box.style.justifyContent = JUSTIFY[p.horizontal ? p.horizontal_alignment : p.vertical_alignment] || "";
    const across = p.horizontal ? p.vertical_alignment : p.horizontal_alignment;
    box.style.alignItems = p.horizontal ? JUSTIFY[across] || "" : across === "left" ? "" : JUSTIFY[across] || "";
    if (fixed) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", root.dataset.key ? `container ${root.dataset.key}` : "scrolling container");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
    applyWidth(box, p.width);
    follow?.disconnect();
    follow = null;
    if (fixed && p.autoscroll) {
      follow = new MutationObserver(() => { box.scrollTop = box.scrollHeight; });
      follow.observe(box, { childList: true, subtree: true });
    }
  };
  update(props);
  root.append(box);
  return { update, children: box, destroy: () => follow?.disconnect() };
}
