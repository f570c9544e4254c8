// The page menu: the core's "navigation" message (whichever source declared the pages)
// drawn in the sidebar, as a top bar, or not at all. Links open pages through the
// runtime's history routing: no document reload, back and forward work.
import { html, render, css, Icon, useState, useEffect, useRef } from "appcore";

css(`
.ac-nav { margin: -1.5rem 0 1.5rem; padding-bottom: 1rem; border-bottom: 1px solid var(--ac-border); }
.ac-nav ul { list-style: none; margin: 0; padding: 0; }
.ac-nav-section { font-size: 0.875rem; font-weight: 600; color: var(--ac-muted); margin: 0.9rem 0 0.2rem 0.5rem; }
.ac-nav-section.ac-nav-nested { margin-left: 1.25rem; font-weight: 500; }
.ac-nav-link { display: flex; align-items: center; gap: 0.6rem; padding: 0.2rem 0.5rem; margin: 0.1rem 0; border-radius: var(--ac-radius);
  color: var(--ac-text); text-decoration: none; line-height: 2rem; }
.ac-nav-link:hover { background: color-mix(in srgb, var(--ac-muted) 15%, transparent); }
.ac-nav-link:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
.ac-nav-link[aria-current="page"] { background: color-mix(in srgb, var(--ac-muted) 25%, transparent); }
.ac-nav-link .ac-icon, .ac-nav-link .ac-icon-material { width: 1.25rem; text-align: center; flex-shrink: 0; }
.ac-nav-more { font: inherit; font-size: 0.875rem; border: none; background: none; color: var(--ac-muted); cursor: pointer;
  padding: 0.2rem 0.5rem; margin-top: 0.2rem; border-radius: var(--ac-radius); }
.ac-nav-more:hover { color: var(--ac-text); }
.ac-topnav { position: sticky; top: 0; z-index: 40; display: flex; align-items: center; gap: 0.25rem; flex-wrap: wrap;
  padding: 0.5rem 6rem 0.5rem 3rem; background: var(--ac-bg); border-bottom: 1px solid var(--ac-border); min-height: 3.5rem; }
.ac-topnav:empty { display: none; }
.ac-topnav .ac-nav-link { padding: 0.1rem 0.75rem; margin: 0; }
.ac-topnav .ac-nav-link[aria-current="page"] { background: none; box-shadow: inset 0 -2px 0 var(--ac-primary); border-radius: 0; }
.ac-topnav-menu { position: relative; }
.ac-topnav-menu > button { font: inherit; display: flex; align-items: center; gap: 0.3rem; border: none; background: none;
  color: var(--ac-text); padding: 0.1rem 0.75rem; line-height: 2rem; border-radius: var(--ac-radius); cursor: pointer; }
.ac-topnav-menu > button:hover { background: color-mix(in srgb, var(--ac-muted) 15%, transparent); }
.ac-topnav-menu > button.ac-nav-has-current { box-shadow: inset 0 -2px 0 var(--ac-primary); border-radius: 0; }
.ac-topnav ul { list-style: none; margin: 0; }
.ac-topnav-menu ul .ac-nav-link { display: flex; margin: 0.1rem 0; }
.ac-topnav-menu ul .ac-nav-link[aria-current="page"] { box-shadow: none; border-radius: var(--ac-radius);
  background: color-mix(in srgb, var(--ac-muted) 25%, transparent); }
.ac-topnav-menu ul { position: absolute; top: 100%; left: 0; min-width: 12rem; background: var(--ac-bg); border: 1px solid var(--ac-border);
  border-radius: var(--ac-radius); box-shadow: 0 4px 18px rgba(0,0,0,.15); padding: 0.3rem; z-index: 45; }
.ac-nav-error { margin: 3.5rem auto 0; width: min(46rem, 94%); background: var(--ac-error-bg); color: var(--ac-error);
  border-radius: var(--ac-radius); padding: 0.75rem 1rem; font-family: var(--ac-mono); font-size: 0.85rem; white-space: pre-wrap; }
.ac-nav-error[hidden] { display: none; }
@media (max-width: 768px) { .ac-topnav { padding: 0.5rem 5.5rem 0.5rem 3rem; } }
`);

const COLLAPSED_LIMIT = 10;
const narrow = window.matchMedia("(max-width: 768px)");

function follow(event, page, runtime) {
  if (page.external) return;  // an external page opens in a new tab by itself
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  runtime.navigate(page.url_path, "");
  // On a narrow screen the sidebar covers the page: out of the way once a page is chosen.
  if (narrow.matches && !document.body.classList.contains("ac-sidebar-closed") && event.target.closest("#ac-sidebar")) {
    document.getElementById("ac-sidebar-toggle")?.click();
  }
}

function PageLink({ page, current, runtime, onOpen }) {
  const external = !!page.external;
  return html`<a class="ac-nav-link" data-testid="ac-nav-link" data-url-path=${page.url_path}
      href=${external ? page.external : runtime.pageUrl(page.url_path, "")} title=${page.help || undefined}
      target=${external ? "_blank" : undefined} rel=${external ? "noopener noreferrer" : undefined}
      aria-current=${!external && page.url_path === current ? "page" : undefined}
      onClick=${(event) => { follow(event, page, runtime); onOpen?.(); }}>
    <${Icon} icon=${page.icon} /><span>${page.title}</span>
  </a>`;
}

// Pages grouped by section, in order; "A/B" nests B under A.
function groups(pages) {
  const out = [];
  let last;
  for (const page of pages) {
    const section = page.section || "";
    if (!last || last.section !== section) out.push(last = { section, pages: [] });
    last.pages.push(page);
  }
  return out;
}

function SidebarNav({ nav, runtime }) {
  const [more, setMore] = useState(false);
  const limit = nav.expanded === true ? Infinity : typeof nav.expanded === "number" && nav.expanded > 0 ? nav.expanded : COLLAPSED_LIMIT;
  const hidden = !more && nav.pages.length > limit ? nav.pages.length - limit : 0;
  const shown = hidden ? nav.pages.slice(0, limit) : nav.pages;
  let headed = [];
  const items = [];
  for (const group of groups(shown)) {
    const parts = group.section ? group.section.split("/") : [];
    parts.forEach((part, depth) => {
      if (headed[depth] === part && headed.slice(0, depth).every((p, i) => p === parts[i])) return;
      headed = [...parts.slice(0, depth), part];
      items.push(html`<li class=${`ac-nav-section${depth ? " ac-nav-nested" : ""}`} data-testid="ac-nav-section">${part}</li>`);
    });
    if (!parts.length) headed = [];
    for (const page of group.pages) {
      items.push(html`<li style=${parts.length > 1 ? { marginLeft: `${(parts.length - 1) * 0.75}rem` } : undefined}>
        <${PageLink} page=${page} current=${nav.current} runtime=${runtime} /></li>`);
    }
  }
  return html`<nav class="ac-nav" aria-label="Pages" data-testid="ac-sidebar-nav">
    <ul>${items}</ul>
    ${hidden ? html`<button type="button" class="ac-nav-more" onClick=${() => setMore(true)}>View ${hidden} more</button>`
      : more ? html`<button type="button" class="ac-nav-more" onClick=${() => setMore(false)}>View less</button>` : null}
  </nav>`;
}

function TopMenu({ section, pages, current, runtime }) {
  const [open, setOpen] = useState(false);
  const ref = useRef(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event) => { if (!ref.current?.contains(event.target)) setOpen(false); };
    const escape = (event) => { if (event.key === "Escape") setOpen(false); };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", escape);
    return () => { document.removeEventListener("pointerdown", close); document.removeEventListener("keydown", escape); };
  }, [open]);
  const holdsCurrent = pages.some((p) => !p.external && p.url_path === current);
  return html`<div class="ac-topnav-menu" ref=${ref} data-testid="ac-topnav-section">
    <button type="button" aria-expanded=${String(open)} aria-haspopup="true" class=${holdsCurrent ? "ac-nav-has-current" : ""}
      onClick=${() => setOpen(!open)}>${section.replace(/\//g, " / ")}<span aria-hidden="true">▾</span></button>
    ${open ? html`<ul role="menu">${pages.map((page) => html`<li role="none">
      <${PageLink} page=${page} current=${current} runtime=${runtime} onOpen=${() => setOpen(false)} /></li>`)}</ul>` : null}
  </div>`;
}

function TopNav({ nav, runtime }) {
  return groups(nav.pages).map((group) => (group.section
    ? html`<${TopMenu} section=${group.section} pages=${group.pages} current=${nav.current} runtime=${runtime} />`
    : group.pages.map((page) => html`<${PageLink} page=${page} current=${nav.current} runtime=${runtime} />`)));
}

function host(id, make) {
  let el = document.getElementById(id);
  if (!el) {
    el = make();
    el.id = id;
  }
  return el;
}

let lastTitle = null;

export function onMessage(message, runtime) {
  const sidebar = host("ac-nav", () => {
    const el = document.createElement("div");
    el.dataset.acSidebarContent = "";
    document.getElementById("ac-sidebar").prepend(el);
    return el;
  });
  const top = host("ac-topnav", () => {
    const el = document.createElement("header");
    el.className = "ac-topnav";
    el.dataset.testid = "ac-topnav";
    el.setAttribute("aria-label", "Pages");
    document.querySelector(".ac-column").prepend(el);
    return el;
  });
  // One page alone is no menu (as Streamlit).
  const listed = message.pages.length > 1 ? message.position : "hidden";
  render(listed === "sidebar" ? html`<${SidebarNav} nav=${message} runtime=${runtime} />` : null, sidebar);
  render(listed === "top" ? html`<${TopNav} nav=${message} runtime=${runtime} />` : null, top);
  document.body.classList.toggle("ac-has-topnav", listed === "top");
  runtime.updateSidebar();
  if (message.title && message.title !== lastTitle) {
    lastTitle = message.title;
    document.title = message.title;
  }
  // A page source's problem (a bad pages.toml) stays in view until the source is fixed.
  const problem = host("ac-nav-error", () => {
    const el = document.createElement("div");
    el.className = "ac-nav-error";
    el.setAttribute("role", "alert");
    el.dataset.testid = "ac-nav-error";
    document.querySelector(".ac-column").prepend(el);
    return el;
  });
  problem.textContent = message.error || "";
  problem.hidden = !message.error;
}
