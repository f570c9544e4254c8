// st.map without a tile server: the points in Web Mercator at the spec's initial view,
// over a graticule (lines of latitude and longitude) on the page's surface colour.
// Drag to pan, wheel (or the +/- buttons) to zoom. props: spec (deck.gl JSON of one
// ScatterplotLayer, as Streamlit 1.67 sends), width, height, alt.
import { css, html, useLayoutEffect, useRef, useState, useEffect } from "appcore";

css(`
.ac-map { position: relative; width: 100%; overflow: hidden; border-radius: var(--ac-radius); background: var(--ac-surface); touch-action: none; cursor: grab; user-select: none; }
.ac-map:active { cursor: grabbing; }
.ac-map svg { display: block; }
.ac-map .ac-map-grid { stroke: var(--ac-border); stroke-width: 1; fill: none; }
.ac-map .ac-map-label { fill: var(--ac-muted); font: 11px var(--ac-font); }
.ac-map-zoom { position: absolute; top: 0.5rem; right: 0.5rem; display: flex; flex-direction: column; gap: 2px; }
.ac-map-zoom button { width: 1.8rem; height: 1.8rem; border: 1px solid var(--ac-border); border-radius: 0.3rem; background: var(--ac-bg); color: var(--ac-text); font: 1rem var(--ac-font); line-height: 1; cursor: pointer; }
.ac-map-zoom button:focus-visible { outline: 2px solid var(--ac-primary); outline-offset: 1px; }
`);

const TILE = 256;
const MAX_LAT = 85.0511;

function world(zoom) { return TILE * 2 ** zoom; }

function project(lon, lat, zoom) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return [((lon + 180) / 360) * world(zoom), (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world(zoom)];
}

function unproject(x, y, zoom) {
  const lon = (x / world(zoom)) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / world(zoom);
  return [lon, (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
}

// "@@=[lon, lat]" -> ["lon", "lat"]; "@@=size" -> "size"; anything else is a constant.
function accessor(value) {
  if (typeof value !== "string" || !value.startsWith("@@=")) return null;
  const body = value.slice(3).trim();
  return body.startsWith("[") ? body.slice(1, -1).split(",").map((s) => s.trim()) : body;
}

function rgba(c) {
  return Array.isArray(c) ? `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c.length > 3 ? c[3] : 255) / 255})` : null;
}

// A step between grid lines that gives a few lines across `degrees`.
function gridStep(degrees) {
  const steps = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 45, 90];
  return steps.find((s) => degrees / s <= 8) ?? 90;
}

function useWidth(root) {
  const [width, setWidth] = useState(root.clientWidth);
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => setWidth(root.clientWidth));
    observer.observe(root);
    return () => observer.disconnect();
  }, [root]);
  return width;
}

export default function MapChart({ props, ctx }) {
  const spec = props.spec || {};
  const initial = spec.initialViewState || { latitude: 0, longitude: 0, zoom: 1 };
  const [view, setView] = useState(initial);
  const start = JSON.stringify(initial);
  useEffect(() => setView(initial), [start]);  // a new initial view (new points) starts over
  const drag = useRef(null);
  const available = useWidth(ctx.root);
  const width = typeof props.width === "number" ? Math.min(props.width, available) : available;
  const height = typeof props.height === "number" ? props.height : 500;
  const layer = (spec.layers || [])[0];
  const rows = layer?.data || [];
  const label = props.alt || `Map of ${rows.length} point${rows.length === 1 ? "" : "s"}`;
  const zoomBy = (delta) => setView((v) => ({ ...v, zoom: Math.max(0, Math.min(20, v.zoom + delta)) }));
  const frame = html`<div class="ac-map-zoom"><button type="button" aria-label="Zoom in" onClick=${() => zoomBy(1)}>+</button>
    <button type="button" aria-label="Zoom out" onClick=${() => zoomBy(-1)}>−</button></div>`;
  if (!width) return html`<div class="ac-map" style=${{ height: `${height}px` }}><div role="img" aria-label=${label}></div></div>`;

  const [cx, cy] = project(view.longitude, view.latitude, view.zoom);
  const toScreen = (lon, lat) => {
    const [x, y] = project(lon, lat, view.zoom);
    return [x - cx + width / 2, y - cy + height / 2];
  };
  const [west, north] = unproject(cx - width / 2, cy - height / 2, view.zoom);
  const [east, south] = unproject(cx + width / 2, cy + height / 2, view.zoom);
  const step = gridStep(Math.max(east - west, 1e-9));
  const lines = [];
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    const [x] = toScreen(lon, 0);
    lines.push(html`<line class="ac-map-grid" x1=${x} x2=${x} y1="0" y2=${height} />`,
      html`<text class="ac-map-label" x=${x + 3} y=${height - 4}>${+lon.toFixed(4)}°</text>`);
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    const [, y] = toScreen(0, lat);
    lines.push(html`<line class="ac-map-grid" x1="0" x2=${width} y1=${y} y2=${y} />`,
      html`<text class="ac-map-label" x="3" y=${y - 3}>${+lat.toFixed(4)}°</text>`);
  }

  const position = accessor(layer?.getPosition) || ["lon", "lat"];
  const radiusField = accessor(layer?.getRadius);
  const colorField = accessor(layer?.getFillColor);
  const metresPerPixel = (lat) => (40075016.686 * Math.cos((lat * Math.PI) / 180)) / world(view.zoom);
  const minPixels = layer?.radiusMinPixels ?? 0;
  const constant = colorField ? null : layer?.getFillColor === "primary" || layer?.getFillColor == null
    ? "var(--ac-primary)" : rgba(layer.getFillColor);
  const points = rows.map((row) => {
    const lon = row[position[0]], lat = row[position[1]];
    const [x, y] = toScreen(lon, lat);
    const metres = radiusField ? row[radiusField] : layer.getRadius;
    const r = Math.max(minPixels, metres / metresPerPixel(lat));
    const fill = colorField ? rgba(row[colorField]) : constant;
    return html`<circle class="ac-map-point" cx=${x} cy=${y} r=${r} fill=${fill}
      fill-opacity=${constant === "var(--ac-primary)" ? 0.8 : undefined}><title>${lat}, ${lon}</title></circle>`;
  });

  const down = (event) => {
    if (event.target.closest("button")) return;
    drag.current = { x: event.clientX, y: event.clientY, cx, cy };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const move = (event) => {
    const d = drag.current;
    if (!d) return;
    const [lon, lat] = unproject(d.cx - (event.clientX - d.x), d.cy - (event.clientY - d.y), view.zoom);
    setView((v) => ({ ...v, longitude: lon, latitude: lat }));
  };
  const up = () => { drag.current = null; };
  const wheel = (event) => { event.preventDefault(); zoomBy(event.deltaY < 0 ? 0.5 : -0.5); };
  // The picture is an image with its name; the zoom buttons sit beside it, not in it (an image's content is not read).
  return html`<div class="ac-map" style=${{ height: `${height}px`, width: `${width}px` }} data-zoom=${view.zoom}
      onPointerDown=${down} onPointerMove=${move} onPointerUp=${up} onPointerCancel=${up} onWheel=${wheel}>
    <div role="img" aria-label=${label}>
      <svg aria-hidden="true" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`}>${lines}${points}</svg>
    </div>${frame}
  </div>`;
}
