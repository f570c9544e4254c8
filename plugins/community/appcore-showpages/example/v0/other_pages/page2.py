import appcore as st
from appcore_showpages import add_page_title

add_page_title()
st.write("The second page, listed with a `:books:` icon.")
