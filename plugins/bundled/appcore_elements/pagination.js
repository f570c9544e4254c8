// st.pagination: previous and next arrows around numbered page buttons. With more pages than
// max_visible_pages, the first and the last stay and "…" stands for the pages left out;
// max_visible_pages 0 shows the arrows alone, null every page. A click sends the page (from 1)
// and shows it at once; the server's value wins whenever it sends one.
import { html, css, Icon, useLayoutEffect, useState, widthStyle } from "appcore";
import "./_button_group.js";

css(`
.ac-pagination { display: flex; align-items: center; gap: 0.25rem; flex-wrap: wrap; }
.ac-pagination-stretch { justify-content: center; }
.ac-pagination .ac-bgroup-option { justify-content: center; min-width: 2rem; height: 2rem; padding: 0 0.5rem; border-radius: var(--ac-radius); }
.ac-pagination .ac-bgroup-option[aria-current="page"] { border-color: var(--ac-primary); color: var(--ac-primary); background: color-mix(in srgb, var(--ac-primary) 10%, var(--ac-bg)); font-weight: 600; }
.ac-pagination .ac-pagination-arrow { border-color: transparent; }
.ac-pagination .ac-pagination-arrow .ac-icon-material { font-size: 1.15rem; }
.ac-pagination-gap { min-width: 1.5rem; text-align: center; color: var(--ac-muted); }
`);

// The pages to show: numbers, and "gap" where pages are left out.
export function visiblePages(current, total, most) {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  if (most === null || most === undefined || total <= most) return all;
  if (most === 0) return [];
  const inner = Math.max(1, most - 2);  // besides the first and the last
  const start = Math.min(Math.max(2, current - Math.floor((inner - 1) / 2)), Math.max(2, total - inner));
  const end = Math.min(total - 1, start + inner - 1);
  const pages = [1];
  // A gap of one page shows that page: "…" would take its room and say less.
  if (start === 3) pages.push(2); else if (start > 3) pages.push("gap");
  for (let page = start; page <= end; page += 1) pages.push(page);
  if (end === total - 2) pages.push(total - 1); else if (end < total - 2) pages.push("gap");
  pages.push(total);
  return pages;
}

export default function Pagination({ props: p, ctx }) {
  const [page, setPage] = useState(p.value);
  useLayoutEffect(() => setPage(p.value), [p]);
  const go = (next) => {
    if (next < 1 || next > p.num_pages || next === page) return;
    setPage(next);
    ctx.setValue(next);
  };
  const arrow = (to, icon, label, off) => html`<button type="button" class="ac-bgroup-option ac-pagination-arrow"
    aria-label=${label} disabled=${!!p.disabled || off} onClick=${() => go(to)}><${Icon} icon=${icon} /></button>`;
  return html`<nav class=${`ac-pagination${p.width === "stretch" ? " ac-pagination-stretch" : ""}`} aria-label="Pagination"
    style=${widthStyle(p.width)}>
    ${arrow(page - 1, ":material/chevron_left:", "Previous page", page <= 1)}
    ${visiblePages(page, p.num_pages, p.max_visible_pages).map((item) => (item === "gap"
      ? html`<span class="ac-pagination-gap" aria-hidden="true">…</span>`
      : html`<button type="button" class="ac-bgroup-option" aria-label=${`Page ${item}`}
          aria-current=${item === page ? "page" : undefined} disabled=${!!p.disabled}
          onClick=${() => go(item)}>${item}</button>`))}
    ${arrow(page + 1, ":material/chevron_right:", "Next page", page >= p.num_pages)}
  </nav>`;
}
