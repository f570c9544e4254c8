// st.select_slider: the slider renderer over option indices (props.options gives the labels).
export { default } from "./slider.js";
