//! `/training/authoring/quizzes/{id}`: a module's quiz being written: its
//! title, pass mark and attempt limit, publishing it, and its questions,
//! each with its answers (the right ones ticked) and the explanation
//! learners read after submitting.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::authoring::PartStatusTag;
use crate::{
    api::training::authoring::{RemoveQuestion, SaveQuestion, SaveQuiz, SetQuizStatus, load_quiz_editor},
    components::{
        form::{CheckboxField, PostForm, RadioGroup, SubmitButton, TextArea, TextField},
        page::{LoadError, SignedIn},
    },
    domain::{
        authoring::{QuestionEntry, QuestionFields, QuizEditor as Editor, QuizSettings},
        training::PartStatus,
    },
    i18n::{Texts, fill, use_locale, use_texts},
    routes::paths,
};

// The answer rows' field names: a field's name lives as long as the page.
const CHOICE_IT: [&str; 6] = ["choice_it[0]", "choice_it[1]", "choice_it[2]", "choice_it[3]", "choice_it[4]", "choice_it[5]"];
const CHOICE_EN: [&str; 6] = ["choice_en[0]", "choice_en[1]", "choice_en[2]", "choice_en[3]", "choice_en[4]", "choice_en[5]"];

#[component]
pub fn QuizEditor() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_quiz_editor);
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.authoring_title/><h1>{t.authoring_title}</h1><LoadError error/> }.into_any(),
                    Ok(editor) => view! { <Quiz t editor/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn Quiz(t: &'static Texts, editor: Editor) -> impl IntoView {
    let Editor { id, course_id, course_title, module_title, settings, status, questions, new_question, attempts } = editor;
    let title = use_locale().pick(&settings.title_it, &settings.title_en).to_owned();
    let question_list = if questions.is_empty() {
        view! { <p>{t.authoring_no_questions}</p> }.into_any()
    } else {
        let quiz = id.clone();
        view! {
            <ol class="authoring-questions">
                {questions
                    .into_iter()
                    .enumerate()
                    .map(|(index, entry)| view! { <Question t quiz=quiz.clone() number=index + 1 entry/> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    let (status_id, settings_id, new_quiz) = (id.clone(), id.clone(), id);
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::TRAINING_AUTHORING>{t.authoring_title}</A>" › "
            <A href=paths::authoring_course(&course_id)>{course_title}</A>" › "
            <span>{module_title}</span>
        </p>
        <h1>{title}" "<PartStatusTag t status/></h1>
        <Publication t id=status_id status attempts/>
        <section class="panel" aria-labelledby="quiz-settings">
            <h2 id="quiz-settings">{t.authoring_quiz_settings}</h2>
            <Settings t id=settings_id settings/>
        </section>
        <section aria-labelledby="questions">
            <h2 id="questions">{t.authoring_questions}</h2>
            {question_list}
        </section>
        <section class="panel" aria-labelledby="new-question" id="question-new">
            <h2 id="new-question">{t.authoring_new_question}</h2>
            <QuestionForm t quiz=new_quiz entry=new_question/>
        </section>
    }
}

#[component]
fn Publication(t: &'static Texts, id: String, status: PartStatus, attempts: u64) -> impl IntoView {
    let (lead, to, label, class) = if status == PartStatus::Published {
        (t.authoring_quiz_published_lead, PartStatus::Draft, t.authoring_withdraw_quiz, "btn btn-outline-danger")
    } else {
        (t.authoring_quiz_draft_lead, PartStatus::Published, t.authoring_publish_quiz, "btn btn-primary")
    };
    view! {
        <section class="panel" aria-labelledby="publication">
            <h2 id="publication">{t.authoring_publication}</h2>
            <p>{lead}</p>
            {(attempts > 0).then(|| view! { <p class="meta">{fill(t.authoring_quiz_attempts, &[("count", &attempts.to_string())])}</p> })}
            <PostForm action=SetQuizStatus::url() id="quiz_status">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="to" value=to.code()/>
                <SubmitButton label class/>
            </PostForm>
        </section>
    }
}

#[component]
fn Settings(t: &'static Texts, id: String, settings: QuizSettings) -> impl IntoView {
    let QuizSettings { title_it, title_en, pass_percent, max_attempts } = settings;
    view! {
        <PostForm action=SaveQuiz::url() id="quiz_settings">
            <input type="hidden" name="id" value=id/>
            <div class="field-pair">
                <TextField name="title_it" label=t.authoring_title_it value=title_it required=true/>
                <TextField name="title_en" label=t.authoring_title_en value=title_en required=true/>
            </div>
            <div class="field-pair">
                <TextField name="pass_percent" label=t.authoring_pass_percent kind="number" hint=t.authoring_pass_percent_hint value=pass_percent required=true/>
                <TextField name="max_attempts" label=t.authoring_max_attempts kind="number" hint=t.authoring_max_attempts_hint value=max_attempts/>
            </div>
            <SubmitButton label=t.authoring_save/>
        </PostForm>
    }
}

/// A saved question: what learners are asked, its answers with the right
/// ones marked, the explanation, and the forms that change or remove it.
#[component]
fn Question(t: &'static Texts, quiz: String, number: usize, entry: QuestionEntry) -> impl IntoView {
    let locale = use_locale();
    let QuestionFields { prompt_it, prompt_en, explanation_it, explanation_en, choices, .. } = entry.fields.clone();
    let answers = choices
        .into_iter()
        .filter(|c| !c.text_it.is_empty() || !c.text_en.is_empty())
        .map(|c| {
            let text = locale.pick(&c.text_it, &c.text_en).to_owned();
            view! { <li>{text}{c.right.then(|| view! { " "<span class="tag tag-answer">{t.authoring_right_mark}</span> })}</li> }
        })
        .collect_view();
    let explanation = locale.pick(&explanation_it, &explanation_en).to_owned();
    let open = entry.kept;
    let anchor = format!("question-{}", entry.id);
    let (remove_quiz, remove_id, form_quiz) = (quiz.clone(), entry.id.clone(), quiz);
    view! {
        <li class="authoring-question" id=anchor>
            <h3>{fill(t.authoring_question, &[("number", &number.to_string())])}</h3>
            <p>{locale.pick(&prompt_it, &prompt_en).to_owned()}</p>
            <ul class="quiz-answers">{answers}</ul>
            {(!explanation.is_empty()).then(|| view! { <p class="meta">{explanation}</p> })}
            <details class="post-action" open=open>
                <summary>{t.authoring_edit_question}</summary>
                <QuestionForm t quiz=form_quiz entry/>
            </details>
            <PostForm action=RemoveQuestion::url() id="remove_question" instance=remove_id.clone() class="inline-form">
                <input type="hidden" name="quiz" value=remove_quiz/>
                <input type="hidden" name="question" value=remove_id/>
                <SubmitButton label=t.authoring_remove_question class="btn btn-outline-danger btn-sm"/>
            </PostForm>
        </li>
    }
}

/// The form of a question: a new one (`entry.id` empty) or one to change.
#[component]
fn QuestionForm(t: &'static Texts, quiz: String, entry: QuestionEntry) -> impl IntoView {
    let QuestionEntry { id, fields, kept } = entry;
    let QuestionFields { multiple, prompt_it, prompt_en, explanation_it, explanation_en, choices } = fields;
    let instance = if id.is_empty() { "new".to_owned() } else { id.clone() };
    let kinds =
        vec![("single".to_owned(), t.authoring_kind_single.to_owned()), ("multiple".to_owned(), t.authoring_kind_multiple.to_owned())];
    let label = if id.is_empty() { t.authoring_new_question } else { t.authoring_save_question };
    view! {
        {kept.then(|| view! { <p class="alert alert-warning" role="status">{t.authoring_question_kept}</p> })}
        <PostForm action=SaveQuestion::url() id="question" instance>
            <input type="hidden" name="quiz" value=quiz/>
            <input type="hidden" name="question" value=id/>
            <RadioGroup name="multiple" legend=t.authoring_kind options=kinds value=if multiple { "multiple" } else { "single" } required=true/>
            <div class="field-pair">
                <TextArea name="prompt_it" label=t.authoring_prompt_it value=prompt_it rows=2 required=true/>
                <TextArea name="prompt_en" label=t.authoring_prompt_en value=prompt_en rows=2 required=true/>
            </div>
            <fieldset class="choices">
                <legend>{t.authoring_choices}</legend>
                <p class="field-hint">{t.authoring_choices_hint}</p>
                // Built here, inside the form, so each field knows its form.
                {choices
                .into_iter()
                .take(CHOICE_IT.len())
                .enumerate()
                .map(|(index, choice)| {
                    view! {
                        <fieldset class="choice-row">
                            <legend>{fill(t.authoring_choice, &[("number", &(index + 1).to_string())])}</legend>
                            <div class="field-pair">
                                <TextField name=CHOICE_IT[index] label=t.authoring_choice_it value=choice.text_it/>
                                <TextField name=CHOICE_EN[index] label=t.authoring_choice_en value=choice.text_en/>
                            </div>
                            <CheckboxField name=format!("right[{index}]") label=t.authoring_choice_right.to_owned() value=index.to_string() checked=choice.right/>
                        </fieldset>
                    }
                })
                .collect_view()}
            </fieldset>
            <div class="field-pair">
                <TextArea name="explanation_it" label=t.authoring_explanation_it hint=t.authoring_explanation_hint value=explanation_it rows=3/>
                <TextArea name="explanation_en" label=t.authoring_explanation_en hint=t.authoring_explanation_hint value=explanation_en rows=3/>
            </div>
            <SubmitButton label/>
        </PostForm>
    }
}
