//! Quizzes. The page gets the questions and choices without a word on
//! which are right; a submission is scored here, recorded as an attempt,
//! and only then reviewed with the right choices and the explanations. A
//! question counts as right when exactly its right choices were ticked.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, TransactionTrait as _, prelude::Uuid,
};

use super::{published, published_course};
use crate::{
    domain::{
        Problem, SessionUser,
        training::{AttemptSummary, QuizPage, QuizQuestionView, ReviewedChoice, ReviewedQuestion},
    },
    i18n::Locale,
    ssr::{
        authz::account_id,
        clock,
        entities::{course_module, quiz, quiz_attempt, quiz_choice, quiz_question},
        error::{ServiceError, ServiceResult},
        state::AppState,
    },
};

/// A published quiz with its questions and each question's choices, in order.
struct LoadedQuiz {
    quiz: quiz::Model,
    questions: Vec<(quiz_question::Model, Vec<quiz_choice::Model>)>,
}

async fn load(db: &impl ConnectionTrait, id: &str) -> ServiceResult<LoadedQuiz> {
    let quiz = quiz::Entity::find_by_id(super::parse_id(id)?)
        .filter(quiz::Column::Status.eq(published()))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let questions = quiz_question::Entity::find()
        .filter(quiz_question::Column::QuizId.eq(quiz.id))
        .order_by_asc(quiz_question::Column::Position)
        .all(db)
        .await?;
    let mut choices = quiz_choice::Entity::find()
        .filter(quiz_choice::Column::QuestionId.is_in(questions.iter().map(|q| q.id).collect::<Vec<_>>()))
        .order_by_asc(quiz_choice::Column::Position)
        .all(db)
        .await?;
    let questions = questions
        .into_iter()
        .map(|question| {
            let (of_question, rest) = choices.drain(..).partition(|c| c.question_id == question.id);
            choices = rest;
            (question, of_question)
        })
        .collect();
    Ok(LoadedQuiz { quiz, questions })
}

/// What a form sends for a choice: its question's key and its own.
fn value_of(question: &quiz_question::Model, choice: &quiz_choice::Model) -> String {
    format!("{}:{}", question.key, choice.key)
}

/// The submitted values as each question's ticked choices; values that
/// name no choice of this quiz are dropped. Two ticked on a one-choice
/// question is simply wrong.
fn answers_from(loaded: &LoadedQuiz, values: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let mut answers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (question, choices) in &loaded.questions {
        let ticked: BTreeSet<String> = choices.iter().filter(|c| values.contains(&value_of(question, c))).map(|c| c.key.clone()).collect();
        answers.insert(question.key.clone(), ticked);
    }
    answers
}

fn is_right(choices: &[quiz_choice::Model], ticked: Option<&BTreeSet<String>>) -> bool {
    let right: BTreeSet<&String> = choices.iter().filter(|c| c.correct).map(|c| &c.key).collect();
    ticked.is_some_and(|ticked| ticked.iter().collect::<BTreeSet<_>>() == right)
}

fn summary(attempt: &quiz_attempt::Model) -> AttemptSummary {
    AttemptSummary {
        number: attempt.number,
        submitted_at: attempt.submitted_at,
        correct: attempt.correct,
        questions: attempt.questions,
        passed: attempt.passed,
    }
}

/// Whether `correct` of `questions` reaches `pass_percent`.
fn passes(correct: i32, questions: i32, pass_percent: i16) -> bool {
    questions > 0 && i64::from(correct) * 100 >= i64::from(pass_percent) * i64::from(questions)
}

/// `/training/quizzes/{id}`: for a signed-in reader, the questions, their
/// attempts, and with `attempt` that attempt's review.
pub async fn quiz_page(state: &AppState, reader: &SessionUser, locale: Locale, id: &str, attempt: Option<i32>) -> ServiceResult<QuizPage> {
    let loaded = load(&state.db, id).await?;
    let course = published_course(&state.db, loaded.quiz.course_id).await?;
    let module = course_module::Entity::find_by_id(loaded.quiz.module_id).one(&state.db).await?.ok_or(ServiceError::NotFound)?;
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::UserId.eq(account_id(reader)?))
        .filter(quiz_attempt::Column::QuizId.eq(loaded.quiz.id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(&state.db)
        .await?;
    let review = match attempt {
        None => None,
        Some(number) => {
            let attempt = attempts.iter().find(|a| a.number == number).ok_or(ServiceError::NotFound)?;
            let answers: BTreeMap<String, BTreeSet<String>> =
                serde_json::from_str(&attempt.answers).map_err(|e| ServiceError::Internal(format!("attempt {}: {e}", attempt.id)))?;
            let questions = loaded
                .questions
                .iter()
                .map(|(question, choices)| {
                    let ticked = answers.get(&question.key);
                    ReviewedQuestion {
                        prompt: locale.pick(&question.prompt_it, &question.prompt_en).to_owned(),
                        right: is_right(choices, ticked),
                        choices: choices
                            .iter()
                            .map(|c| ReviewedChoice {
                                text: locale.pick(&c.text_it, &c.text_en).to_owned(),
                                chosen: ticked.is_some_and(|t| t.contains(&c.key)),
                                correct: c.correct,
                            })
                            .collect(),
                        explanation: locale.pick(&question.explanation_it, &question.explanation_en).to_owned(),
                    }
                })
                .collect();
            Some((summary(attempt), questions))
        }
    };
    let quiz = &loaded.quiz;
    Ok(QuizPage {
        id: quiz.id.to_string(),
        course_id: course.id.to_string(),
        course_title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        module_title: locale.pick(&module.title_it, &module.title_en).to_owned(),
        title: locale.pick(&quiz.title_it, &quiz.title_en).to_owned(),
        pass_percent: quiz.pass_percent,
        questions: loaded
            .questions
            .iter()
            .map(|(question, choices)| QuizQuestionView {
                prompt: locale.pick(&question.prompt_it, &question.prompt_en).to_owned(),
                multiple: question.kind == "multiple",
                choices: choices.iter().map(|c| (value_of(question, c), locale.pick(&c.text_it, &c.text_en).to_owned())).collect(),
            })
            .collect(),
        attempts_left: quiz.max_attempts.map(|max| (max - i32::try_from(attempts.len()).unwrap_or(i32::MAX)).max(0)),
        attempts: attempts.iter().map(summary).collect(),
        review,
    })
}

/// Scores and records `reader`'s answers (`values`, as the form sends
/// them) to quiz `id`; returns the attempt's number.
pub async fn submit(state: &AppState, reader: &SessionUser, id: &str, values: &[String]) -> ServiceResult<i32> {
    let user = account_id(reader)?;
    let loaded = load(&state.db, id).await?;
    published_course(&state.db, loaded.quiz.course_id).await?;
    let made = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::UserId.eq(user))
        .filter(quiz_attempt::Column::QuizId.eq(loaded.quiz.id))
        .count(&state.db)
        .await?;
    let made = i32::try_from(made).unwrap_or(i32::MAX);
    if loaded.quiz.max_attempts.is_some_and(|max| made >= max) {
        return Err(ServiceError::Refused(Problem::NoAttemptsLeft));
    }
    let answers = answers_from(&loaded, values);
    let correct = loaded.questions.iter().filter(|(question, choices)| is_right(choices, answers.get(&question.key))).count();
    let correct = i32::try_from(correct).unwrap_or(i32::MAX);
    let questions = i32::try_from(loaded.questions.len()).unwrap_or(i32::MAX);
    let number = made + 1;
    let passed = passes(correct, questions, loaded.quiz.pass_percent);
    let attempt = quiz_attempt::ActiveModel {
        id: Set(Uuid::new_v4()),
        quiz_id: Set(loaded.quiz.id),
        user_id: Set(user),
        number: Set(number),
        answers: Set(serde_json::to_string(&answers).map_err(|e| ServiceError::Internal(e.to_string()))?),
        correct: Set(correct),
        questions: Set(questions),
        passed: Set(passed),
        submitted_at: Set(clock::now()),
    };
    // The unique (learner, quiz, number) refuses a second submission made
    // at the same moment: it would have counted the same attempts.
    let txn = state.db.begin().await?;
    attempt.insert(&txn).await.map_err(|error| match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => ServiceError::Refused(Problem::NotNow),
        _ => error.into(),
    })?;
    if passed {
        super::cycles::certificates::settle_course(&txn, state, user, loaded.quiz.course_id).await?;
    }
    txn.commit().await?;
    Ok(number)
}

/// A quiz's questions as an attempt records them answered with every right
/// choice ticked, and how many questions there are: what the sample
/// learners who passed it answered.
pub(crate) fn right_answers(questions: &[(quiz_question::Model, Vec<quiz_choice::Model>)]) -> ServiceResult<(String, i32)> {
    let answers: BTreeMap<&str, BTreeSet<&str>> = questions
        .iter()
        .map(|(question, choices)| (question.key.as_str(), choices.iter().filter(|c| c.correct).map(|c| c.key.as_str()).collect()))
        .collect();
    let json = serde_json::to_string(&answers).map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok((json, i32::try_from(questions.len()).unwrap_or(i32::MAX)))
}

/// [`right_answers`] of the published quiz `id`.
pub(crate) async fn right_answers_of(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<(String, i32)> {
    right_answers(&load(db, &id.to_string()).await?.questions)
}

#[cfg(test)]
mod tests {
    use super::passes;

    #[test]
    fn the_threshold_is_reached_not_rounded_up_to() {
        assert!(passes(7, 10, 70));
        assert!(!passes(6, 10, 70));
        assert!(passes(5, 7, 70), "71% passes 70%");
        assert!(!passes(4, 7, 70), "57% does not");
        assert!(!passes(0, 0, 0), "an empty quiz passes nobody");
    }
}
