// st.segmented_control: joined toggle buttons (see _button_group.js).
import { buttonGroup } from "./_button_group.js";

export default buttonGroup("segmented_control");
