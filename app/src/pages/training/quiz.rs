//! `/training/quizzes/{id}`: a module's quiz. The form holds the questions
//! (nothing in the page says which choices are right); after submitting,
//! `?attempt=N` reviews that attempt with the right choices and the
//! explanations. It all works as plain forms and links.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

use crate::{
    api::training::{SubmitQuiz, load_quiz},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::{
        rome_time,
        training::{AttemptSummary, QuizPage, QuizQuestionView, ReviewedQuestion},
    },
    i18n::{Texts, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Quiz() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let attempt = use_query_map().with_untracked(|q| q.get("attempt").and_then(|n| n.parse::<i32>().ok()));
    let data = Resource::new(move || (id.clone(), attempt), |(id, attempt)| load_quiz(id, attempt));
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.training_quiz/><h1>{t.training_quiz}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <QuizView t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

fn score_text(t: &'static Texts, attempt: &AttemptSummary) -> String {
    let percent = (i64::from(attempt.correct) * 100).checked_div(i64::from(attempt.questions)).unwrap_or(0);
    fill(
        t.training_quiz_score,
        &[("correct", &attempt.correct.to_string()), ("questions", &attempt.questions.to_string()), ("percent", &percent.to_string())],
    )
}

/// A green or red tag: a quiz passed or not, a question right or wrong.
#[component]
fn Outcome(good: bool, text: &'static str) -> impl IntoView {
    let class = if good { "tag tag-answer" } else { "tag tag-overdue" };
    view! { <span class=class>{text}</span> }
}

fn passed_text(t: &'static Texts, passed: bool) -> &'static str {
    if passed { t.training_quiz_passed } else { t.training_quiz_failed }
}

#[component]
fn QuizView(t: &'static Texts, page: QuizPage) -> impl IntoView {
    let QuizPage { id, course_id, course_title, module_title, title, pass_percent, questions, attempts, attempts_left, review } = page;
    let mut meta = fill(t.training_quiz_threshold, &[("percent", &pass_percent.to_string())]);
    if let Some(left) = attempts_left {
        meta = format!("{meta} · {}", fill(t.training_quiz_attempts_left, &[("left", &left.to_string())]));
    }
    let can_try = attempts_left.is_none_or(|left| left > 0);
    let body = match review {
        Some((attempt, reviewed)) => view! { <Review t id=id.clone() attempt reviewed can_try/> }.into_any(),
        None => view! {
            <Attempts t id=id.clone() attempts/>
            {if can_try {
                view! { <Questions t id=id.clone() questions/> }.into_any()
            } else {
                view! { <p class="alert alert-info">{t.problem_no_attempts_left}</p> }.into_any()
            }}
        }
        .into_any(),
    };
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <A href=paths::TRAINING>{t.area_training_title}</A>" › "
            <A href=paths::training_course(&course_id)>{course_title}</A>" › "
            <span>{module_title}</span>
        </p>
        <h1>{title}</h1>
        <p class="meta">{meta}</p>
        {body}
    }
}

#[component]
fn Attempts(t: &'static Texts, id: String, attempts: Vec<AttemptSummary>) -> impl IntoView {
    (!attempts.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="attempts">
                <h2 id="attempts">{t.training_quiz_attempts}</h2>
                <ul class="attempt-list">
                    {attempts.into_iter().map(|attempt| view! {
                        <li>
                            <A href=paths::training_quiz_attempt(&id, attempt.number)>
                                {fill(t.training_quiz_attempt, &[("number", &attempt.number.to_string())])}
                            </A>
                            " · "{rome_time(attempt.submitted_at)}" · "{score_text(t, &attempt)}" "
                            <Outcome good=attempt.passed text=passed_text(t, attempt.passed)/>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn Questions(t: &'static Texts, id: String, questions: Vec<QuizQuestionView>) -> impl IntoView {
    view! {
        <PostForm action=SubmitQuiz::url() id="quiz" class="quiz">
            <input type="hidden" name="id" value=id/>
            <p class="field-hint">{t.training_quiz_unanswered}</p>
            {questions.into_iter().enumerate().map(|(index, question)| {
                let hint = if question.multiple { t.training_quiz_pick_all } else { t.training_quiz_pick_one };
                let kind = if question.multiple { "checkbox" } else { "radio" };
                // Radios of a question share a name; each checkbox has its own.
                let base = index * 100;
                view! {
                    <fieldset class="quiz-question">
                        <legend>{format!("{}. {}", index + 1, question.prompt)}</legend>
                        <p class="field-hint">{hint}</p>
                        {question.choices.into_iter().enumerate().map(|(choice, (value, text))| {
                            let name = if question.multiple { format!("answers[{}]", base + choice + 1) } else { format!("answers[{base}]") };
                            let input_id = format!("q{index}-{choice}");
                            view! {
                                <div class="form-check">
                                    <input type=kind id=input_id.clone() name=name value=value/>
                                    <label for=input_id>{text}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
            <SubmitButton label=t.training_quiz_submit/>
        </PostForm>
    }
}

#[component]
fn Review(t: &'static Texts, id: String, attempt: AttemptSummary, reviewed: Vec<ReviewedQuestion>, can_try: bool) -> impl IntoView {
    view! {
        <section class="panel quiz-result" aria-labelledby="result">
            <h2 id="result">{fill(t.training_quiz_attempt, &[("number", &attempt.number.to_string())])}</h2>
            <p>{score_text(t, &attempt)}" "<Outcome good=attempt.passed text=passed_text(t, attempt.passed)/></p>
            <p>
                {can_try.then(|| view! { <A href=paths::training_quiz(&id) attr:class="btn btn-primary">{t.training_quiz_again}</A>" " })}
                <A href=paths::training_quiz(&id)>{t.training_quiz_all_attempts}</A>
            </p>
        </section>
        <ol class="quiz-review">
            {reviewed.into_iter().map(|question| view! {
                <li class="quiz-question">
                    <p class="quiz-prompt">{question.prompt}" "<Outcome good=question.right text=if question.right { t.training_quiz_right } else { t.training_quiz_wrong }/></p>
                    <ul>
                        {question.choices.into_iter().map(|choice| {
                            let mut marks = Vec::new();
                            if choice.chosen { marks.push(t.training_quiz_your_answer); }
                            if choice.correct { marks.push(t.training_quiz_right_answer); }
                            let class = if choice.correct { "choice-right" } else if choice.chosen { "choice-wrong" } else { "" };
                            view! {
                                <li class=class>
                                    {choice.text}
                                    {(!marks.is_empty()).then(|| view! { <strong>{format!(" ({})", marks.join(", "))}</strong> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="quiz-explanation">{question.explanation}</p>
                </li>
            }).collect_view()}
        </ol>
    }
}
