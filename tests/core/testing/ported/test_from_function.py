from appcore.testing.v1 import AppTest


def greeting_app(greeting, *, who="you"):
    import appcore as st

    st.markdown(f"{greeting}, {who}!")


def test_from_function_passes_args_and_kwargs():
    at = AppTest.from_function(greeting_app, args=("Hello",), kwargs={"who": "Ada"}, default_timeout=10).run()
    assert at.markdown[0].value == "Hello, Ada!"


def test_from_string_with_a_default_timeout():
    at = AppTest.from_string("import appcore as st\nst.text('hi')", default_timeout=10)
    assert at.default_timeout == 10
    assert at.run().text[0].value == "hi"


def test_query_params_and_secrets_are_dicts_set_before_the_run():
    at = AppTest.from_string("import appcore as st\nst.text('hi')", default_timeout=10)
    at.query_params["tab"] = "2"
    at.secrets["token"] = "abc"
    at.run()
    assert at.query_params == {"tab": "2"} and at.secrets == {"token": "abc"}
