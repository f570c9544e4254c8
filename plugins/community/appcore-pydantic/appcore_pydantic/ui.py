"""Widgets from a model's JSON schema (pydantic v2's, for models and dataclasses alike).

Each property becomes the widget streamlit-pydantic draws for it: text for
strings (``maxLength`` is ``max_chars``, ``format: multi-line`` a text area, a
secret a password field), a slider for a number with both bounds and a number
input otherwise (``multipleOf`` is the step), a checkbox, a selectbox for an
enum or a Literal, a multiselect for a list or set of them, date, time and
date-and-time inputs, a colour picker, a file uploader for bytes, and a group
for a nested model. Lists of other values or of models, and dicts, are rows with
add and remove buttons; a union is a selectbox of its types and the chosen
type's widget. ``readOnly`` disables a widget, ``description`` is its help, and
``st_kwargs_<name>`` in ``json_schema_extra`` overrides any widget argument.

The controls that change a form's shape (add, remove, a union's type) work
inside ``st.form``: they are drawn in the form without its scope (the forms
plugin's ``"form"`` entry, docs/plugins.md), so they rerun at once while the form
keeps holding what was typed until its submit.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
import typing
from typing import Any, Literal, TypeVar

import appcore as st
from appcore.plugin import Container, StashKey, current_run
from pydantic import BaseModel, TypeAdapter, ValidationError

T = TypeVar("T")
GroupOptionalFields = Literal["no", "sidebar", "expander"]
OVERRIDE_PREFIX = "st_kwargs_"
NO_DEFAULT: Any = object()
FORM_SCOPE = "form"  # the scope entry the forms plugin gives its members (docs/plugins.md)


@dataclass
class _Rows:
    """The rows of one list or dict field in this session: ids that never come back, so a
    removed row's widgets (and what was typed into them) are never another row's."""

    ids: list[int]
    next: int = 0

    def add(self) -> None:
        self.ids.append(self.next)
        self.next += 1

    def remove(self, row: int) -> None:
        if row in self.ids:
            self.ids.remove(row)


ROWS = StashKey[dict[str, _Rows]]("appcore-pydantic rows")


def _rows(key: str, count: int) -> _Rows:
    rows = current_run().session.stash.setdefault(ROWS, {})
    if key not in rows:
        rows[key] = _Rows(list(range(count)), count)
    return rows[key]


@contextmanager
def _shape_control() -> Iterator[None]:
    """Draw here, outside the enclosing form's scope: a click reruns at once instead of waiting
    for the submit, and the form still holds (and shows) what was typed."""
    target = current_run().target()
    scope = MappingProxyType({k: v for k, v in target.scope.items() if k != FORM_SCOPE})
    with Container(target.path, scope, target.slot):
        yield


def _classes(model: type) -> dict[str, type]:
    """The models and dataclasses a model's fields name, by their schema title (the class name)."""
    found: dict[str, type] = {}

    def walk(kind: Any) -> None:
        if isinstance(kind, type) and (issubclass(kind, BaseModel) or dataclasses.is_dataclass(kind)):
            if kind.__name__ in found:
                return
            found[kind.__name__] = kind
            if issubclass(kind, BaseModel):
                hints = [f.annotation for f in kind.model_fields.values()]
            else:
                hints = list(typing.get_type_hints(kind).values())
            for hint in hints:
                walk(hint)
        for argument in typing.get_args(kind):
            walk(argument)

    walk(model)
    return found


_JSON_TYPES: dict[str, tuple[type, ...]] = {"integer": (int,), "number": (int, float), "string": (str,),
                                            "boolean": (bool,), "array": (list, tuple, set, frozenset),
                                            "object": (dict,), "null": (type(None),)}


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
        # A row's place in the path of its widgets ("#<row id>") -> its place in pydantic's error locations.
        self.positions: dict[tuple[str, ...], str] = {}
        # In a form, a union's value is validated as the type the person chose (pydantic alone would
        # take another member that fits); what that finds wrong is kept here for the submit.
        self.classes: dict[str, type] = {}
        self.union_errors: list[tuple[tuple[str, ...], str]] = []
        self.unions: list[tuple[str, ...]] = []  # where the unions checked that way are

    def resolve(self, prop: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The property with its ``$ref`` followed and ``Optional`` unwrapped; and whether None is allowed."""
        nullable = False
        union = "anyOf" if "anyOf" in prop else "oneOf" if "oneOf" in prop else None
        if union is not None:
            options = [p for p in prop[union] if p.get("type") != "null"]
            nullable = len(options) < len(prop[union])
            rest = {k: v for k, v in prop.items() if k not in (union, "discriminator")}
            prop = {**rest, **options[0]} if len(options) == 1 else {**rest, "anyOf": options}
        if "allOf" in prop and len(prop["allOf"]) == 1:
            prop = {**{k: v for k, v in prop.items() if k != "allOf"}, **prop["allOf"][0]}
        if "$ref" in prop:
            target = self.defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
            prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
        return prop, nullable

    def label(self, path: tuple[str, ...], prop: dict[str, Any]) -> str:
        label = prop.get("title") or path[-1]
        return label.lower() if self.lowercase_labels else label

    def widget_kwargs(self, path: tuple[str, ...], prop: dict[str, Any], label: str | None = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"label": label or self.label(path, prop), "key": self.key_of(path),
                                  "disabled": bool(prop.get("readOnly"))}
        if prop.get("description"):
            kwargs["help"] = prop["description"]
        return kwargs

    def key_of(self, path: tuple[str, ...], *more: str) -> str:
        return "-".join((self.key, *path, *more))

    def loc(self, path: tuple[str, ...]) -> tuple[str, ...]:
        """Where pydantic reports this path's errors: rows by position (or dict key), no union tags."""
        out: list[str] = []
        for index, part in enumerate(path):
            if part.startswith("#"):
                out.append(self.positions.get(path[:index + 1], part))
            elif not part.startswith("@"):
                out.append(part)
        return tuple(out)

    @staticmethod
    def overrides(prop: dict[str, Any]) -> dict[str, Any]:
        return {name[len(OVERRIDE_PREFIX):]: value for name, value in prop.items() if name.startswith(OVERRIDE_PREFIX)}

    # -- one property ----------------------------------------------------------------

    def field(self, path: tuple[str, ...], raw: dict[str, Any], initial: Any, label: str | None = None) -> Any:
        prop, nullable = self.resolve(raw)
        kind = prop.get("type")
        if "anyOf" in prop:
            return self.union(path, prop, initial, label)
        if kind == "object" and "properties" in prop:
            return self.group(path, prop, initial, title=label)
        if initial is None and "default" in prop and not prop.get("writeOnly"):
            initial = _from_schema_default(prop)  # a nested model's own defaults
        if kind == "object":
            return self.rows(path, prop, initial, label, dict_rows=True)
        if kind == "array" and "enum" not in self.resolve(prop.get("items", {}))[0]:
            return self.rows(path, prop, initial, label, dict_rows=False)
        kwargs = self.widget_kwargs(path, prop, label)
        draw = self.widget_for(prop, kind, kwargs, _plain(initial))
        value = draw(**{**kwargs, **self.overrides(prop)})
        # Where this field's validation errors go, right under it.
        self.error_slots[self.loc(path)] = st.empty()
        return value

    def widget_for(self, prop: dict[str, Any], kind: Any, kwargs: dict[str, Any],
                   initial: Any) -> Callable[..., Any]:
        fmt = prop.get("format")
        if "enum" in prop or "const" in prop:
            options = list(prop["enum"]) if "enum" in prop else [prop["const"]]
            if initial in options:
                kwargs["index"] = options.index(initial)
            kwargs["options"] = options
            return st.selectbox
        if kind == "array":  # of Enum or Literal values
            items, _ = self.resolve(prop.get("items", {}))
            kwargs["options"] = list(items["enum"])
            kwargs["default"] = [v for v in (initial or []) if v in items["enum"]]
            return st.multiselect
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
        if kind == "string" and fmt == "binary":
            return self.file(initial)
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
        if isinstance(initial, (int, float)) and not isinstance(initial, bool):
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

    @staticmethod
    def file(initial: Any) -> Callable[..., Any]:
        def draw(label: str, key: str, disabled: bool = False, help: str | None = None, **extra: Any) -> Any:
            uploaded = st.file_uploader(label, key=key, disabled=disabled, help=help, **extra)
            # No file chosen: the instance's bytes stay (an uploader cannot be pre-filled).
            return uploaded.getvalue() if uploaded is not None else initial

        return draw

    # -- a union: the type first, then that type's widget --------------------------

    def option_name(self, option: dict[str, Any]) -> str:
        resolved, _ = self.resolve(option)
        if "const" in resolved:
            return repr(resolved["const"])
        return str(resolved.get("title") or resolved.get("format") or resolved.get("type") or "value")

    def fits(self, option: dict[str, Any], value: Any) -> bool:
        resolved, _ = self.resolve(option)
        if isinstance(value, BaseModel) or dataclasses.is_dataclass(value):
            return type(value).__name__ == resolved.get("title")
        if "enum" in resolved:
            return _plain(value) in resolved["enum"]
        kinds = _JSON_TYPES.get(str(resolved.get("type")), ())
        if isinstance(value, bool) and bool not in kinds:
            return False
        return isinstance(value, kinds) if kinds else False

    def union(self, path: tuple[str, ...], prop: dict[str, Any], initial: Any, label: str | None) -> Any:
        options = prop["anyOf"]
        names = [self.option_name(option) for option in options]
        start = next((i for i, option in enumerate(options) if initial is not None and self.fits(option, initial)), 0)
        title = label or self.label(path, prop)
        with _shape_control():
            chosen = st.selectbox(f"{title}: type", names, index=start, key=self.key_of(path, "type"),
                                  disabled=bool(prop.get("readOnly")))
        index = names.index(chosen) if chosen in names else 0
        inner = {**{k: v for k, v in prop.items() if k not in ("anyOf", "default", "title")}, **options[index]}
        value = self.field((*path, f"@{index}"), inner, initial if index == start else None, label=title)
        chosen_class = self.classes.get(self.option_name(options[index]))
        if chosen_class is None or not isinstance(value, dict):
            return value
        self.unions.append(self.loc(path))
        try:
            return TypeAdapter(chosen_class).validate_python(value)
        except ValidationError as error:
            for problem in error.errors():
                self.union_errors.append(((*self.loc(path), *(str(p) for p in problem.get("loc", ()))),
                                          problem["msg"]))
            return value

    # -- rows: a list of values or models, a dict -------------------------------------

    def rows(self, path: tuple[str, ...], prop: dict[str, Any], initial: Any, label: str | None,
             dict_rows: bool) -> Any:
        title = label or self.label(path, prop)
        if dict_rows:
            extra = prop.get("additionalProperties")
            item_schema = extra if isinstance(extra, dict) else {"type": "string"}
            starting = list(initial.items()) if isinstance(initial, dict) else []
        else:
            item_schema = prop.get("items") or {"type": "string"}
            starting = [(None, v) for v in initial] if isinstance(initial, (list, tuple, set, frozenset)) else []
        rows = _rows(self.key_of(path), len(starting))
        disabled = bool(prop.get("readOnly"))
        box = st.container(border=True)
        with box:
            st.markdown(f"**{title}**", help=prop.get("description"))
            values: Any = {} if dict_rows else []
            for position, row in enumerate(list(rows.ids)):
                row_path = (*path, f"#{row}")
                start_key, start_value = starting[row] if row < len(starting) else ("", None)
                left, right = st.columns([12, 1], vertical_alignment="bottom")
                with left:
                    if dict_rows:
                        key_column, value_column = st.columns(2)
                        name = key_column.text_input(f"{title} key", value=str(start_key), disabled=disabled,
                                                     key=self.key_of(row_path, "key"))
                        self.positions[row_path] = name
                        with value_column:
                            value = self.field(row_path, item_schema, start_value, label=f"{title} value")
                        if name:
                            values[name] = value
                    else:
                        self.positions[row_path] = str(position)
                        values.append(self.field(row_path, item_schema, start_value, label=f"{title} {position + 1}"))
                with right, _shape_control():
                    st.button("✕", key=self.key_of(row_path, "remove"), help=f"Remove this row from {title}",
                              on_click=rows.remove, args=(row,), disabled=disabled)
            with _shape_control():
                st.button(f"Add to {title}", icon=":material/add:", key=self.key_of(path, "add"),
                          on_click=rows.add, disabled=disabled)
            self.error_slots[self.loc(path)] = st.empty()  # the list's own errors (too few rows, ...)
        return values

    # -- a model ----------------------------------------------------------------------

    def group(self, path: tuple[str, ...], schema: dict[str, Any], initial: Any,
              optional_place: Any = None, title: str | None = None) -> dict[str, Any]:
        """Every property of a model; a nested one is drawn in a bordered box under its title."""
        values = initial if isinstance(initial, dict) else _initial_values(initial) if initial is not None else {}
        required = set(schema.get("required", ()))
        box = st.container(border=bool(path))
        if path:
            box.markdown(f"**{title or schema.get('title') or path[-1]}**")
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
            ignore_empty_values: bool, in_form: bool = False) -> tuple[dict[str, Any], _Form]:
    if group_optional_fields not in ("no", "sidebar", "expander"):
        raise st.AppcoreAPIError(f"group_optional_fields must be 'no', 'sidebar' or 'expander', "
                                 f"not {group_optional_fields!r}")
    cls = _model_class(model)
    schema = _schema(cls)
    form = _Form(key, schema.get("$defs", {}), lowercase_labels, ignore_empty_values)
    if in_form:
        form.classes = _classes(cls)
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
        values, form = _render(key, model, group_optional_fields, lowercase_labels, ignore_empty_values,
                               in_form=True)
        summary = st.empty()
        submitted = st.form_submit_button(label=submit_label)
    if not submitted:
        return None
    problems = list(form.union_errors)
    instance = None
    try:
        instance = TypeAdapter(_model_class(model)).validate_python(values)
    except ValidationError as error:
        reported = {location[:len(place)] for location, _ in form.union_errors for place in form.unions}
        for problem in error.errors():  # a union whose chosen type failed is said once, as that type's
            location = tuple(str(part) for part in problem.get("loc", ()))
            if not any(location[:len(place)] == place for place in form.unions if place in reported):
                problems.append((location, problem["msg"]))
    if problems:
        lines = ["**Whoops! There were some problems with your input:**"]
        beside: dict[tuple[str, ...], list[str]] = {}
        for location, message in dict.fromkeys(problems):
            lines.append(f"**{'.'.join(location) or 'input'}:** {message}")
            place = _error_place(form.error_slots, location)
            if place is not None and message not in beside.setdefault(place, []):
                beside[place].append(message)
        for place, messages in beside.items():
            form.error_slots[place].error("\n\n".join(messages))
        summary.error("\n\n".join(lines))
        return None
    if clear_on_submit:  # the form's widgets start again, and so do its lists' rows
        rows = current_run().session.stash.get(ROWS, {})
        for name in [name for name in rows if name.startswith(f"{key}-")]:
            del rows[name]
    return instance


def _error_place(slots: dict[tuple[str, ...], Any], location: tuple[str, ...]) -> tuple[str, ...] | None:
    """The field an error belongs to: its own, else the nearest enclosing one; a union's type
    name in the location (``("pet", "Cat", "name")``) is skipped over."""
    if location in slots:
        return location

    def within(place: tuple[str, ...]) -> bool:  # place's parts appear in location, in order
        parts = iter(location)
        return all(part in parts for part in place)

    fitting = [place for place in slots if place and location and place[0] == location[0] and within(place)]
    return max(fitting, key=len, default=None)


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
