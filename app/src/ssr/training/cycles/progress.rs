//! Where learners stand toward completing a cycle: the course's published
//! lessons read, its quizzes passed, and the meetings' hours attended.
//! Computed from those records whenever it is shown, so it is always up to
//! date with the last change to any of them.

use std::collections::HashMap;

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, QuerySelect as _, prelude::Uuid};

use crate::{
    domain::cycles::{AttendanceMark, CycleProgress},
    ssr::{
        entities::{attendance, course_module, cycle_session, lesson, lesson_read, quiz, quiz_attempt, training_cycle},
        error::ServiceResult,
        training::published,
    },
};

/// What completing a cycle asks for.
pub(super) struct Requirements {
    lessons: Vec<Uuid>,
    quizzes: Vec<Uuid>,
    /// Each session with the minutes it counts.
    sessions: Vec<(Uuid, i32)>,
    min_attendance: i32,
}

pub(super) async fn requirements(db: &impl ConnectionTrait, cycle: &training_cycle::Model) -> ServiceResult<Requirements> {
    let modules: Vec<Uuid> = course_module::Entity::find()
        .select_only()
        .column(course_module::Column::Id)
        .filter(course_module::Column::CourseId.eq(cycle.course_id))
        .filter(course_module::Column::Status.eq(published()))
        .into_tuple()
        .all(db)
        .await?;
    let lessons: Vec<Uuid> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::Id)
        .filter(lesson::Column::ModuleId.is_in(modules.iter().copied()))
        .filter(lesson::Column::Status.eq(published()))
        .into_tuple()
        .all(db)
        .await?;
    let quizzes: Vec<Uuid> = quiz::Entity::find()
        .select_only()
        .column(quiz::Column::Id)
        .filter(quiz::Column::ModuleId.is_in(modules))
        .filter(quiz::Column::Status.eq(published()))
        .into_tuple()
        .all(db)
        .await?;
    let sessions: Vec<(Uuid, i32)> = cycle_session::Entity::find()
        .select_only()
        .columns([cycle_session::Column::Id, cycle_session::Column::CountedMinutes])
        .filter(cycle_session::Column::CycleId.eq(cycle.id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(Requirements { lessons, quizzes, sessions, min_attendance: cycle.min_attendance })
}

fn count(n: impl TryInto<i32>) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}

/// When each of `learners` last read a lesson or took a quiz of those
/// `needed` asks for.
pub(super) async fn last_activity(
    db: &impl ConnectionTrait,
    needed: &Requirements,
    learners: &[Uuid],
) -> ServiceResult<HashMap<Uuid, i64>> {
    let read: Vec<(Uuid, Option<i64>)> = lesson_read::Entity::find()
        .select_only()
        .column(lesson_read::Column::UserId)
        .column_as(lesson_read::Column::ReadAt.max(), "last")
        .filter(lesson_read::Column::LessonId.is_in(needed.lessons.iter().copied()))
        .filter(lesson_read::Column::UserId.is_in(learners.iter().copied()))
        .group_by(lesson_read::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    let tried: Vec<(Uuid, Option<i64>)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::UserId)
        .column_as(quiz_attempt::Column::SubmittedAt.max(), "last")
        .filter(quiz_attempt::Column::QuizId.is_in(needed.quizzes.iter().copied()))
        .filter(quiz_attempt::Column::UserId.is_in(learners.iter().copied()))
        .group_by(quiz_attempt::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    let mut last: HashMap<Uuid, i64> = HashMap::new();
    for (learner, at) in read.into_iter().chain(tried) {
        if let Some(at) = at {
            let entry = last.entry(learner).or_insert(at);
            *entry = (*entry).max(at);
        }
    }
    Ok(last)
}

/// The progress of each of `learners`.
pub(super) async fn of(db: &impl ConnectionTrait, needed: &Requirements, learners: &[Uuid]) -> ServiceResult<HashMap<Uuid, CycleProgress>> {
    let read: Vec<(Uuid, i64)> = lesson_read::Entity::find()
        .select_only()
        .column(lesson_read::Column::UserId)
        .column_as(lesson_read::Column::LessonId.count(), "read")
        .filter(lesson_read::Column::UserId.is_in(learners.iter().copied()))
        .filter(lesson_read::Column::LessonId.is_in(needed.lessons.iter().copied()))
        .group_by(lesson_read::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    let passed: Vec<(Uuid, Uuid)> = quiz_attempt::Entity::find()
        .select_only()
        .columns([quiz_attempt::Column::UserId, quiz_attempt::Column::QuizId])
        .filter(quiz_attempt::Column::UserId.is_in(learners.iter().copied()))
        .filter(quiz_attempt::Column::QuizId.is_in(needed.quizzes.iter().copied()))
        .filter(quiz_attempt::Column::Passed.eq(true))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let present: Vec<(Uuid, Uuid)> = attendance::Entity::find()
        .select_only()
        .columns([attendance::Column::UserId, attendance::Column::SessionId])
        .filter(attendance::Column::UserId.is_in(learners.iter().copied()))
        .filter(attendance::Column::SessionId.is_in(needed.sessions.iter().map(|(id, _)| *id)))
        .filter(attendance::Column::Mark.eq(AttendanceMark::Present.code()))
        .into_tuple()
        .all(db)
        .await?;
    let minutes: HashMap<Uuid, i32> = needed.sessions.iter().copied().collect();
    let blank = CycleProgress {
        lessons: count(needed.lessons.len()),
        quizzes: count(needed.quizzes.len()),
        counted_minutes: needed.sessions.iter().map(|(_, m)| m).sum(),
        min_attendance: needed.min_attendance,
        ..CycleProgress::default()
    };
    let mut progress: HashMap<Uuid, CycleProgress> = learners.iter().map(|&learner| (learner, blank)).collect();
    for (learner, lessons) in read {
        if let Some(p) = progress.get_mut(&learner) {
            p.lessons_read = count(lessons);
        }
    }
    for (learner, _) in passed {
        if let Some(p) = progress.get_mut(&learner) {
            p.quizzes_passed += 1;
        }
    }
    for (learner, session) in present {
        if let Some(p) = progress.get_mut(&learner) {
            p.attended_minutes += minutes.get(&session).copied().unwrap_or(0);
        }
    }
    Ok(progress)
}
