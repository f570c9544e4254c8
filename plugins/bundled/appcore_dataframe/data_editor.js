// st.data_editor: the grid (_grid.js) with cells to edit, rows to add and, with row checkboxes,
// rows to delete. The value is Streamlit's edit record, {edited_rows, added_rows,
// deleted_rows}, sent after each change; inside a form it waits for the submit.
import { html, useState, useEffect } from "appcore";
import { Grid } from "./_grid.js";

const EMPTY = { edited_rows: {}, added_rows: [], deleted_rows: [] };

export default function DataEditor({ props, ctx }) {
  const [record, setRecord] = useState(props.value ?? EMPTY);
  const [checked, setChecked] = useState([]); // rows ticked for deletion: positions, or "added-i"
  useEffect(() => { setRecord(props.value ?? EMPTY); setChecked([]); }, [props]);
  const mode = props.editing_mode;
  const canAdd = !props.disabled && (mode === "dynamic" || mode === "add");
  const canDelete = !props.disabled && (mode === "dynamic" || mode === "delete");

  const change = (next) => { setRecord(next); ctx.setValue(next); };
  const edit = {
    record,
    editable: new Set(props.disabled ? [] : props.editable),
    indexEditable: new Set(props.disabled ? [] : props.index_editable),
    canAdd,
    canDelete,
    onCell(target, name, value) {
      if (target.added !== undefined) {
        const added = record.added_rows.map((row, i) => (i === target.added ? { ...row, [name]: value } : row));
        change({ ...record, added_rows: added });
        return;
      }
      const key = String(target.position);
      change({ ...record, edited_rows: { ...record.edited_rows, [key]: { ...(record.edited_rows[key] ?? {}), [name]: value } } });
    },
    onAdd() { change({ ...record, added_rows: [...record.added_rows, {}] }); },
    onDelete() {
      const base = checked.filter((p) => typeof p === "number");
      const dropped = new Set(checked.filter((p) => typeof p === "string").map((p) => Number(p.slice(6))));
      setChecked([]);
      change({
        ...record,
        deleted_rows: [...new Set([...record.deleted_rows, ...base])].sort((a, b) => a - b),
        added_rows: record.added_rows.filter((_, i) => !dropped.has(i)),
      });
    },
  };
  const selection = canDelete ? { modes: ["multi-row"], rows: new Set(checked), columns: new Set(), cells: new Set() } : null;
  const onSelect = (kind, position) => {
    if (kind !== "row") return;
    setChecked((list) => (list.includes(position) ? list.filter((p) => p !== position) : [...list, position]));
  };
  return html`<${Grid} props=${props} ctx=${ctx} selection=${selection} onSelect=${onSelect} edit=${edit} />`;
}
