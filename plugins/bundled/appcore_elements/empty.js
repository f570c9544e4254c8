// st.empty: a placeholder that draws nothing until something replaces it.
export default function Empty() {
  return null;
}
