"""Widgets from a model's JSON schema (pydantic v2's, for models and dataclasses alike).

Each property becomes the widget streamlit-pydantic draws for it: text for
strings (``maxLength`` is ``max_chars``, ``format: multi-line`` a text area, a
secret a password field), a slider for a number with both bounds and a number
input otherwise (``multipleOf`` is the step), a checkbox, a selectbox for an
enum or a Literal, a multiselect for a list or set of them, date, time and
date-and-time inputs, a colour picker, and a group for a nested model.
``readOnly`` disables a widget, ``description`` is its help, and
``st_kwargs_<name>`` in ``json_schema_extra`` overrides any widget argument.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import appcore as st
from pydantic import BaseModel, TypeAdapter, ValidationError

T = TypeVar("T")
GroupOptionalFields = Literal["no", "sidebar", "expander"]
OVERRIDE_PREFIX = "st_kwargs_"
NO_DEFAULT: Any = object()


def _model_class(model: Any) -> type:
    if isinstance(model, type):
        return model
    if isinstance(model, BaseModel) or dataclasses.is_dataclass(model):
        return type(model)
    raise TypeError(f"model must be a pydantic model or a dataclass (a class or an instance), "
                    f"not {type(model).__name__}")


def _initial_values(model: Any) -> dict[str, Any]:
    """What the widgets start from: an instance's values, else the fields' defaults."""
    if isinstance(model, BaseModel):
        return {name: getattr(model, name) for name in type(model).model_fields}
    if dataclasses.is_dataclass(model) and not isinstance(model, type):
        return {field.name: getattr(model, field.name) for field in dataclasses.fields(model)}
    values: dict[str, Any] = {}
    if isinstance(model, type) and issubclass(model, BaseModel):
        for name, field in model.model_fields.items():
            if not field.is_required():
                values[name] = field.get_default(call_default_factory=True)
    elif dataclasses.is_dataclass(model):
        for field in dataclasses.fields(model):
            if field.default is not dataclasses.MISSING:
                values[field.name] = field.default
            elif field.default_factory is not dataclasses.MISSING:
                values[field.name] = field.default_factory()
    return values


def _plain(value: Any) -> Any:
    """An initial value as the widget takes it (an enum member by its value, a secret revealed)."""
    if isinstance(value, enum.Enum):
        return value.value
    if hasattr(value, "get_secret_value"):
        return value.get_secret_value()
    if isinstance(value, (set, frozenset, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _from_schema_default(prop: dict[str, Any]) -> Any:
    """A default as the JSON schema writes it, back to what the widget takes."""
    value = prop["default"]
    parse = {"date": dt.date.fromisoformat, "time": dt.time.fromisoformat,
             "date-time": dt.datetime.fromisoformat}.get(prop.get("format"))
    if parse is not None and isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            return None
    return value


class _Form:
    def __init__(self, key: str, defs: dict[str, Any], lowercase_labels: bool, ignore_empty_values: bool):
        self.key = key
        self.defs = defs
        self.lowercase_labels = lowercase_labels
        self.ignore_empty_values = ignore_empty_values
        self.error_slots: dict[tuple[str, ...], Any] = {}

    def resolve(self, prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The property with its ``$ref`` followed and ``Optional`` unwrapped; and whether None is allowed."""
        nullable = False
        if "anyOf" in prop:
            options = [p for p in prop["anyOf"] if p.get("type") != "null"]
            nullable = len(options) < len(prop["anyOf"])
            if len(options) == 1:
                prop = {**{k: v for k, v in prop.items() if k != "anyOf"}, **options[0]}
        if "allOf" in prop and len(prop["allOf"]) == 1:
            prop = {**{k: v for k, v in prop.items() if k != "allOf"}, **prop["allOf"][0]}
        if "$ref" in prop:
            target = self.defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
            prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
        return prop, nullable

    def widget_kwargs(self, path: tuple[str, ...], prop: dict[str, Any]) -> dict[str, Any]:
        label = prop.get("title") or path[-1]
        kwargs: dict[str, Any] = {"label": label.lower() if self.lowercase_labels else label,
                                  "key": "-".join((self.key, *path)), "disabled": bool(prop.get("readOnly"))}
        if prop.get("description"):
            kwargs["help"] = prop["description"]
        return kwargs

    @staticmethod
    def overrides(prop: dict[str, Any]) -> dict[str, Any]:
        return {name[len(OVERRIDE_PREFIX):]: value for name, value in prop.items() if name.startswith(OVERRIDE_PREFIX)}

    # -- one property ----------------------------------------------------------------

    def field(self, path: tuple[str, ...], raw: dict[str, Any], initial: Any) -> Any:
        prop, nullable = self.resolve(raw)
        kind = prop.get("type")
        if kind == "object" and "properties" in prop:
            return self.group(path, prop, initial)
        if initial is None and "default" in prop and not prop.get("writeOnly"):
            initial = _from_schema_default(prop)  # a nested model's own defaults
        kwargs = self.widget_kwargs(path, prop)
        draw = self.widget_for(prop, kind, kwargs, _plain(initial))
        value = draw(**{**kwargs, **self.overrides(prop)})
        # Where this field's validation errors go, right under it.
        self.error_slots[path] = st.empty()
        return value

    def widget_for(self, prop: dict[str, Any], kind: Any, kwargs: dict[str, Any],
                   initial: Any) -> Callable[..., Any]:
        fmt = prop.get("format")
        if "enum" in prop:
            options = list(prop["enum"])
            if initial in options:
                kwargs["index"] = options.index(initial)
            kwargs["options"] = options
            return st.selectbox
        if kind == "array":
            items, _ = self.resolve(prop.get("items", {}))
            if "enum" in items:
                kwargs["options"] = list(items["enum"])
                kwargs["default"] = [v for v in (initial or []) if v in items["enum"]]
                return st.multiselect
            raise st.AppcoreAPIError(
                f"appcore-pydantic: the list field {kwargs['label']!r} is not supported yet "
                "(only lists and sets of Enum or Literal values are).")
        if kind == "boolean":
            kwargs["value"] = bool(initial) if initial is not None else False
            return st.checkbox
        if kind in ("integer", "number"):
            return self.number(prop, kind, kwargs, initial)
        if kind == "string" and fmt == "date":
            kwargs["value"] = initial if isinstance(initial, dt.date) else "today"
            return st.date_input
        if kind == "string" and fmt == "time":
            kwargs["value"] = initial if isinstance(initial, dt.time) else "now"
            return st.time_input
        if kind == "string" and fmt == "date-time":
            return self.date_and_time(kwargs, initial)
        if kind == "string" and fmt == "color":
            kwargs["value"] = str(initial.as_hex()) if hasattr(initial, "as_hex") else (initial or "#000000")
            return st.color_picker
        # Strings: a password field for a secret, a text area for multi-line text, else a text input.
        kwargs["value"] = "" if initial is None else str(initial)
        if prop.get("maxLength") is not None:
            kwargs["max_chars"] = prop["maxLength"]
        if fmt == "multi-line" and not prop.get("writeOnly"):
            return st.text_area
        if prop.get("writeOnly") or fmt == "password":
            kwargs["type"] = "password"
        return st.text_input

    @staticmethod
    def number(prop: dict[str, Any], kind: str, kwargs: dict[str, Any], initial: Any) -> Callable[..., Any]:
        cast: Callable[[Any], Any] = int if kind == "integer" else float
        step = cast(prop["multipleOf"]) if "multipleOf" in prop else (1 if kind == "integer" else 0.01)
        kwargs["step"] = step
        if "minimum" in prop:
            kwargs["min_value"] = cast(prop["minimum"])
        if "exclusiveMinimum" in prop:
            kwargs["min_value"] = cast(prop["exclusiveMinimum"] + step)
        if "maximum" in prop:
            kwargs["max_value"] = cast(prop["maximum"])
        if "exclusiveMaximum" in prop:
            kwargs["max_value"] = cast(prop["exclusiveMaximum"] - step)
        if initial is not None:
            kwargs["value"] = cast(initial)
        else:
            kwargs["value"] = kwargs.get("min_value", 0 if kind == "integer" else step)
        if kind == "number":
            kwargs["format"] = "%f"
        return st.slider if "min_value" in kwargs and "max_value" in kwargs else st.number_input

    @staticmethod
    def date_and_time(kwargs: dict[str, Any], initial: Any) -> Callable[..., Any]:
        start = initial if isinstance(initial, dt.datetime) else None

        def draw(label: str, key: str, disabled: bool = False, help: str | None = None, **_: Any) -> dt.datetime:
            day = st.date_input(label, value=start.date() if start else "today", key=f"{key}-date",
                                disabled=disabled, help=help)
            time = st.time_input(f"{label} (time)", value=start.time() if start else "now", key=f"{key}-time",
                                 disabled=disabled, label_visibility="collapsed")
            return dt.datetime.combine(day, time)

        return draw

    # -- a model ----------------------------------------------------------------------

    def group(self, path: tuple[str, ...], schema: dict[str, Any], initial: Any,
              optional_place: Any = None) -> dict[str, Any]:
        """Every property of a model; a nested one is drawn in a bordered box under its title."""
        values = initial if isinstance(initial, dict) else _initial_values(initial) if initial is not None else {}
        required = set(schema.get("required", ()))
        box = st.container(border=bool(path))
        if path:
            box.markdown(f"**{schema.get('title') or path[-1]}**")
        result: dict[str, Any] = {}
        for name, prop in schema.get("properties", {}).items():
            place = optional_place if (optional_place is not None and name not in required) else box
            with place:
                value = self.field((*path, name), prop, values.get(name))
            if self.ignore_empty_values and value in ("", None):
                continue
            result[name] = value
        return result


def _schema(cls: type) -> dict[str, Any]:
    return TypeAdapter(cls).json_schema()


def pydantic_input(key: str, model: Any, group_optional_fields: GroupOptionalFields = "no",
                   lowercase_labels: bool = False, ignore_empty_values: bool = False) -> dict[str, Any]:
    """Widgets for every field of ``model`` (a pydantic model or dataclass, a class or an instance
    whose values the widgets start from); returns the values as a dict."""
    return _render(key, model, group_optional_fields, lowercase_labels, ignore_empty_values)[0]


def _render(key: str, model: Any, group_optional_fields: str, lowercase_labels: bool,
            ignore_empty_values: bool) -> tuple[dict[str, Any], _Form]:
    if group_optional_fields not in ("no", "sidebar", "expander"):
        raise st.AppcoreAPIError(f"group_optional_fields must be 'no', 'sidebar' or 'expander', "
                                 f"not {group_optional_fields!r}")
    cls = _model_class(model)
    schema = _schema(cls)
    form = _Form(key, schema.get("$defs", {}), lowercase_labels, ignore_empty_values)
    optional_place = None
    if group_optional_fields == "sidebar":
        optional_place = st.sidebar
    elif group_optional_fields == "expander":
        optional_place = st.expander("Optional fields")
    values = form.group((), schema, model if not isinstance(model, type) else _initial_values(model), optional_place)
    return values, form


def pydantic_form(key: str, model: type[T] | T, submit_label: str = "Submit", clear_on_submit: bool = False,
                  group_optional_fields: GroupOptionalFields = "no", lowercase_labels: bool = False,
                  ignore_empty_values: bool = False) -> T | None:
    """A form for ``model``: on submit, the validated instance; else (or when invalid) None.

    Validation errors are shown under their fields and above the button; what
    was typed stays in the form.
    """
    with st.form(key=key, clear_on_submit=clear_on_submit):
        values, form = _render(key, model, group_optional_fields, lowercase_labels, ignore_empty_values)
        summary = st.empty()
        submitted = st.form_submit_button(label=submit_label)
    if not submitted:
        return None
    try:
        return TypeAdapter(_model_class(model)).validate_python(values)
    except ValidationError as error:
        lines = ["**Whoops! There were some problems with your input:**"]
        for problem in error.errors():
            location = tuple(str(part) for part in problem.get("loc", ()))
            lines.append(f"**{'.'.join(location) or 'input'}:** {problem['msg']}")
            slot = form.error_slots.get(location) or next(
                (form.error_slots[p] for p in form.error_slots if location[:len(p)] == p), None)
            if slot is not None:
                slot.error(problem["msg"])
        summary.error("\n\n".join(lines))
        return None


def pydantic_output(output_data: Any) -> None:
    """Each field of a model or dataclass instance, read-only, under its title."""
    cls = _model_class(output_data)
    schema = _schema(cls)
    for name, prop in schema.get("properties", {}).items():
        value = getattr(output_data, name)
        title = prop.get("title") or name
        if isinstance(value, (BaseModel, dict, list, set, tuple)) or dataclasses.is_dataclass(value):
            st.markdown(f"**{title}**")
            st.json(TypeAdapter(type(value)).dump_python(value, mode="json"))
        else:
            shown = "" if value is None else _plain(value)
            st.markdown(f"**{title}:** {shown}")
