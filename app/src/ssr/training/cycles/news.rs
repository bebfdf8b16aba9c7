//! The mails a cycle's learners get: a place or the waiting list, moving
//! up, being taken off, the cycle cancelled. Each in the learner's language,
//! through the outbox, within the change's transaction.

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, prelude::Uuid};

use crate::{
    domain::{UserStatus, cycles::EnrolmentStatus, italian_date, rome_clock, rome_time},
    i18n::Locale,
    routes::paths,
    ssr::{
        entities::{cycle_session, enrolment, training_cycle, user},
        error::ServiceResult,
        mail::{self, CycleNews, MailKind},
        state::AppState,
    },
};

async fn tell(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learners: &[Uuid],
    news: CycleNews,
) -> ServiceResult<()> {
    if learners.is_empty() {
        return Ok(());
    }
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(learners.iter().copied()))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .all(db)
        .await?;
    let link = state.settings.link(&paths::training_cycle(cycle.id));
    for person in people {
        let kind = MailKind::Cycle {
            name: person.name.clone(),
            title: cycle.title.clone(),
            starts_on: italian_date(&cycle.starts_on),
            news,
            link: link.clone(),
        };
        mail::enqueue(db, &person.email, Locale::from_code(&person.locale).unwrap_or_default(), &kind).await?;
    }
    Ok(())
}

/// To a learner who just got a place, or a place on the waiting list.
pub(super) async fn placed(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learner: Uuid,
    status: EnrolmentStatus,
) -> ServiceResult<()> {
    let news = if status == EnrolmentStatus::Enrolled { CycleNews::Enrolled } else { CycleNews::Waiting };
    tell(db, state, cycle, &[learner], news).await
}

/// To those who moved up from the waiting list.
pub(super) async fn promoted(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learners: &[Uuid],
) -> ServiceResult<()> {
    tell(db, state, cycle, learners, CycleNews::Promoted).await
}

/// To a learner a trainer or coordinator took off.
pub(super) async fn removed(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learner: Uuid,
) -> ServiceResult<()> {
    tell(db, state, cycle, &[learner], CycleNews::Removed).await
}

/// The learners of `cycle` in `statuses`.
async fn learners_in(db: &impl ConnectionTrait, cycle: &training_cycle::Model, statuses: &[EnrolmentStatus]) -> ServiceResult<Vec<Uuid>> {
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::CycleId.eq(cycle.id))
        .filter(enrolment::Column::Status.is_in(statuses.iter().map(|s| s.code())))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect())
}

/// To everyone enrolled or waiting, when the cycle is cancelled.
pub(super) async fn cancelled(db: &impl ConnectionTrait, state: &AppState, cycle: &training_cycle::Model) -> ServiceResult<()> {
    let learners = learners_in(db, cycle, &[EnrolmentStatus::Enrolled, EnrolmentStatus::Waiting]).await?;
    tell(db, state, cycle, &learners, CycleNews::Cancelled).await
}

/// To `recipients`, who could still enrol: enrolment closes soon.
pub(super) async fn enrolment_closing(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    recipients: &[user::Model],
) -> ServiceResult<()> {
    let link = state.settings.link(&paths::training_cycle(cycle.id));
    let settings = state.settings.link(paths::ACCOUNT_NOTIFICATIONS);
    for person in recipients {
        let kind = MailKind::EnrolmentClosing {
            name: person.name.clone(),
            title: cycle.title.clone(),
            enrol_until: italian_date(&cycle.enrol_until),
            link: link.clone(),
            settings: settings.clone(),
        };
        mail::enqueue(db, &person.email, Locale::from_code(&person.locale).unwrap_or_default(), &kind).await?;
    }
    Ok(())
}

/// To `learner`, who has left the course of `cycle` aside for two weeks.
pub(super) async fn course_left_aside(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    learner: Uuid,
    lessons_left: i32,
    quizzes_left: i32,
) -> ServiceResult<()> {
    let Some(person) = user::Entity::find_by_id(learner).one(db).await? else { return Ok(()) };
    let kind = MailKind::CourseLeftAside {
        name: person.name.clone(),
        title: cycle.title.clone(),
        lessons_left,
        quizzes_left,
        link: state.settings.link(&paths::training_course(cycle.course_id)),
        settings: state.settings.link(paths::ACCOUNT_NOTIFICATIONS),
    };
    mail::enqueue(db, &person.email, Locale::from_code(&person.locale).unwrap_or_default(), &kind).await
}

/// To the enrolled, the day before `session`: when, and where or the link.
pub(super) async fn session_soon(
    db: &impl ConnectionTrait,
    state: &AppState,
    cycle: &training_cycle::Model,
    session: &cycle_session::Model,
) -> ServiceResult<()> {
    let learners = learners_in(db, cycle, &[EnrolmentStatus::Enrolled]).await?;
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(learners))
        .filter(user::Column::Status.eq(UserStatus::Active.code()))
        .all(db)
        .await?;
    let when = format!("{}–{}", rome_time(session.starts_at), rome_clock(session.ends_at));
    let place = session.place.clone().or_else(|| session.online_link.clone()).unwrap_or_default();
    let link = state.settings.link(&paths::training_cycle(cycle.id));
    for person in people {
        let kind = MailKind::SessionReminder {
            name: person.name.clone(),
            title: cycle.title.clone(),
            when: when.clone(),
            place: place.clone(),
            link: link.clone(),
        };
        mail::enqueue(db, &person.email, Locale::from_code(&person.locale).unwrap_or_default(), &kind).await?;
    }
    Ok(())
}
