//! Forms that post to server functions as plain HTML, so they work with
//! JavaScript off, and fields that show their own error beside them.

use leptos::prelude::*;

use super::page::use_form_feedback;
use crate::{
    domain::FormFeedback,
    i18n::{problem_text, use_texts},
    islands::{PasswordInput, password_input::PasswordAttributes},
};

/// What fields learn from the form around them: its id (which prefixes
/// theirs, so two forms on a page never share an element id) and the
/// feedback of its last post, if that failed.
#[derive(Clone)]
struct EnclosingForm {
    id: String,
    feedback: Option<FormFeedback>,
    /// Each field's label, recorded as the fields are built, so the problem
    /// summary at the top can name the field each problem belongs to.
    labels: StoredValue<Vec<(String, String)>>,
}

/// Records the label of field `name` for the form's problem summary.
fn register_label(name: &str, label: &str) {
    if let Some(form) = use_context::<EnclosingForm>() {
        form.labels.update_value(|labels| labels.push((name.to_owned(), label.to_owned())));
    }
}

fn use_field_feedback() -> Option<FormFeedback> {
    use_context::<EnclosingForm>().and_then(|f| f.feedback)
}

/// The element id of field `name` in the enclosing form.
fn field_id(name: &str) -> String {
    let form = use_context::<EnclosingForm>().map_or_else(|| "form".to_owned(), |f| f.id);
    format!("{form}-{}", name.replace(['[', ']'], "-"))
}

/// The name under which a form's problems come back: the form's id, and
/// for one of several alike on a page (one per post), what it is about.
pub fn form_key(id: &str, instance: Option<&str>) -> String {
    instance.map_or_else(|| id.to_owned(), |instance| format!("{id}:{instance}"))
}

/// A form posting to `action` (a server function's URL). `id` names it, so
/// problems sent back by the server land on this form and no other; where
/// a page has one per item, `instance` tells them apart (see [`form_key`]).
#[component]
pub fn PostForm(
    action: &'static str,
    id: &'static str,
    #[prop(optional, into)] instance: Option<String>,
    #[prop(optional)] class: &'static str,
    /// The form carries files: it posts as `multipart/form-data`.
    #[prop(optional)]
    with_files: bool,
    children: Children,
) -> impl IntoView {
    let feedback = use_form_feedback(&form_key(id, instance.as_deref()));
    let id = instance.map_or_else(|| id.to_owned(), |instance| format!("{id}-{instance}"));
    let (summary, fields) = with_feedback(&id, feedback, children);
    let enctype = with_files.then_some("multipart/form-data");
    view! {
        <form method="post" action=action id=id class=class enctype=enctype novalidate>
            {summary}
            {fields}
        </form>
    }
}

/// A form that asks by GET, such as a search: the page's address is the
/// question, so it can be shared and kept. `feedback` is what the page
/// found wrong with the question it was given.
#[component]
pub fn GetForm(
    action: &'static str,
    id: &'static str,
    feedback: FormFeedback,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let (summary, fields) = with_feedback(id, Some(feedback), children);
    view! {
        <form method="get" action=action id=id class=class role="search" novalidate>
            {summary}
            {fields}
        </form>
    }
}

/// A form's fields, built knowing the form's id and feedback, and the
/// summary of its problems that goes above them.
fn with_feedback(id: &str, feedback: Option<FormFeedback>, children: Children) -> (Option<impl IntoView + use<>>, AnyView) {
    let t = use_texts();
    let labels = StoredValue::new(Vec::new());
    provide_context(EnclosingForm { id: id.to_owned(), feedback: feedback.clone(), labels });
    // Built first, so every field has recorded its label for the summary.
    let fields = children();
    let summary = feedback.filter(|f| !f.problems.is_empty()).map(|feedback| {
        let items = feedback
            .problems
            .iter()
            .map(|p| {
                let text = problem_text(t, p.problem);
                let label = labels.with_value(|labels| labels.iter().find(|(name, _)| *name == p.field).map(|(_, label)| label.clone()));
                match label {
                    Some(label) => view! { <li><a href=format!("#{}", field_id(&p.field))>{label}": "{text}</a></li> }.into_any(),
                    None => view! { <li>{text}</li> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <div class="alert alert-danger" role="alert" id=format!("{id}-problems")>
                <p class="alert-title">{t.form_problems_title}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    (summary, fields.into_any())
}

/// A field's label. The required mark sits outside the `<label>`, so the
/// field's accessible name is the label alone; `aria-required` says the rest.
#[component]
fn FieldLabel(for_id: String, label: &'static str, required: bool) -> impl IntoView {
    view! {
        <div class="label-row">
            <label for=for_id>{label}</label>
            {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
        </div>
    }
}

/// The problem for a field and the attributes that tie it to its input.
fn field_problem(name: &str) -> Option<&'static str> {
    let t = use_texts();
    use_field_feedback().and_then(|f| f.problem_for(name)).map(|p| problem_text(t, p))
}

fn refill(name: &str) -> Option<String> {
    use_field_feedback().and_then(|f| f.value(name).map(str::to_owned))
}

/// The ids of a field's hint and error, when it has them, and the
/// `aria-describedby` that names both.
fn descriptions(id: &str, has_hint: bool, has_problem: bool) -> (Option<String>, Option<String>, Option<String>) {
    let hint_id = has_hint.then(|| format!("{id}-hint"));
    let error_id = has_problem.then(|| format!("{id}-error"));
    let described_by = [hint_id.clone(), error_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    (hint_id, error_id, (!described_by.is_empty()).then_some(described_by))
}

/// One labelled input. `kind` is the input type; password inputs are never
/// refilled, and are the `PasswordInput` island, which adds a show/hide
/// toggle once the page is interactive.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let t = use_texts();
    register_label(name, label);
    let id = field_id(name);
    let problem = field_problem(name);
    let (hint_id, error_id, described_by) = descriptions(&id, hint.is_some(), problem.is_some());
    let autocomplete = (!autocomplete.is_empty()).then_some(autocomplete);
    let input = if kind == "password" {
        let input = PasswordAttributes {
            id: id.clone(),
            name: name.to_owned(),
            autocomplete: autocomplete.map(str::to_owned),
            required,
            invalid: problem.is_some(),
            described_by,
        };
        view! { <PasswordInput input show_label=t.form_show_password.to_owned() hide_label=t.form_hide_password.to_owned()/> }.into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=refill(name).or(value)
                autocomplete=autocomplete
                required=required
                aria-invalid=problem.map(|_| "true")
                aria-describedby=described_by
            />
        }
        .into_any()
    };
    view! {
        <div class="form-field" class:has-error=problem.is_some()>
            <FieldLabel for_id=id.clone() label required/>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            <div class="input-row">{input}</div>
        </div>
    }
}

/// A labelled multi-line text, such as a post. A long text comes back
/// from `value` (a server-kept draft): the one-shot message is too small
/// for it, and gives back only a short one (a summary) its form put there.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = 8)] rows: u32,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    register_label(name, label);
    let id = field_id(name);
    let problem = field_problem(name);
    let (hint_id, error_id, described_by) = descriptions(&id, hint.is_some(), problem.is_some());
    view! {
        <div class="form-field" class:has-error=problem.is_some()>
            <FieldLabel for_id=id.clone() label required/>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            <textarea
                id=id
                name=name
                rows=rows
                required=required
                aria-invalid=problem.map(|_| "true")
                aria-describedby=described_by
            >
                {refill(name).or(value).unwrap_or_default()}
            </textarea>
        </div>
    }
}

/// Files to attach. A browser cannot be given files back, so when the form
/// returns with a problem, `again` asks for them once more.
#[component]
pub fn FileField(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    again: &'static str,
    /// The `accept` list offered by the browser's picker; the server decides.
    accept: String,
) -> impl IntoView {
    register_label(name, label);
    let id = field_id(name);
    let problem = field_problem(name);
    let returned = use_field_feedback().is_some();
    let (hint_id, error_id, described_by) = descriptions(&id, true, problem.is_some());
    view! {
        <div class="form-field" class:has-error=problem.is_some()>
            <FieldLabel for_id=id.clone() label required=false/>
            <p class="field-hint" id=hint_id>{hint}{returned.then(|| view! { " "<strong>{again}</strong> })}</p>
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            <input
                id=id
                name=name
                type="file"
                multiple=true
                accept=accept
                aria-invalid=problem.map(|_| "true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// A drop-down choice. `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    register_label(name, label);
    let id = field_id(name);
    let problem = field_problem(name);
    let selected = refill(name).or(value).unwrap_or_default();
    let error_id = problem.map(|_| format!("{id}-error"));
    view! {
        <div class="form-field" class:has-error=problem.is_some()>
            <FieldLabel for_id=id.clone() label required/>
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            <select id=id name=name required=required aria-invalid=problem.map(|_| "true") aria-describedby=error_id.clone()>
                {placeholder.map(|p| view! { <option value="" selected=selected.is_empty()>{p}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A group of radio buttons with a legend.
#[component]
pub fn RadioGroup(
    name: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    register_label(name, legend);
    let id = field_id(name);
    let problem = field_problem(name);
    let selected = refill(name).or(value).unwrap_or_default();
    let error_id = problem.map(|_| format!("{id}-error"));
    view! {
        <fieldset class="form-field radio-group" id=id.clone() class:has-error=problem.is_some() aria-describedby=error_id.clone()>
            <legend>{legend}{required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}</legend>
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            {options
                .into_iter()
                .enumerate()
                .map(|(index, (value, text))| {
                    let option_id = format!("{id}-{index}");
                    let checked = value == selected;
                    view! {
                        <div class="form-check">
                            <input type="radio" id=option_id.clone() name=name value=value checked=checked/>
                            <label for=option_id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A group of checkboxes with a legend; the ticked ones post as
/// `name[0]`, `name[1]`, … (a list for the server function).
#[component]
pub fn CheckboxGroup(
    name: &'static str,
    legend: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] checked: Vec<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    register_label(name, legend);
    let id = field_id(name);
    let problem = field_problem(name);
    let (hint_id, error_id, described_by) = descriptions(&id, hint.is_some(), problem.is_some());
    view! {
        <fieldset class="form-field checkbox-group" id=id.clone() class:has-error=problem.is_some() aria-describedby=described_by>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            {options
                .into_iter()
                .enumerate()
                .map(|(index, (value, text))| {
                    let option_id = format!("{id}-{index}");
                    let is_checked = checked.contains(&value);
                    view! {
                        <div class="form-check">
                            <input type="checkbox" id=option_id.clone() name=format!("{name}[{index}]") value=value checked=is_checked/>
                            <label for=option_id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A single checkbox that posts `value` when ticked.
#[component]
pub fn CheckboxField(
    name: String,
    label: String,
    #[prop(default = "on".to_owned(), into)] value: String,
    #[prop(optional)] checked: bool,
) -> impl IntoView {
    register_label(&name, &label);
    let id = field_id(&name);
    let problem = field_problem(&name);
    let error_id = problem.map(|_| format!("{id}-error"));
    view! {
        <div class="form-check" class:has-error=problem.is_some()>
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
            <input type="checkbox" id=id.clone() name=name value=value checked=checked aria-describedby=error_id.clone()/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The form's main button.
#[component]
pub fn SubmitButton(label: &'static str, #[prop(default = "btn btn-primary")] class: &'static str) -> impl IntoView {
    view! { <button type="submit" class=class>{label}</button> }
}
