// st.slider: one or two native range inputs on one rail. Sends on release
// (the change event), as Streamlit does; while dragging, only the bubble moves.
// Timelike sliders work in microseconds since 1970 and send ISO strings;
// select_slider (props.options) works in option indices.
import { html, css, Field, formatNumber, useId, useEffect, useLayoutEffect, useRef, useState } from "appcore";
import { formatMicros, decimals, isoToMicros, microsToIso } from "./_inputs.js";

css(`
.ac-slider { position: relative; padding: 1.5rem 0.5rem 0; }
.ac-slider-track { position: relative; height: 1.4rem; }
.ac-slider-rail { position: absolute; left: 0.5rem; right: 0.5rem; top: 50%; height: 4px; transform: translateY(-50%); border-radius: 2px;
  background: linear-gradient(to right, var(--ac-border) var(--lo), var(--ac-primary) var(--lo), var(--ac-primary) var(--hi), var(--ac-border) var(--hi)); }
.ac-slider input[type=range] { position: absolute; left: 0; top: 0; width: 100%; height: 100%; margin: 0; background: transparent; -webkit-appearance: none; appearance: none; cursor: pointer; }
.ac-slider-range input[type=range] { pointer-events: none; }
.ac-slider input[type=range]::-webkit-slider-runnable-track { background: transparent; height: 100%; }
.ac-slider input[type=range]::-moz-range-track { background: transparent; }
.ac-slider input[type=range]::-webkit-slider-thumb { -webkit-appearance: none; pointer-events: auto; width: 1rem; height: 1rem; margin-top: 0.2rem; border-radius: 50%; background: var(--ac-primary); border: 0; cursor: grab; }
.ac-slider input[type=range]::-moz-range-thumb { pointer-events: auto; width: 1rem; height: 1rem; border-radius: 50%; background: var(--ac-primary); border: 0; cursor: grab; }
.ac-slider input[type=range]:focus { outline: none; }
.ac-slider input[type=range]:focus-visible::-webkit-slider-thumb { box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--ac-primary) 35%, transparent); }
.ac-slider input[type=range]:focus-visible::-moz-range-thumb { box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--ac-primary) 35%, transparent); }
.ac-slider input[type=range]:disabled { cursor: not-allowed; }
.ac-slider input[type=range]:disabled::-webkit-slider-thumb { background: var(--ac-muted); cursor: not-allowed; }
.ac-slider input[type=range]:disabled::-moz-range-thumb { background: var(--ac-muted); cursor: not-allowed; }
.ac-slider-disabled .ac-slider-rail { opacity: 0.5; }
.ac-slider-bubble { position: absolute; top: -1.45rem; transform: translateX(-50%); font-size: 0.85rem; color: var(--ac-primary); white-space: nowrap; pointer-events: none; font-variant-numeric: tabular-nums; }
.ac-slider-disabled .ac-slider-bubble { color: var(--ac-muted); }
.ac-slider-ticks { display: flex; justify-content: space-between; font-size: 0.75rem; color: var(--ac-muted); margin-top: 0.1rem; }
`);

export default function Slider({ props: p, ctx }) {
  const baseId = useId("slider");
  const timelike = ["date", "datetime", "time"].includes(p.data_type);
  const toPos = (v) => (timelike ? isoToMicros(v, p.data_type) : Number(v));
  const fromPos = (pos) => {
    if (timelike) return microsToIso(Math.round(pos), p.data_type);
    if (p.data_type === "int") return Math.round(pos);
    return Number(pos.toFixed(Math.min(decimals(p.step, p.format), 15)));
  };
  // As Streamlit's slider: the format alone, no precision (a bad printf pattern shows the bare value).
  const number = (value) => { try { return formatNumber(value, p.format); } catch { return String(value); } };
  // select_slider sends its options: a position is an index into them.
  const show = (pos) => (p.options ? String(p.options[Math.round(pos)] ?? "")
    : timelike ? formatMicros(p.format, pos, p.data_type) : number(fromPos(pos)));
  const pct = (pos) => ((pos - p.min) / (p.max - p.min)) * 100;
  const serverPositions = () => {
    const list = p.range ? (Array.isArray(p.value) ? p.value : []) : [p.value];
    return (list.length ? list : [p.min]).map(toPos);
  };
  const [positions, setPositions] = useState(serverPositions);
  const latest = useRef(positions);  // input and change can both fire before a re-render
  latest.current = positions;
  const dragging = useRef(false);
  const sent = useRef(JSON.stringify(p.value));
  // The server's value wins unless a thumb is being dragged.
  useLayoutEffect(() => {
    if (dragging.current) return;
    setPositions(serverPositions());
    sent.current = JSON.stringify(p.value);
  }, [p]);
  useEffect(() => {
    const release = () => { dragging.current = false; };
    window.addEventListener("pointerup", release);
    window.addEventListener("pointercancel", release);
    return () => {
      window.removeEventListener("pointerup", release);
      window.removeEventListener("pointercancel", release);
    };
  }, []);
  const move = (i, pos) => {
    const next = [...latest.current];
    next[i] = pos;
    // The two thumbs of a range never cross.
    if (next.length === 2 && next[0] > next[1]) next[i] = next[1 - i];
    latest.current = next;
    setPositions(next);
    return next;
  };
  const change = (i, pos) => {
    const values = move(i, pos).map(fromPos);
    const value = p.range ? values : values[0];
    const encoded = JSON.stringify(value);
    if (encoded === sent.current) return;
    sent.current = encoded;
    ctx.setValue(value);
  };
  const percents = positions.map(pct);
  const range = positions.length > 1;
  const rail = { "--lo": `${range ? percents[0] : 0}%`, "--hi": `${percents[percents.length - 1]}%` };
  return html`<${Field} props=${p} id=${baseId}>${(control) => html`<div
      class=${`ac-slider${range ? " ac-slider-range" : ""}${p.disabled ? " ac-slider-disabled" : ""}`} style=${rail}>
    <div class="ac-slider-track" onPointerDown=${() => { dragging.current = true; }}>
      <div class="ac-slider-rail" aria-hidden="true" />
      ${positions.map((pos, i) => {
        const id = i === 0 ? baseId : `${baseId}-${i}`;
        const text = show(pos);
        // A range's thumbs are named by the label and their end; one thumb by the label itself.
        const name = range ? { "aria-label": `${p.label ?? ""} (${i === 0 ? "start" : "end"})` } : control;
        return [
          html`<input ...${name} id=${id} type="range" min=${p.min} max=${p.max} step=${p.step} disabled=${!!p.disabled}
            value=${String(pos)} aria-valuetext=${text}
            onInput=${(event) => move(i, event.currentTarget.valueAsNumber)}
            onChange=${(event) => change(i, event.currentTarget.valueAsNumber)} />`,
          // Over the thumb's centre: the thumb travels the width minus its own 1rem.
          html`<output class="ac-slider-bubble" for=${id} aria-hidden="true"
            style=${{ left: `calc(0.5rem + (100% - 1rem) * ${percents[i] / 100})` }}>${text}</output>`,
        ];
      })}
    </div>
    <div class="ac-slider-ticks"><span aria-hidden="true">${show(p.min)}</span><span aria-hidden="true">${show(p.max)}</span></div>
  </div>`}<//>`;
}
