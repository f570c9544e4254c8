import appcore as st

st.title("Charts")
points = int(st.query_params.get("points", "5"))
st.markdown(f"Showing {points} points (try `?points=8` in the URL).")
st.line_chart({"y": [i * i for i in range(points)]})
