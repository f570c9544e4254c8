// st.dataframe: the grid (_grid.js) with its props. With on_select, the person's selection
// (rows as positions in the frame, columns and cells by name) goes to the server as the
// widget's value, {selection: {rows, columns, cells}}, and the page shows it at once.
import { html, useState, useEffect } from "appcore";
import { Grid } from "./_grid.js";

const EMPTY = { rows: [], columns: [], cells: [] };

function toggle(list, item, multi, required = false) {
  const key = JSON.stringify(item);
  const has = list.some((x) => JSON.stringify(x) === key);
  if (has) return required && list.length === 1 ? list : list.filter((x) => JSON.stringify(x) !== key);
  return multi ? [...list, item] : [item];
}

export default function DataFrame({ props, ctx }) {
  const modes = props.selection_mode;
  const [chosen, setChosen] = useState(props.value?.selection ?? EMPTY);
  useEffect(() => { setChosen(props.value?.selection ?? EMPTY); }, [props]);
  if (!modes) return html`<${Grid} props=${props} ctx=${ctx} />`;

  const selection = {
    modes,
    rows: new Set(chosen.rows),
    columns: new Set(chosen.columns),
    cells: new Set(chosen.cells.map(([r, c]) => `${r},${c}`)),
  };
  const onSelect = (kind, position, name) => {
    if (props.disabled) return;
    let next = chosen;
    if (kind === "row") {
      next = { ...chosen, rows: toggle(chosen.rows, position, modes.includes("multi-row"), modes.includes("single-row-required")) };
    } else if (kind === "column") {
      next = { ...chosen, columns: toggle(chosen.columns, position, modes.includes("multi-column")) };
    } else {
      next = { ...chosen, cells: toggle(chosen.cells, [position, name], modes.includes("multi-cell")) };
    }
    setChosen(next);
    ctx.setValue({ selection: next });
  };
  return html`<${Grid} props=${props} ctx=${ctx} selection=${selection} onSelect=${onSelect} />`;
}
