import appcore as st
from appcore_showpages import add_page_title

add_page_title()
st.write("Only a session that ticked 'I am an admin' on Home can open this page.")
