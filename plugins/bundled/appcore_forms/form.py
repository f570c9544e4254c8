"""st.form and st.form_submit_button, with Streamlit's rules and errors."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from types import MappingProxyType

from appcore.plugin import PARTIAL, AppcoreAPIError, Args, ClickCodec, Container, Help, Key, Kwargs, RerunRequest, \
    RunView, SessionView, StashKey, Widget, Width, add_container, button_props, container_width, current_run, input_widget

FORM = "form"            # scope key: the key of the form a widget belongs to
SUBMITTER = "submitter"  # scope key: set while the form's own submit button is drawn


@dataclass
class FormRecord:
    """A form as the last run drew it."""

    key: str
    path: tuple
    props: dict[str, Any]
    clear_on_submit: bool
    enter_to_submit: bool
    submitters: list[Widget] = field(default_factory=list)  # submit buttons, in order
    disabled: set[str] = field(default_factory=set)      # ids of disabled submit buttons
    members: list[Widget] = field(default_factory=list)   # every other widget in it


@dataclass
class SessionForms:
    """A session's forms as the last run drew them."""

    drawn: dict[str, FormRecord] = field(default_factory=dict)


RUN_FORMS = StashKey[dict[str, FormRecord]]("forms drawn by this run")
SESSION_FORMS = StashKey[SessionForms]("forms of this session")
# The values typed into each form and not yet submitted, form key -> {widget id: value}: a session
# store carries them, so a tab that resumes on another process still shows what was typed.
TYPED = StashKey[dict[str, dict[str, Any]]]("forms.typed", saved=True)


def _typed(session: SessionView) -> dict[str, dict[str, Any]]:
    return session.stash.setdefault(TYPED, {})


def _forms_this_run(run: RunView) -> dict[str, FormRecord]:
    return run.stash.setdefault(RUN_FORMS, {})


def _session_forms(session: SessionView) -> SessionForms:
    return session.stash.setdefault(SESSION_FORMS, SessionForms())


def form(key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True,
         border: bool = True, width: str | int = "stretch", height: str | int = "content") -> Container:
    """A container whose widgets send their values together, when a submit button is clicked."""
    run = current_run()
    target = run.target()
    if target.scope.get(FORM) is not None:
        raise AppcoreAPIError("Forms cannot be nested in other forms.")
    key = str(key)
    if key in run.widget_keys or key in run.session.state.user_set_keys:
        raise AppcoreAPIError(f"Values for the form with key '{key}' cannot be set using st.session_state.")
    forms = _forms_this_run(run)
    if key in forms:
        raise AppcoreAPIError(
            f"There are multiple identical forms with `key='{key}'`. To fix this, please make sure that the "
            "`key` argument is unique for each `st.form` you create."
        )
    props = {"key": key, "clear_on_submit": clear_on_submit, "enter_to_submit": enter_to_submit,
             "border": border, "missing_submit": False}
    container = add_container("form", props, scope={FORM: key}, key=key, identity=f"form:{key}")
    forms[key] = FormRecord(key, container.path, props, clear_on_submit, enter_to_submit)
    return container


def form_submit_button(
    label: str = "Submit",
    help: Help = None,
    on_click: Callable[..., Any] | None = None,
    args: Args = None,
    kwargs: Kwargs = None,
    *,
    key: Key = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """The button that sends its form's values; True only in the run it starts."""
    run = current_run()
    form_key = run.target().scope.get(FORM)
    if form_key is None:
        raise AppcoreAPIError("`st.form_submit_button()` must be used inside an `st.form()`.")
    width = container_width(use_container_width, width)
    props = {**button_props(type, icon, icon_position, shortcut, wrap), "use_container_width": width == "stretch",
             "is_form_submitter": True, "form": form_key}
    # Drawn in the same place with a scope that says whose submit button it is.
    target = run.target()
    with Container(target.path, MappingProxyType({**target.scope, SUBMITTER: form_key}), target.slot):
        submitter = input_widget("button", locals(), ClickCodec(), props=props, content_width=True,
                                 id_parts={"icon": icon, "type": type, "icon_position": icon_position,
                                           "shortcut": props["shortcut"], "submitter": form_key})
    record = _forms_this_run(run).get(form_key)
    if record is not None:
        record.submitters.append(submitter)
        if disabled:
            record.disabled.add(submitter.id)
    return submitter.value


# -- hooks ---------------------------------------------------------------------------


def check_widget(run: RunView, widget: Widget) -> str | None:
    """Streamlit's form rules, checked as each widget is drawn; records form members."""
    form_key = widget.scope.get(FORM)
    if form_key is None or widget.scope.get(SUBMITTER) == form_key:
        return None
    record = _forms_this_run(run).get(form_key)
    if widget.trigger:  # a click would rerun at once, not with the form
        return (f"`st.{widget.type}()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead: "
                "https://docs.streamlit.io/develop/api-reference/execution-flow/st.form")
    if widget.on_change is not None and not widget.callbacks_in_forms:
        return ("Within a form, callbacks can only be defined on the `st.form_submit_button`. "
                "Defining callbacks on other widgets inside a form is not allowed.")
    if record is not None:
        record.members.append(widget)
    held = _typed(run.session).get(form_key, {})
    if widget.id in held:
        widget.display = widget.to_json(held[widget.id])  # typed, not yet submitted: a reload still shows it
    return None


def on_widget_event(session: SessionView, widget: Widget, value: Any) -> bool | None:
    """Hold a form widget's value until its form is submitted; submit on a submit click."""
    form_key = widget.scope.get(FORM)
    if form_key is None:
        return None
    forms = _session_forms(session)
    record = forms.drawn.get(form_key)
    if record is not None and any(w.id == widget.id for w in record.submitters):
        _submit(session, form_key, widget)
    else:
        _typed(session).setdefault(form_key, {})[widget.id] = value
        session.save()  # no run follows a typed value: a store keeps it now
    return True


def _submit(session: SessionView, form_key: str, submitter: Widget) -> None:
    typed = _typed(session)
    # A second submit of the same values while the first waits is the same submit (Enter held down).
    request = RerunRequest(partial=submitter.scope.get(PARTIAL), idempotent=True)
    request.values.update(typed.get(form_key, {}))
    request.triggers.add(submitter.id)
    if session.request_rerun(request):
        typed.pop(form_key, None)  # sent; a refused submit (a full queue) keeps what was typed


def submit_with_enter(session: SessionView, form_key: str) -> None:
    record = _session_forms(session).drawn.get(form_key)
    if record is None or not record.enter_to_submit or not record.submitters:
        return
    first = record.submitters[0]
    if first.id in session.widgets and first.id not in record.disabled:
        _submit(session, form_key, first)


def on_run_finished(run: RunView) -> None:
    session = run.session
    if SESSION_FORMS not in session.stash and RUN_FORMS not in run.stash:
        return  # this session never drew a form
    forms = _session_forms(session)
    drawn = _forms_this_run(run)
    _clear_submitted(run, forms.drawn, drawn)
    if run.status not in ("complete", "stopped", "error"):
        return
    if run.partial is None:
        forms.drawn = drawn
    else:
        forms.drawn.update(drawn)
    for record in drawn.values():
        # Streamlit shows this in the page: a form nobody can submit.
        missing = not record.submitters
        if missing != record.props["missing_submit"]:
            session.emit(record.path, "form", {**record.props, "missing_submit": missing}, None, record.key)


def _clear_submitted(run: RunView, before: dict[str, FormRecord], drawn: dict[str, FormRecord]) -> None:
    """clear_on_submit: reset the submitted form's widgets, whatever ended the run
    (a submit handler often ends with st.rerun())."""
    session = run.session
    for wid in run.triggers:
        widget = session.widgets.get(wid)
        key = widget.scope.get(FORM) if widget is not None else None
        record = drawn.get(key) or before.get(key)
        if record is None or not record.clear_on_submit or not any(w.id == wid for w in record.submitters):
            continue
        members = {w.id: w for w in (*before.get(key, record).members, *record.members)}
        for member in members.values():
            if member.id in session.widgets:
                session.set_widget_value(member, member.default)
