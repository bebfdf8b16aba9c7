//! A module's quiz written in the browser: its title, pass threshold and
//! attempt limit, and its questions, each with one or several right
//! choices and the explanation learners read after answering. A quiz is a
//! draft until published (it needs a question); published, it counts
//! toward completing a cycle. Attempts record answers by question and
//! choice keys (a, b, c… by position), as the import's quizzes do, so a
//! question changed later never changes a score already given. A question
//! refused is kept as the author's draft and shown again.

use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, IntoActiveModel as _,
    PaginatorTrait as _, QueryFilter as _, QueryOrder as _, prelude::Uuid,
};

use super::{
    authored_course, authored_module, begin_write, check_titles, new_key, publishing_state, record, require_author, status_of, touch,
};
use crate::{
    domain::{
        FieldProblem, Problem, SessionUser,
        authoring::{ChoiceFields, QuestionEntry, QuestionFields, QuizEditor, QuizSettings},
        training::PartStatus,
    },
    i18n::Locale,
    ssr::{
        authz::account_id,
        drafts,
        entities::{course, course_module, quiz, quiz_attempt, quiz_choice, quiz_question},
        error::{ServiceError, ServiceResult, Validation},
        state::AppState,
        training::parse_id,
    },
};

const DEFAULT_PASS_PERCENT: i16 = 70;
const PASS_PERCENT: std::ops::RangeInclusive<i16> = 1..=100;
const MAX_ATTEMPTS: std::ops::RangeInclusive<i32> = 1..=20;
/// A prompt, a choice or an explanation at most.
pub const TEXT_CHARS: usize = 1000;
/// Choices a question may have; the form offers this many rows.
pub const MAX_CHOICES: usize = 6;
/// Rows the form offers beyond the choices a question has.
const SPARE_ROWS: usize = 2;

/// The key of the choice at `index`: a, b, c…
fn choice_key(index: usize) -> String {
    char::from(b'a' + u8::try_from(index).unwrap_or(25)).to_string()
}

/// The draft a refused question is kept as: `question` is empty for a new one.
fn draft_target(quiz: Uuid, question: &str) -> String {
    format!("quiz:{quiz}:{}", if question.is_empty() { "new" } else { question })
}

/// A quiz of an authored course, with its course.
async fn authored_quiz(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<(quiz::Model, course::Model)> {
    let row = quiz::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let course = authored_course(db, row.course_id).await?;
    Ok((row, course))
}

/// The id of question `question` of quiz `quiz`; any other is not found.
async fn question_of(db: &impl ConnectionTrait, quiz: &quiz::Model, question: &str) -> ServiceResult<Uuid> {
    let id = parse_id(question)?;
    quiz_question::Entity::find_by_id(id).filter(quiz_question::Column::QuizId.eq(quiz.id)).one(db).await?.ok_or(ServiceError::NotFound)?;
    Ok(id)
}

/// The quiz of module `module_id`, made (a draft, 70% to pass) if it has
/// none; its id.
pub async fn add(state: &AppState, reader: &SessionUser, module_id: &str) -> ServiceResult<Uuid> {
    require_author(reader)?;
    let txn = begin_write(state).await?;
    let (module, course) = authored_module(&txn, parse_id(module_id)?).await?;
    touch(&txn, course.id).await?;
    if module.status == PartStatus::Retired.code() {
        return Err(ServiceError::NotFound);
    }
    let existing = quiz::Entity::find()
        .filter(quiz::Column::ModuleId.eq(module.id))
        .filter(quiz::Column::Status.ne(PartStatus::Retired.code()))
        .one(&txn)
        .await?;
    if let Some(existing) = existing {
        return Ok(existing.id);
    }
    let id = Uuid::new_v4();
    quiz::Model {
        id,
        course_id: course.id,
        module_id: module.id,
        key: new_key("quiz", id),
        title_it: format!("Verifica: {}", module.title_it),
        title_en: format!("Quiz: {}", module.title_en),
        pass_percent: DEFAULT_PASS_PERCENT,
        max_attempts: None,
        status: PartStatus::Draft.code().to_owned(),
    }
    .into_active_model()
    .insert(&txn)
    .await?;
    record(&txn, reader, "course.quiz_added", ("course", course.id), id.to_string()).await?;
    txn.commit().await?;
    Ok(id)
}

/// A saved question as its form shows it, with rows to spare.
fn question_fields(question: &quiz_question::Model, choices: &[quiz_choice::Model]) -> QuestionFields {
    QuestionFields {
        multiple: question.kind == "multiple",
        prompt_it: question.prompt_it.clone(),
        prompt_en: question.prompt_en.clone(),
        explanation_it: question.explanation_it.clone(),
        explanation_en: question.explanation_en.clone(),
        choices: with_spare_rows(
            choices.iter().map(|c| ChoiceFields { text_it: c.text_it.clone(), text_en: c.text_en.clone(), right: c.correct }).collect(),
        ),
    }
}

fn with_spare_rows(mut choices: Vec<ChoiceFields>) -> Vec<ChoiceFields> {
    let rows = (choices.len() + SPARE_ROWS).clamp(4, MAX_CHOICES);
    choices.resize(rows.max(choices.len()), ChoiceFields::default());
    choices
}

/// The question form's content: the author's kept draft if there is one.
async fn entry(db: &impl ConnectionTrait, author: Uuid, quiz: Uuid, id: String, saved: QuestionFields) -> ServiceResult<QuestionEntry> {
    let kept = drafts::load(db, author, &draft_target(quiz, &id))
        .await?
        .and_then(|draft| serde_json::from_str::<QuestionFields>(&draft.body).ok());
    Ok(match kept {
        Some(fields) => QuestionEntry { id, fields: QuestionFields { choices: with_spare_rows(fields.choices), ..fields }, kept: true },
        None => QuestionEntry { id, fields: saved, kept: false },
    })
}

/// `/training/authoring/quizzes/{id}`.
pub async fn editor(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<QuizEditor> {
    require_author(reader)?;
    let db = &state.db;
    let author = account_id(reader)?;
    let (row, course) = authored_quiz(db, parse_id(id)?).await?;
    let module = course_module::Entity::find_by_id(row.module_id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let questions = quiz_question::Entity::find()
        .filter(quiz_question::Column::QuizId.eq(row.id))
        .order_by_asc(quiz_question::Column::Position)
        .all(db)
        .await?;
    let choices = quiz_choice::Entity::find()
        .filter(quiz_choice::Column::QuestionId.is_in(questions.iter().map(|q| q.id)))
        .order_by_asc(quiz_choice::Column::Position)
        .all(db)
        .await?;
    let mut entries = Vec::with_capacity(questions.len());
    for question in &questions {
        let of_question: Vec<quiz_choice::Model> = choices.iter().filter(|c| c.question_id == question.id).cloned().collect();
        entries.push(entry(db, author, row.id, question.id.to_string(), question_fields(question, &of_question)).await?);
    }
    let blank = QuestionFields { choices: with_spare_rows(Vec::new()), ..QuestionFields::default() };
    Ok(QuizEditor {
        id: row.id.to_string(),
        course_id: course.id.to_string(),
        course_title: locale.pick(&course.title_it, &course.title_en).to_owned(),
        module_title: locale.pick(&module.title_it, &module.title_en).to_owned(),
        settings: QuizSettings {
            title_it: row.title_it,
            title_en: row.title_en,
            pass_percent: row.pass_percent.to_string(),
            max_attempts: row.max_attempts.map(|n| n.to_string()).unwrap_or_default(),
        },
        status: status_of(&row.status),
        questions: entries,
        new_question: entry(db, author, row.id, String::new(), blank).await?,
        attempts: quiz_attempt::Entity::find().filter(quiz_attempt::Column::QuizId.eq(row.id)).count(db).await?,
    })
}

/// Changes a quiz's titles, pass threshold and attempt limit.
pub async fn save_settings(state: &AppState, reader: &SessionUser, id: &str, settings: &QuizSettings) -> ServiceResult<()> {
    require_author(reader)?;
    let mut validation = Validation::default();
    let (title_it, title_en) = (settings.title_it.trim(), settings.title_en.trim());
    check_titles(&mut validation, title_it, title_en);
    let pass_percent = settings.pass_percent.trim().parse::<i16>().ok().filter(|p| PASS_PERCENT.contains(p));
    if pass_percent.is_none() {
        validation.add("pass_percent", Problem::NumberOutOfRange);
    }
    let max_attempts = match settings.max_attempts.trim() {
        "" => Some(None),
        text => text.parse::<i32>().ok().filter(|n| MAX_ATTEMPTS.contains(n)).map(Some),
    };
    if max_attempts.is_none() {
        validation.add("max_attempts", Problem::NumberOutOfRange);
    }
    validation.finish()?;
    let txn = begin_write(state).await?;
    let (row, course) = authored_quiz(&txn, parse_id(id)?).await?;
    quiz::ActiveModel {
        id: Set(row.id),
        title_it: Set(title_it.to_owned()),
        title_en: Set(title_en.to_owned()),
        pass_percent: Set(pass_percent.unwrap_or(DEFAULT_PASS_PERCENT)),
        max_attempts: Set(max_attempts.flatten()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    touch(&txn, course.id).await?;
    record(&txn, reader, "course.quiz_saved", ("course", course.id), row.id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

/// Publishes a quiz (`to` "published": it needs a question) or takes it
/// back to draft ("draft").
pub async fn set_status(state: &AppState, reader: &SessionUser, id: &str, to: &str) -> ServiceResult<()> {
    require_author(reader)?;
    let to = publishing_state(to)?;
    let txn = begin_write(state).await?;
    let (row, course) = authored_quiz(&txn, parse_id(id)?).await?;
    if to == PartStatus::Published && quiz_question::Entity::find().filter(quiz_question::Column::QuizId.eq(row.id)).count(&txn).await? == 0
    {
        return Err(ServiceError::Refused(Problem::QuizEmpty));
    }
    quiz::ActiveModel { id: Set(row.id), status: Set(to.code().to_owned()), ..Default::default() }.update(&txn).await?;
    touch(&txn, course.id).await?;
    let action = if to == PartStatus::Published { "course.quiz_published" } else { "course.quiz_withdrawn" };
    record(&txn, reader, action, ("course", course.id), row.id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

/// The question checked, its texts trimmed and its empty rows dropped.
fn checked(fields: &QuestionFields) -> ServiceResult<QuestionFields> {
    let mut problems = Vec::new();
    let mut text = |field: &str, value: &str, required: bool| {
        let value = value.trim();
        if required && value.is_empty() {
            problems.push(FieldProblem { field: field.to_owned(), problem: Problem::Required });
        } else if value.chars().count() > TEXT_CHARS {
            problems.push(FieldProblem { field: field.to_owned(), problem: Problem::TextTooLong });
        }
        value.to_owned()
    };
    let prompt_it = text("prompt_it", &fields.prompt_it, true);
    let prompt_en = text("prompt_en", &fields.prompt_en, true);
    let explanation_it = text("explanation_it", &fields.explanation_it, false);
    let explanation_en = text("explanation_en", &fields.explanation_en, false);
    let mut choices = Vec::new();
    for (index, choice) in fields.choices.iter().enumerate().take(MAX_CHOICES) {
        if choice.text_it.trim().is_empty() && choice.text_en.trim().is_empty() {
            continue;
        }
        // A row begun in one language is finished in the other.
        let text_it = text(&format!("choice_it[{index}]"), &choice.text_it, true);
        let text_en = text(&format!("choice_en[{index}]"), &choice.text_en, true);
        choices.push(ChoiceFields { text_it, text_en, right: choice.right });
    }
    if choices.len() < 2 {
        problems.push(FieldProblem { field: "choices".to_owned(), problem: Problem::FewChoices });
    }
    let right = choices.iter().filter(|c| c.right).count();
    if choices.len() >= 2 && (right == 0 || (!fields.multiple && right > 1) || right == choices.len()) {
        problems.push(FieldProblem { field: "right".to_owned(), problem: Problem::RightChoices });
    }
    if !problems.is_empty() {
        return Err(ServiceError::Invalid(problems));
    }
    Ok(QuestionFields { multiple: fields.multiple, prompt_it, prompt_en, explanation_it, explanation_en, choices })
}

/// Adds a question to quiz `quiz_id` (`question` empty) or changes one;
/// a refused one is kept as the author's draft.
pub async fn save_question(
    state: &AppState,
    reader: &SessionUser,
    quiz_id: &str,
    question: &str,
    fields: &QuestionFields,
) -> ServiceResult<()> {
    require_author(reader)?;
    let author = account_id(reader)?;
    let (row, _) = authored_quiz(&state.db, parse_id(quiz_id)?).await?;
    let target = draft_target(row.id, question);
    let fields = match checked(fields) {
        Ok(fields) => fields,
        Err(error) => {
            let kept = serde_json::to_string(fields).map_err(|e| ServiceError::Internal(e.to_string()))?;
            drafts::keep(&state.db, author, &target, "", &kept).await?;
            return Err(error);
        }
    };
    let txn = begin_write(state).await?;
    let (row, course) = authored_quiz(&txn, row.id).await?;
    touch(&txn, course.id).await?;
    let kind = if fields.multiple { "multiple" } else { "single" };
    let question_id = if question.is_empty() {
        let last = quiz_question::Entity::find()
            .filter(quiz_question::Column::QuizId.eq(row.id))
            .order_by_desc(quiz_question::Column::Position)
            .one(&txn)
            .await?
            .map(|q| q.position);
        let id = Uuid::new_v4();
        quiz_question::Model {
            id,
            quiz_id: row.id,
            key: new_key("question", id),
            position: super::after(last),
            kind: kind.to_owned(),
            prompt_it: fields.prompt_it,
            prompt_en: fields.prompt_en,
            explanation_it: fields.explanation_it,
            explanation_en: fields.explanation_en,
        }
        .into_active_model()
        .insert(&txn)
        .await?;
        id
    } else {
        let id = question_of(&txn, &row, question).await?;
        quiz_question::ActiveModel {
            id: Set(id),
            kind: Set(kind.to_owned()),
            prompt_it: Set(fields.prompt_it),
            prompt_en: Set(fields.prompt_en),
            explanation_it: Set(fields.explanation_it),
            explanation_en: Set(fields.explanation_en),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        quiz_choice::Entity::delete_many().filter(quiz_choice::Column::QuestionId.eq(id)).exec(&txn).await?;
        id
    };
    let choices: Vec<quiz_choice::ActiveModel> = fields
        .choices
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            quiz_choice::Model {
                id: Uuid::new_v4(),
                question_id,
                key: choice_key(index),
                position: i32::try_from(index).unwrap_or(i32::MAX),
                correct: choice.right,
                text_it: choice.text_it.clone(),
                text_en: choice.text_en.clone(),
            }
            .into_active_model()
        })
        .collect();
    quiz_choice::Entity::insert_many(choices).exec_without_returning(&txn).await?;
    drafts::forget(&txn, author, &target).await?;
    record(&txn, reader, "course.question_saved", ("course", course.id), question_id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a question from quiz `quiz_id`; attempts keep what was asked.
pub async fn remove_question(state: &AppState, reader: &SessionUser, quiz_id: &str, question: &str) -> ServiceResult<()> {
    require_author(reader)?;
    let txn = begin_write(state).await?;
    let (row, course) = authored_quiz(&txn, parse_id(quiz_id)?).await?;
    touch(&txn, course.id).await?;
    let id = question_of(&txn, &row, question).await?;
    quiz_choice::Entity::delete_many().filter(quiz_choice::Column::QuestionId.eq(id)).exec(&txn).await?;
    quiz_question::Entity::delete_by_id(id).exec(&txn).await?;
    record(&txn, reader, "course.question_removed", ("course", course.id), id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(choices: &[(&str, &str, bool)], multiple: bool) -> QuestionFields {
        QuestionFields {
            multiple,
            prompt_it: "Chi nomina il tutore?".into(),
            prompt_en: "Who appoints the guardian?".into(),
            choices: choices.iter().map(|&(it, en, right)| ChoiceFields { text_it: it.into(), text_en: en.into(), right }).collect(),
            ..QuestionFields::default()
        }
    }

    fn problems(fields: &QuestionFields) -> Vec<(String, Problem)> {
        match checked(fields) {
            Err(ServiceError::Invalid(problems)) => problems.into_iter().map(|p| (p.field, p.problem)).collect(),
            other => panic!("accepted: {other:?}"),
        }
    }

    #[test]
    fn empty_rows_are_dropped_and_keys_follow_positions() {
        let fields = question(&[("Il tribunale", "The court", true), ("", "", false), ("Il sindaco", "The mayor", false)], false);
        let checked = checked(&fields).unwrap();
        assert_eq!(checked.choices.len(), 2);
        assert_eq!((choice_key(0), choice_key(1)), ("a".to_owned(), "b".to_owned()));
    }

    #[test]
    fn a_single_choice_question_has_exactly_one_right_choice() {
        let two_right = question(&[("A", "A", true), ("B", "B", true), ("C", "C", false)], false);
        assert_eq!(problems(&two_right), [("right".to_owned(), Problem::RightChoices)]);
        assert!(checked(&question(&[("A", "A", true), ("B", "B", true), ("C", "C", false)], true)).is_ok());
        let none_right = question(&[("A", "A", false), ("B", "B", false)], true);
        assert_eq!(problems(&none_right), [("right".to_owned(), Problem::RightChoices)]);
        let all_right = question(&[("A", "A", true), ("B", "B", true)], true);
        assert_eq!(problems(&all_right), [("right".to_owned(), Problem::RightChoices)]);
    }

    #[test]
    fn a_choice_in_one_language_only_and_too_few_choices_are_said() {
        let fields = question(&[("Il tribunale", "", true)], false);
        assert_eq!(problems(&fields), [("choice_en[0]".to_owned(), Problem::Required), ("choices".to_owned(), Problem::FewChoices)]);
    }
}
