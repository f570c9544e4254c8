// st.pills: rounded toggle buttons (see _button_group.js).
import { buttonGroup } from "./_button_group.js";

export default buttonGroup("pills");
