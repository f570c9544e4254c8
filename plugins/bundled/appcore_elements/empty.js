// st.empty: a placeholder that draws nothing until something replaces it.
export function mount() {
  return { update() {} };
}
