// st.components.v2: a component without an iframe. Its HTML and CSS go into the element (into
// a shadow root when styles are isolated); its module's default export is called with
// { name, key, data, parentElement, setStateValue, setTriggerValue } each time data changes,
// and the cleanup it returns runs when the element goes. The theme reaches it as --st-* variables.
import { html, css, widthStyle, loadVendored, useEffect, useLayoutEffect, useRef, nextId } from "appcore";
import { componentUrl, fromBase64 } from "./frame.js";

css(`
.ac-bidi { display: block; min-width: 0; }
`);

// The page's theme under Streamlit's names; var() references follow light/dark and config colours.
const THEME = {
  "--st-primary-color": "var(--ac-primary)", "--st-background-color": "var(--ac-bg)",
  "--st-secondary-background-color": "var(--ac-surface)", "--st-text-color": "var(--ac-text)",
  "--st-font": "var(--ac-font)", "--st-heading-font": "var(--ac-font)", "--st-code-font": "var(--ac-mono)",
  "--st-border-color": "var(--ac-border)", "--st-link-color": "var(--ac-primary)",
  "--st-base-radius": "var(--ac-radius)", "--st-button-radius": "var(--ac-radius)", "--st-base-font-size": "16px",
};

// One module URL per script text, as Streamlit's host keeps them.
const moduleUrls = new Map();
function moduleUrl(source, name) {
  let url = moduleUrls.get(source);
  if (!url) {
    url = URL.createObjectURL(new Blob([`${source}\n//# sourceURL=appcore-bidi-${name}.js`], { type: "text/javascript" }));
    moduleUrls.set(source, url);
  }
  return url;
}

// A packaged component's file under its asset_dir, as an absolute URL, so the module's own
// relative imports (chunks, workers) resolve as they do under Streamlit.
function assetUrl(p, file) {
  return new URL(componentUrl(p.name, file), document.baseURI).href;
}

// What the module receives as `data`, as Streamlit's host hands it over: JSON as it is, bytes
// and a dataframe as the whole of `data` as a Uint8Array (the dataframe's Arrow IPC stream),
// and the dataframes inside a dict as Arrow tables (the vendored Apache Arrow, loaded for them).
async function decodeData(p) {
  if (p.data_bytes != null) return fromBase64(p.data_bytes);
  if (p.data_arrow != null) return fromBase64(p.data_arrow);
  if (!p.data_arrow_blobs) return p.data ?? null;
  const arrow = await loadVendored("arrow", "arrow.mjs");
  const data = {};
  for (const [name, value] of Object.entries(p.data)) {
    const ref = value && typeof value === "object" ? value.__streamlit_arrow_ref__ : undefined;
    const blob = typeof ref === "string" ? p.data_arrow_blobs[ref] : undefined;
    data[name] = ref === undefined ? value : blob && arrow ? arrow.tableFromIPC(fromBase64(blob)) : null;
  }
  return data;
}

export default function BidiComponent({ props: p, ctx }) {
  const host = useRef(null);
  const live = useRef({ root: null, cleanup: null, state: {}, instanceKey: nextId("st-bidi-component") });
  live.current.state = { ...(p.value || {}) };
  live.current.props = p;

  useLayoutEffect(() => {
    const el = host.current;
    live.current.root = p.isolate_styles ? (el.shadowRoot || el.attachShadow({ mode: "open" })) : el;
    return () => {
      const { cleanup } = live.current;
      if (cleanup) Promise.resolve(cleanup).then((fn) => typeof fn === "function" && fn())
        .catch((error) => console.error("appcore: a component's cleanup failed", error));
    };
  }, []);

  // Its HTML and CSS, as one block the module then finds with parentElement.querySelector.
  useLayoutEffect(() => {
    const root = live.current.root;
    const block = document.createElement("div");
    if (p.html) {
      const markup = document.createElement("div");
      markup.innerHTML = p.html;
      block.append(markup);
    }
    if (p.css) block.append(Object.assign(document.createElement("style"), { textContent: p.css }));
    if (p.css_file) block.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: assetUrl(p, p.css_file) }));
    live.current.block?.remove();
    root.append(block);
    live.current.block = block;
  }, [p.html, p.css, p.css_file]);

  const dataKey = p.data_bytes ?? p.data_arrow ?? JSON.stringify([p.data ?? null, p.data_arrow_blobs ?? null]);
  useEffect(() => {
    if (!p.js && !p.js_file) return undefined;
    let cancelled = false;
    // What the module sets in one task goes as one message, so one run sees a click's
    // setStateValue and setTriggerValue together (Streamlit batches them too).
    let queued = null;
    const flush = () => {
      const { state, triggers } = queued;
      queued = null;
      if (!triggers.length) { ctx.setValue(state); return; }
      triggers.forEach(([event, value], i) => ctx.send({
        t: "bidi_trigger", id: ctx.widgetId, event, value, ...(i === 0 && state ? { state } : {}) }));
    };
    const enqueue = () => {
      if (!queued) { queued = { state: null, triggers: [] }; queueMicrotask(flush); }
      return queued;
    };
    const api = {
      name: p.name,
      key: live.current.instanceKey,
      data: null,
      parentElement: live.current.root,
      setStateValue(name, value) {
        const state = { ...live.current.state, [name]: value };
        live.current.state = state;
        enqueue().state = state;
      },
      setTriggerValue(event, value) {
        if (live.current.props.in_form) {
          console.warn("appcore: setTriggerValue is ignored inside st.form: triggers are not allowed in forms; " +
            "use setStateValue and the form's submit button.");
          return;
        }
        enqueue().triggers.push([event, value === undefined ? null : value]);
      },
    };
    Promise.all([import(p.js_file ? assetUrl(p, p.js_file) : moduleUrl(p.js, p.name)), decodeData(p)]).then(([module, data]) => {
      if (cancelled) return;
      api.data = data;
      if (typeof module.default !== "function") throw new Error("JS module does not have a default export function.");
      const cleanup = module.default(api);
      if (cleanup) live.current.cleanup = cleanup;
    }).catch((error) => console.error(`appcore: component ${p.name} failed`, error));
    return () => { cancelled = true; };
  }, [p.js, p.js_file, dataKey, p.name]);

  const style = {
    ...THEME, ...widthStyle(p.width),
    height: typeof p.height === "number" ? `${p.height}px` : p.height === "stretch" ? "100%" : undefined,
  };
  return html`<div ref=${host} class="ac-bidi" style=${style} data-component=${p.name} />`;
}
