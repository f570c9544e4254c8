// st.toggle: the checkbox renderer draws a switch for elements of type "toggle".
export { default } from "./checkbox.js";
