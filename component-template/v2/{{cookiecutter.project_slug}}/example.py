import appcore as st

from {{ cookiecutter.package_name }} import {{ cookiecutter.package_name }}

st.title("{{ cookiecutter.component_name }}")
clicks = {{ cookiecutter.package_name }}("Click me", key="clicks")
st.write(f"Clicked {clicks} times")
