// st.pydeck_chart: pydeck's JSON drawn by the vendored deck.gl (frontend/vendor/deck/, with
// its JSON converter in deck_json/, see scripts/vendor.py), loaded on the first chart. One
// Deck per element: a rerun with new props updates its layers in place, and the view the
// person panned to is kept unless the spec's initial view changes. The basemap a deck names
// (Carto or Mapbox tiles) is not drawn: the layers lie on the page's surface colour.
// With on_select, a click on an object of a pickable layer selects it, as Streamlit 1.67's
// PydeckState: {selection: {indices: {layerId: [i]}, objects: {layerId: [object]}}}.
import { html, css, useRef, useEffect, useMemo, useState, useVendored, widthStyle } from "appcore";

css(`
.ac-pydeck-chart { position: relative; max-width: 100%; overflow: hidden; border-radius: var(--ac-radius); background: var(--ac-surface); }
.ac-pydeck-chart .ac-pydeck-wait { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--ac-muted); font-size: 0.9rem; }
.ac-pydeck-chart .ac-pydeck-error { padding: 0.75rem; color: var(--ac-error); font-size: 0.9rem; white-space: pre-wrap; }
`);

// Props of a pydeck spec that are not the Deck's own here: the basemap it names is not drawn,
// and the element's width and height (st.pydeck_chart's) are the map's size.
const NOT_DECK_PROPS = ["mapProvider", "mapStyle", "mapboxKey", "googleMapsKey", "tooltip", "description", "width", "height"];

// One converter for every map: deck.gl's layer and view classes, by the names pydeck writes.
let converter = null;
function converterOf(deck, json) {
  if (converter) return converter;
  const classes = {};
  for (const [name, value] of Object.entries(deck)) {
    if (typeof value === "function" && /(Layer|View|Extension)$/.test(name)) classes[name] = value;
  }
  const configuration = new json.JSONConfiguration({
    classes, enumerations: { COORDINATE_SYSTEM: deck.COORDINATE_SYSTEM },
  });
  converter = new json.JSONConverter({ configuration });
  return converter;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// pydeck's tooltip: True shows every field of the object; {"text": ...} or {"html": ...}
// fill "{field}" from the object picked (values escaped in html), with an optional "style".
function tooltipOf(tooltip) {
  if (!tooltip) return null;
  return ({ object }) => {
    if (!object || typeof object !== "object") return null;
    const field = (name) => (name in object ? object[name] : object.properties?.[name]);
    if (tooltip === true) {
      return { text: Object.entries(object).filter(([, v]) => typeof v !== "object").map(([k, v]) => `${k}: ${v}`).join("\n") };
    }
    const fill = (template, escape) => String(template).replace(/\{([^{}]+)\}/g, (whole, name) => {
      const value = field(name.trim());
      return value === undefined ? whole : escape(value);
    });
    const out = tooltip.html ? { html: fill(tooltip.html, escapeHtml) } : { text: fill(tooltip.text ?? "", String) };
    if (tooltip.style && typeof tooltip.style === "object") out.style = tooltip.style;
    return out;
  };
}

const EMPTY = { indices: {}, objects: {} };

// A picked object as JSON (an aggregation cell holds its source points, all plain data).
function plain(object) {
  try { return JSON.parse(JSON.stringify(object ?? null)); } catch { return null; }
}

// The selection after a click: in "single-object" mode the object alone (or nothing, if it was
// the one selected); in "multi-object" mode the object added to its layer's list or taken out.
function picked(selection, mode, layerId, index, object) {
  if (layerId == null || index == null || index < 0) return EMPTY;
  const current = selection.indices[layerId] || [];
  const had = current.includes(index);
  if (mode !== "multi-object") {
    return had && current.length === 1 ? EMPTY : { indices: { [layerId]: [index] }, objects: { [layerId]: [plain(object)] } };
  }
  const indices = { ...selection.indices }, objects = { ...selection.objects };
  if (had) {
    const at = current.indexOf(index);
    indices[layerId] = current.filter((_, i) => i !== at);
    objects[layerId] = (objects[layerId] || []).filter((_, i) => i !== at);
    if (!indices[layerId].length) { delete indices[layerId]; delete objects[layerId]; }
  } else {
    indices[layerId] = [...current, index];
    objects[layerId] = [...(objects[layerId] || []), plain(object)];
  }
  return { indices, objects };
}

// The layers with the selected object of each highlighted (the last one picked, per layer).
function highlighted(layers, selection) {
  return layers.map((layer) => {
    const chosen = selection.indices[layer.id];
    return chosen?.length ? layer.clone({ highlightedObjectIndex: chosen[chosen.length - 1] }) : layer;
  });
}

export default function PydeckChart({ props: p, ctx }) {
  const deck = useVendored("deck", "deck.mjs");
  const json = useVendored("deck_json", "deck-json.mjs");
  const box = useRef(null);
  const instance = useRef(null);
  const mode = p.selection_mode;
  // The selection is kept here as the person picks (the server does not echo what the page
  // sent), and taken from the props when the server's value is a new one.
  const served = JSON.stringify(p.value?.selection ?? null);
  const [selection, setSelection] = useState(() => p.value?.selection || EMPTY);
  useEffect(() => { setSelection(p.value?.selection || EMPTY); }, [served]);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  const converted = useMemo(() => {
    if (!deck || !json) return null;
    try {
      const spec = structuredClone(p.spec || {});
      for (const name of NOT_DECK_PROPS) delete spec[name];
      return { props: converterOf(deck, json).convert(spec) };
    } catch (error) {
      return { error: String(error?.message || error) };
    }
  }, [deck, json, p.spec]);

  useEffect(() => {
    if (!deck || !converted?.props || !box.current) return;
    const { initialViewState, layers = [], views, ...rest } = converted.props;
    const next = {
      ...rest,
      initialViewState,
      layers: highlighted(layers, selectionRef.current),
      getTooltip: tooltipOf(p.tooltip),
      onClick: mode ? (info) => {
        const value = picked(selectionRef.current, mode, info.layer?.id, info.index, info.object);
        if (value === EMPTY && !Object.keys(selectionRef.current.indices).length) return;  // nothing was, nothing is
        setSelection(value);
        ctx.setValue({ selection: value });
      } : null,
    };
    if (views) next.views = views;
    else next.controller = rest.controller ?? true;
    // deck.gl moves the map only to an initial view unlike the last one: the same keeps where the person is.
    if (instance.current) instance.current.setProps(next);
    else instance.current = new deck.Deck({ parent: box.current, width: "100%", height: "100%", ...next });
  }, [deck, converted, p.tooltip, mode, selection]);

  useEffect(() => () => { instance.current?.finalize(); instance.current = null; }, []);

  const height = typeof p.height === "number" ? `${p.height}px` : "100%";
  const label = p.alt ? { role: "img", "aria-label": p.alt } : {};
  return html`<div class="ac-pydeck-chart" style=${{ ...widthStyle(p.width), height, minHeight: typeof p.height === "number" ? null : "300px" }} ...${label}>
    ${converted?.error ? html`<div class="ac-pydeck-error">This map could not be drawn: ${converted.error}</div>` : null}
    ${deck && json ? null : html`<div class="ac-pydeck-wait">Loading map…</div>`}
    <div ref=${box} style=${{ position: "absolute", inset: 0 }} />
  </div>`;
}
