//! `/training/authoring/lessons/{id}`: a lesson being written: its titles
//! and summaries in both languages, its text in Markdown with the
//! preview (in place where JavaScript runs, by posting the form where it
//! does not), saving a draft, publishing, and the versions published.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::{
    authoring::{PartFieldset, PartStatusTag},
    minutes_text,
};
use crate::{
    api::training::authoring::{SaveLesson, load_lesson_editor},
    components::{
        form::{PostForm, TextArea},
        page::{LoadError, SignedIn},
    },
    domain::{
        Draft,
        authoring::{LessonEditor as Editor, LessonFields, PartFields, VersionEntry},
        italian_date, rome_clock, rome_date,
        training::PartStatus,
    },
    i18n::{Texts, fill, use_locale, use_texts},
    islands::MarkdownEditor,
    routes::paths,
};

#[component]
pub fn LessonEditor() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_lesson_editor);
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.authoring_title/><h1>{t.authoring_title}</h1><LoadError error/> }.into_any(),
                    Ok(editor) => view! { <Lesson t editor/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Lesson(t: &'static Texts, editor: Editor) -> impl IntoView {
    let Editor { id, course_id, course_title, module_title, key, fields, status, version, minutes, versions, draft } = editor;
    let LessonFields { title_it, title_en, summary_it, summary_en, body } = fields;
    let published = status == PartStatus::Published;
    let note =
        if published { fill(t.authoring_published_note, &[("version", &version.to_string())]) } else { t.authoring_draft_note.to_owned() };
    let kept = draft.is_some();
    let heading = use_locale().pick(&title_it, &title_en).to_owned();
    let Draft { body, preview_html, .. } = draft.unwrap_or(Draft { body, ..Draft::default() });
    let buttons = if published {
        view! { <button type="submit" name="publish" value="1" class="btn btn-primary">{t.authoring_publish_changes}</button> }.into_any()
    } else {
        view! {
            <button type="submit" class="btn btn-outline-primary">{t.authoring_save_draft}</button>
            <button type="submit" name="publish" value="1" class="btn btn-primary">{t.authoring_publish}</button>
        }
        .into_any()
    };
    view! {
        <Title text=heading.clone()/>
        <p class="breadcrumb">
            <A href=paths::TRAINING_AUTHORING>{t.authoring_title}</A>" › "
            <A href=paths::authoring_course_at(&course_id, &id)>{course_title}</A>" › "
            <span>{module_title}</span>
        </p>
        <h1>{heading}" "<PartStatusTag t status/></h1>
        <p>{note}</p>
        <p class="meta">
            {fill(t.authoring_reading_time, &[("time", &minutes_text(t, minutes))])}" · "
            {t.authoring_lesson_key}" "<code>{format!("lesson:{key}")}</code>
        </p>
        {kept.then(|| view! { <p class="alert alert-warning" role="status">{t.authoring_draft_kept}</p> })}
        <PostForm action=SaveLesson::url() id="lesson">
            <input type="hidden" name="id" value=id/>
            <PartFieldset t fields=PartFields { title_it, title_en, summary_it, summary_en } lesson=true/>
            // The editor's preview renders the text as a lesson of this course.
            <div id="lesson-preview" data-course=course_id>
                <MarkdownEditor
                    preview=preview_html
                    preview_title=t.authoring_preview_title.to_owned()
                    restored_note=String::new()
                    draft_key=None
                >
                    <TextArea name="body" label=t.authoring_body hint=t.authoring_body_hint value=body rows=20 required=true/>
                    <button type="submit" name="preview" value="1" formnovalidate=true class="btn btn-outline-secondary btn-sm preview-button">
                        {t.community_preview}
                    </button>
                </MarkdownEditor>
            </div>
            <div class="button-row">{buttons}</div>
        </PostForm>
        <Versions t versions/>
    }
}

#[component]
fn Versions(t: &'static Texts, versions: Vec<VersionEntry>) -> impl IntoView {
    (!versions.is_empty()).then(|| {
        view! {
            <section aria-labelledby="versions">
                <h2 id="versions">{t.authoring_versions}</h2>
                <ul>
                    {versions
                        .into_iter()
                        .map(|v| {
                            let when = format!("{} {}", italian_date(&rome_date(v.published_at)), rome_clock(v.published_at));
                            view! { <li>{fill(t.authoring_version_line, &[("version", &v.version.to_string()), ("date", &when)])}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
