"""appcore-pydantic through AppTest: which widget each field gets, the values that come back,
and validation errors beside their fields (field mapping as streamlit-pydantic 0.6.0's, read
from its source; its release cannot be run here, it fails to import under pydantic v2)."""
from __future__ import annotations

from pathlib import Path

from appcore.testing import AppTest

EXAMPLE = Path(__file__).parents[1] / "example.py"
MODELS = '''
import dataclasses, datetime as dt, enum
from typing import Literal, Optional
from pydantic import BaseModel, Field, SecretStr
import appcore as st
import appcore_pydantic as sp

class Color(str, enum.Enum):
    red = "red"
    blue = "blue"

class Settings(BaseModel):
    volume: int = Field(5, ge=0, le=10)
    ratio: float = Field(0.5, multiple_of=0.05)
    level: int = 3
    color: Color = Color.blue
    kind: Literal["x", "y"] = "y"
    tags: list[Color] = [Color.red]
    quiet: bool = True
    note: str = Field("hi", max_length=5, description="A short note")
    story: str = Field("", json_schema_extra={"format": "multi-line"})
    secret: SecretStr = SecretStr("s3")
    fixed: str = Field("locked", json_schema_extra={"readOnly": True})
    nick: str = Field("n", json_schema_extra={"st_kwargs_placeholder": "a nickname"})
    when: dt.date = dt.date(2024, 5, 1)
    maybe: Optional[int] = None

@dataclasses.dataclass
class Point:
    x: int = 1
    label: str = "origin"
'''


def run(body: str) -> AppTest:
    return AppTest.from_string(MODELS + body).run()


def widget(at: AppTest, key: str):
    return next(node for node in at.main if getattr(node, "key", None) == key)


def test_each_field_gets_streamlit_pydantics_widget() -> None:
    at = run("values = sp.pydantic_input('s', Settings)\nst.session_state['values'] = values")
    assert not at.exception
    kinds = {name: widget(at, f"s-{name}").type for name in (
        "volume", "ratio", "level", "color", "kind", "tags", "quiet", "note", "story", "secret", "when", "maybe")}
    assert kinds == {"volume": "slider", "ratio": "number_input", "level": "number_input", "color": "selectbox",
                     "kind": "selectbox", "tags": "multiselect", "quiet": "checkbox", "note": "text_input",
                     "story": "text_area", "secret": "text_input", "when": "date_input", "maybe": "number_input"}
    assert widget(at, "s-ratio").props["step"] == 0.05
    assert widget(at, "s-note").props["max_chars"] == 5
    assert widget(at, "s-note").help == "A short note"
    assert widget(at, "s-secret").props["type"] == "password"
    assert widget(at, "s-fixed").disabled
    assert widget(at, "s-nick").props["placeholder"] == "a nickname"
    values = at.session_state["values"]
    assert values["volume"] == 5 and values["color"] == "blue" and values["tags"] == ["red"]
    assert values["secret"] == "s3" and values["quiet"] is True


def test_an_instance_prefills_and_a_dataclass_works_too() -> None:
    at = run("""
values = sp.pydantic_input('s', Settings(volume=9, note="yo"))
p = sp.pydantic_form('p', Point(x=7))
st.session_state['values'] = values
""")
    assert widget(at, "s-volume").value == 9 and widget(at, "s-note").value == "yo"
    assert widget(at, "p-x").value == 7 and widget(at, "p-label").value == "origin"
    widget(at, "p-x").set_value(8)
    at.button[0].click().run()
    assert at.session_state["values"]["volume"] == 9


def test_a_form_returns_the_validated_instance_on_submit() -> None:
    at = run("""
point = sp.pydantic_form('p', Point)
st.markdown(f"point={point!r}")
""")
    assert at.markdown[-1].value == "point=None"
    widget(at, "p-x").set_value(42)
    widget(at, "p-label").input("there")
    at.button[0].click().run()
    assert at.markdown[-1].value == "point=Point(x=42, label='there')"


def test_validation_errors_show_under_their_fields_and_what_was_typed_stays() -> None:
    at = AppTest.from_file(str(EXAMPLE)).run()
    at.text_input(key="person-name").input("Ann")
    at.text_input(key="person-address-city").input("X")  # too short
    at.button[0].click().run()
    errors = [e.value for e in at.error]
    assert "String should have at least 2 characters" in errors
    assert any("address.city" in e for e in errors)
    assert not at.success
    # The error sits right under the city field.
    nodes = [n for n in at.main]
    city = nodes.index(at.text_input(key="person-address-city"))
    assert nodes[city + 1].type == "error"
    assert at.text_input(key="person-name").value == "Ann"
    at.text_input(key="person-address-city").input("Oslo")
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["saved Ann"]
    assert not at.error


def test_labels_lowercased_and_empty_values_ignored_when_asked() -> None:
    at = run("""
class Small(BaseModel):
    First_Name: str = ""
    count: int = 0
st.session_state['values'] = sp.pydantic_input('s', Small, lowercase_labels=True, ignore_empty_values=True)
""")
    assert widget(at, "s-First_Name").label == "first name"
    assert "First_Name" not in at.session_state["values"]
    assert at.session_state["values"]["count"] == 0


def test_optional_fields_go_to_the_sidebar_when_asked() -> None:
    at = run("""
class Mixed(BaseModel):
    needed: str
    extra: int = 1
sp.pydantic_input('m', Mixed, group_optional_fields='sidebar')
""")
    assert [n.key for n in at.sidebar if getattr(n, "key", None)] == ["m-extra"]
    assert "m-needed" in [getattr(n, "key", None) for n in at.main]


def test_pydantic_output_shows_each_field() -> None:
    at = run("sp.pydantic_output(Point(x=3, label='here'))")
    assert [m.value for m in at.markdown] == ["**X:** 3", "**Label:** here"]


def test_a_list_of_plain_values_says_it_is_not_supported_yet() -> None:
    at = run("""
class Listy(BaseModel):
    names: list[str] = []
sp.pydantic_input('l', Listy)
""")
    assert "not supported yet" in at.exception[0].message


def test_a_nested_models_own_defaults_fill_its_fields() -> None:
    at = AppTest.from_file(str(EXAMPLE)).run()
    assert at.text_input(key="person-address-street").value == "Main St"
