"""A person form from a pydantic model: validation errors beside their fields, the saved instance below."""
import datetime as dt, enum
from typing import Literal
from pydantic import BaseModel, Field, SecretStr
import appcore as st
import appcore_pydantic as sp

class Color(str, enum.Enum):
    red = "red"
    blue = "blue"

class Address(BaseModel):
    street: str = "Main St"
    city: str = Field(..., min_length=2)

class Person(BaseModel):
    name: str = Field(..., max_length=10, description="Your name")
    age: int = Field(18, ge=0, le=120)
    height: float = Field(1.7, multiple_of=0.01)
    subscribed: bool = False
    color: Color = Color.red
    kind: Literal["a", "b"] = "a"
    tags: set[Color] = set()
    born: dt.date = dt.date(2000, 1, 1)
    wake: dt.time = dt.time(7, 0)
    password: SecretStr = SecretStr("secret")
    notes: str = Field("", json_schema_extra={"format": "multi-line"})
    address: Address

person = sp.pydantic_form(key="person", model=Person)
if person:
    st.success(f"saved {person.name}")
    sp.pydantic_output(person)
