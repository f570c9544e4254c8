// Pieces the display elements share: width/height props, help and icon nodes, alert styles.
// Not a renderer: element modules import it by relative path.
import { h, css } from "appcore";

// width/height props as Streamlit's: "stretch", "content" or pixels.
export function applyWidth(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : width === "content" ? "fit-content" : "";
  el.style.maxWidth = typeof width === "number" || width === "content" ? "100%" : "";
}

export function applyHeight(el, height) {
  el.style.height = typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : "";
  el.style.overflow = typeof height === "number" ? "auto" : "";
}

export function helpIcon(text) {
  return text ? h("span", { class: "ac-help", title: text, "aria-label": text, role: "img", tabindex: "0" }, "?") : null;
}

// Material Symbols are not vendored yet: the common names draw as a Unicode look-alike.
const MATERIAL = {
  check: "✓", check_circle: "✓", done: "✓", task_alt: "✓", info: "ℹ", help: "?", warning: "⚠", error: "⊘",
  report: "⚠", cancel: "✕", close: "✕", block: "⊘", thumb_up: "👍", thumb_down: "👎", star: "★",
  favorite: "♥", lightbulb: "💡", bolt: "⚡", search: "🔍", settings: "⚙", home: "⌂", arrow_upward: "↑",
  arrow_downward: "↓", arrow_forward: "→", arrow_back: "←", trending_up: "↗", trending_down: "↘",
  celebration: "🎉", rocket_launch: "🚀", notifications: "🔔", schedule: "🕒", lock: "🔒", mail: "✉",
};

export function iconNode(icon, className = "ac-icon") {
  if (!icon) return null;
  if (icon === "spinner") return h("span", { class: `${className} ac-icon-spinner`, role: "img", "aria-label": "loading" });
  const material = /^:material\/(\w+):$/.exec(icon);
  if (material) {
    const name = material[1];
    return h("span", { class: `${className} ac-icon-material`, role: "img", "aria-label": name.replace(/_/g, " "), title: name }, MATERIAL[name] || "•");
  }
  return h("span", { class: className, "aria-hidden": "true" }, icon);
}

// Alerts and exceptions share one look: coloured text on a tinted box.
export function alertCss() {
  css(`
.ac-alert { display: flex; gap: 0.75rem; align-items: flex-start; padding: 0.9rem 1rem; border-radius: var(--ac-radius); color: var(--ac-text); line-height: 1.55; overflow-wrap: anywhere; }
.ac-alert-success { background: var(--ac-success-bg); color: var(--ac-success); }
.ac-alert-info { background: var(--ac-info-bg); color: var(--ac-info); }
.ac-alert-warning { background: var(--ac-warning-bg); color: var(--ac-warning); }
.ac-alert-error { background: var(--ac-error-bg); color: var(--ac-error); }
.ac-alert-icon { flex-shrink: 0; font-size: 1.1rem; line-height: 1.4rem; min-width: 1.1rem; text-align: center; }
.ac-alert-content { flex: 1; min-width: 0; }
.ac-alert-title { font-weight: 600; margin-bottom: 0.25rem; }
.ac-alert .ac-markdown { color: inherit; }
.ac-alert .ac-markdown a { color: inherit; text-decoration: underline; }
.ac-alert .ac-markdown code { background: color-mix(in srgb, currentColor 12%, transparent); color: inherit; }
.ac-traceback { margin: 0.75rem 0 0; padding: 0.75rem; max-height: 24rem; overflow: auto; white-space: pre; font-family: var(--ac-mono); font-size: 0.8rem; line-height: 1.45; color: var(--ac-text); background: color-mix(in srgb, var(--ac-bg) 65%, transparent); border-radius: calc(var(--ac-radius) * 0.75); }
.ac-exception-message { white-space: pre-wrap; }
.ac-icon-spinner { display: inline-block; width: 1em; height: 1em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: ac-spin 0.8s linear infinite; vertical-align: -0.15em; }
`);
}
