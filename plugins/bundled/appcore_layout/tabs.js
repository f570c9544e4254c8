// st.tabs: a row of tab labels over the tabs' contents, one shown at a time; the open
// tab is underlined in the primary colour. Which tab is open is the person's choice,
// kept here across reruns (by label, so it survives tabs added before it); stateful
// tabs (on_change) report the open tab's label as their value.
import { html, css, useLayoutEffect, useRef, useState, widthStyle, useId } from "appcore";

css(`
.ac-tabs { display: flex; flex-direction: column; min-width: 0; }
.ac-tabs-list { display: flex; gap: 1rem; overflow-x: auto; scrollbar-width: thin; box-shadow: inset 0 -2px 0 var(--ac-bg2); margin-bottom: 1rem; }
.ac-tab-button { font: inherit; font-size: 0.875rem; line-height: 1.5; min-height: 2.5rem; padding: 0; border: none; border-bottom: 2px solid transparent;
  background: none; color: var(--ac-text); cursor: pointer; white-space: nowrap; flex: 0 0 auto; }
.ac-tab-button:hover { color: var(--ac-primary); }
.ac-tab-button[aria-selected="true"] { color: var(--ac-primary); border-bottom-color: var(--ac-primary); }
.ac-tab-button:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 2px; border-radius: 2px; }
.ac-tab-button .ac-label-md p { margin: 0; }
.ac-tabs-panels { min-width: 0; }
.ac-tabs-panels > .ac-el { margin-bottom: 0; }
.ac-tabs-panels > .ac-el[hidden] { display: none; }
.ac-tabs-scroll > .ac-tabs-panels { overflow-y: auto; flex: 1 1 auto; }
`);

export const children = (root) => root.querySelector(".ac-tabs-panels");

const indexOf = (p, isWidget) => {
  const found = isWidget ? p.tabs.indexOf(p.value) : p.default;
  return found >= 0 && found < p.tabs.length ? found : 0;
};

export default function Tabs({ props: p, ctx }) {
  const id = useId("tabs");
  const wanted = indexOf(p, !!ctx.widgetId);
  const [active, setActive] = useState(wanted);
  const shown = useRef({ labels: p.tabs, wanted });
  const panels = useRef(null);
  const list = useRef(null);
  // New props: the script's choice when it changed, else the same tab by its label.
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { labels: p.tabs, wanted };
    if (before.wanted !== wanted) { setActive(wanted); return; }
    const label = before.labels[active];
    const again = label === undefined ? -1 : p.tabs.indexOf(label);
    setActive(again >= 0 ? again : wanted);
  }, [p.tabs.join("\u0000"), wanted]);
  // Show the open tab's panel; the others stay in the page, hidden (their widgets keep their state).
  useLayoutEffect(() => {
    const host = panels.current;
    const apply = () => [...host.children].forEach((el, i) => {
      el.hidden = i !== active;
      el.setAttribute("role", "tabpanel");
      el.setAttribute("aria-labelledby", `${id}-${i}`);
    });
    apply();
    const watch = new MutationObserver(apply);
    watch.observe(host, { childList: true });
    return () => watch.disconnect();
  }, [active]);
  const choose = (index) => {
    setActive(index);
    if (ctx.widgetId && index !== active) ctx.setValue(p.tabs[index]);
  };
  const keys = (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const to = event.key === "Home" ? 0 : event.key === "End" ? p.tabs.length - 1
      : step ? (active + step + p.tabs.length) % p.tabs.length : null;
    if (to === null) return;
    event.preventDefault();
    choose(to);
    list.current.querySelectorAll("[role=tab]")[to]?.focus();
  };
  const fixed = typeof p.height === "number";
  const style = { ...widthStyle(p.width), height: fixed ? `${p.height}px` : p.height === "stretch" ? "100%" : undefined };
  return html`<div class=${fixed ? "ac-tabs ac-tabs-scroll" : "ac-tabs"} style=${style}>
    <div class="ac-tabs-list" role="tablist" ref=${list} onKeyDown=${keys}>
      ${p.tabs.map((label, i) => html`<button type="button" role="tab" id=${`${id}-${i}`} class="ac-tab-button"
          aria-selected=${String(i === active)} tabindex=${i === active ? 0 : -1} onClick=${() => choose(i)}>
        <${TabLabel} label=${label} html=${p.tabs_html?.[i]} />
      </button>`)}
    </div>
    <div class="ac-tabs-panels" ref=${panels} />
  </div>`;
}

function TabLabel({ label, html: rendered }) {
  return rendered ? html`<span class="ac-label-md" dangerouslySetInnerHTML=${{ __html: rendered }} />` : label;
}
