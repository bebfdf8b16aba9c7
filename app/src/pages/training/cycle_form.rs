//! `/training/cycles/new` and `/training/cycles/{id}/edit`: a cycle's
//! course, dates, enrolment window, places and trainers.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use crate::{
    api::training::cycles::{SaveCycle, load_cycle_form},
    components::{
        form::{CheckboxField, CheckboxGroup, PostForm, SelectField, SubmitButton, TextField},
        page::{LoadError, SignedIn},
    },
    domain::cycles::{CycleFields, CycleForm},
    i18n::{Texts, use_texts},
    routes::paths,
};

#[component]
pub fn NewCycle() -> impl IntoView {
    view! { <CyclePage id=String::new()/> }
}

#[component]
pub fn EditCycle() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    view! { <CyclePage id/> }
}

#[component]
fn CyclePage(id: String) -> impl IntoView {
    let t = use_texts();
    let title = if id.is_empty() { t.cycles_new } else { t.cycles_edit };
    let data = Resource::new(move || id.clone(), load_cycle_form);
    view! {
        <Title text=title/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A>" › "<A href=paths::TRAINING_CYCLES>{t.cycles_title}</A></p>
        <h1>{title}</h1>
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <LoadError error/> }.into_any(),
                    Ok(form) => view! { <Fields t form/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Fields(t: &'static Texts, form: CycleForm) -> impl IntoView {
    let CycleForm { id, fields, courses, districts, trainers } = form;
    let CycleFields {
        course,
        title,
        district,
        starts_on,
        ends_on,
        enrol_from,
        enrol_until,
        capacity,
        min_attendance,
        open_to_all_districts,
        trainers: chosen,
    } = fields;
    let districts: Vec<(String, String)> = districts.into_iter().map(|d| (d.code().to_owned(), d.name().to_owned())).collect();
    view! {
        <PostForm action=SaveCycle::url() id="cycle">
            <input type="hidden" name="id" value=id/>
            <SelectField name="course" label=t.cycles_course options=courses value=course required=true/>
            <TextField name="title" label=t.cycles_title_field hint=t.cycles_title_hint value=title required=true/>
            <SelectField name="district" label=t.cycles_district options=districts value=district required=true/>
            <CheckboxField name="open_to_all_districts".to_owned() label=t.cycles_open_to_all_field.to_owned() checked=open_to_all_districts/>
            <div class="field-pair">
                <TextField name="starts_on" label=t.cycles_starts_on kind="date" value=starts_on required=true/>
                <TextField name="ends_on" label=t.cycles_ends_on kind="date" value=ends_on required=true/>
            </div>
            <div class="field-pair">
                <TextField name="enrol_from" label=t.cycles_enrol_from kind="date" value=enrol_from required=true/>
                <TextField name="enrol_until" label=t.cycles_enrol_until_field kind="date" value=enrol_until required=true/>
            </div>
            <div class="field-pair">
                <TextField name="capacity" label=t.cycles_capacity kind="number" hint=t.cycles_capacity_hint value=capacity required=true/>
                <TextField name="min_attendance" label=t.cycles_min_attendance_field kind="number" hint=t.cycles_min_attendance_hint value=min_attendance required=true/>
            </div>
            <CheckboxGroup name="trainers" legend=t.cycles_trainers options=trainers checked=chosen hint=t.cycles_trainers_hint/>
            <SubmitButton label=t.cycles_save/>
        </PostForm>
    }
}
