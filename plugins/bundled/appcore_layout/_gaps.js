// Streamlit's gap sizes (st.columns, st.container), as CSS lengths.
const GAPS = { xxsmall: "0.25rem", xsmall: "0.5rem", small: "1rem", medium: "2rem", large: "4rem", xlarge: "6rem", xxlarge: "8rem" };

// Always a length with a unit, so calc() takes it (a bare 0 is a number there).
export const gapLength = (gap) => (gap === null ? "0px" : typeof gap === "number" ? `${gap}px` : GAPS[gap] || GAPS.small);
