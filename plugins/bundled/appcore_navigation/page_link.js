// st.page_link: a link to a page of the app (opened by the runtime's history routing,
// no reload) or to an external URL (a new tab).
import { html, css, Icon, LabelText, Help, widthStyle } from "appcore";

css(`
.ac-page-link { display: inline-flex; align-items: center; gap: 0.5rem; padding: 0.25rem 0.5rem; border-radius: var(--ac-radius);
  color: var(--ac-text); text-decoration: none; max-width: 100%; }
.ac-page-link:hover { background: color-mix(in srgb, var(--ac-muted) 15%, transparent); }
.ac-page-link:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
.ac-page-link[aria-current="page"] { background: color-mix(in srgb, var(--ac-muted) 25%, transparent); }
.ac-page-link[aria-disabled="true"] { opacity: 0.55; pointer-events: none; }
.ac-page-link-wide { display: flex; }
.ac-page-link .ac-label-md p { margin: 0; }
`);

export default function PageLink({ props: p, ctx }) {
  const runtime = ctx.runtime;
  const external = !!p.external;
  const href = external ? p.external : runtime.pageUrl(p.url_path, p.query);
  const icon = html`<${Icon} icon=${p.icon} />`;
  const open = (event) => {
    if (external || p.disabled) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    runtime.navigate(p.url_path, p.query);
  };
  return html`<a class=${`ac-page-link${p.width === "stretch" ? " ac-page-link-wide" : ""}`} style=${widthStyle(p.width)}
      href=${p.disabled ? undefined : href} target=${external ? "_blank" : undefined}
      rel=${external ? "noopener noreferrer" : undefined} title=${p.help || undefined}
      aria-current=${p.active ? "page" : undefined} aria-disabled=${p.disabled ? "true" : undefined} onClick=${open}>
    ${p.icon_position === "right" ? null : icon}<span><${LabelText} props=${p} /></span>${p.icon_position === "right" ? icon : null}
  </a>`;
}
