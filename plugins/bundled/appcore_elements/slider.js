// st.slider: one or two native range inputs on one rail. Sends on release
// (the change event), as Streamlit does; while dragging, only the bubble moves.
// Timelike sliders work in microseconds since 1970 and send ISO strings.
import { h, css, nextId, widgetLabel } from "appcore";
import { swap, applyWidth, formatNumber, formatMicros, decimals, isoToMicros, microsToIso } from "./_inputs.js";

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

export function mount(root, props, ctx) {
  const baseId = nextId("slider");
  const rail = h("div", { class: "ac-slider-rail", "aria-hidden": "true" });
  const track = h("div", { class: "ac-slider-track" }, rail);
  const minTick = h("span", { "aria-hidden": "true" });
  const maxTick = h("span", { "aria-hidden": "true" });
  const box = h("div", { class: "ac-slider" }, track, h("div", { class: "ac-slider-ticks" }, minTick, maxTick));
  let p = props;
  let inputs = [];
  let bubbles = [];
  let sent = JSON.stringify(props.value);
  let dragging = false;

  const timelike = () => ["date", "datetime", "time"].includes(p.data_type);
  const toPos = (v) => (timelike() ? isoToMicros(v, p.data_type) : Number(v));
  const fromPos = (pos) => {
    if (timelike()) return microsToIso(Math.round(pos), p.data_type);
    if (p.data_type === "int") return Math.round(pos);
    return Number(pos.toFixed(Math.min(decimals(p.step, p.format), 15)));
  };
  const show = (pos) => (timelike() ? formatMicros(p.format, pos, p.data_type) : formatNumber(p.format, fromPos(pos)));
  const pct = (pos) => ((pos - p.min) / (p.max - p.min)) * 100;
  const values = () => inputs.map((input) => fromPos(input.valueAsNumber));

  const paint = () => {
    const positions = inputs.map((input) => input.valueAsNumber);
    const percents = positions.map(pct);
    box.style.setProperty("--lo", `${inputs.length > 1 ? percents[0] : 0}%`);
    box.style.setProperty("--hi", `${percents[percents.length - 1]}%`);
    positions.forEach((pos, i) => {
      const text = show(pos);
      bubbles[i].textContent = text;
      // Keep the bubble over the thumb's centre: the thumb travels the width minus its own 1rem.
      bubbles[i].style.left = `calc(0.5rem + (100% - 1rem) * ${percents[i] / 100})`;
      inputs[i].setAttribute("aria-valuetext", text);
    });
  };

  const build = (count) => {
    for (const el of [...inputs, ...bubbles]) el.remove();
    inputs = [];
    bubbles = [];
    for (let i = 0; i < count; i++) {
      const input = h("input", { type: "range", id: i === 0 ? baseId : `${baseId}-${i}` });
      const bubble = h("output", { class: "ac-slider-bubble", for: input.id, "aria-hidden": "true" });
      input.addEventListener("input", () => {
        // The two thumbs of a range never cross.
        if (inputs.length === 2) {
          const [lo, hi] = inputs;
          if (lo.valueAsNumber > hi.valueAsNumber) {
            if (input === lo) lo.value = hi.value; else hi.value = lo.value;
          }
        }
        paint();
      });
      input.addEventListener("change", () => {
        const value = p.range ? values() : values()[0];
        const encoded = JSON.stringify(value);
        if (encoded === sent) return;
        sent = encoded;
        ctx.setValue(value);
      });
      inputs.push(input);
      bubbles.push(bubble);
      track.append(input, bubble);
    }
    box.classList.toggle("ac-slider-range", count > 1);
  };

  track.addEventListener("pointerdown", () => { dragging = true; });
  const release = () => { dragging = false; };
  window.addEventListener("pointerup", release);
  window.addEventListener("pointercancel", release);

  let label = widgetLabel(props, baseId);
  const update = (next) => {
    p = next;
    const list = p.range ? (Array.isArray(p.value) ? p.value : []) : [p.value];
    const count = p.range ? Math.max(list.length, 1) : 1;
    if (count !== inputs.length) build(count);
    label = swap(label, widgetLabel(p, baseId));
    inputs.forEach((input, i) => {
      input.min = p.min;
      input.max = p.max;
      input.step = p.step;
      input.disabled = !!p.disabled;
      const name = p.label ?? "";
      if (count > 1) input.setAttribute("aria-label", `${name} (${i === 0 ? "start" : "end"})`);
      else if (p.label_visibility !== "visible") input.setAttribute("aria-label", name);
      else input.removeAttribute("aria-label");
    });
    box.classList.toggle("ac-slider-disabled", !!p.disabled);
    minTick.textContent = show(p.min);
    maxTick.textContent = show(p.max);
    // The server's value wins unless a thumb is being dragged.
    if (!dragging) {
      list.forEach((v, i) => { if (inputs[i]) inputs[i].value = String(toPos(v)); });
      sent = JSON.stringify(p.value);
    }
    paint();
    applyWidth(root, p.width);
  };
  root.append(label, box);
  update(props);
  return {
    update,
    focus: () => inputs[0]?.focus(),
    destroy() {
      window.removeEventListener("pointerup", release);
      window.removeEventListener("pointercancel", release);
    },
  };
}
