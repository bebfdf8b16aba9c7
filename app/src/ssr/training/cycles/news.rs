//! The mails a cycle's learners get: a place or the waiting list, moving
//! up, being taken off, the cycle cancelled. Each in the learner's language,
//! through the outbox, within the change's transaction.

use sea_orm::{ColumnTrait as _, ConnectionTrait, EntityTrait as _, QueryFilter as _, prelude::Uuid};

use crate::{
    domain::{UserStatus, cycles::EnrolmentStatus, italian_date},
    i18n::Locale,
    routes::paths,
    ssr::{
        entities::{enrolment, training_cycle, user},
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

/// To everyone enrolled or waiting, when the cycle is cancelled.
pub(super) async fn cancelled(db: &impl ConnectionTrait, state: &AppState, cycle: &training_cycle::Model) -> ServiceResult<()> {
    let learners: Vec<Uuid> = enrolment::Entity::find()
        .filter(enrolment::Column::CycleId.eq(cycle.id))
        .filter(enrolment::Column::Status.is_in([EnrolmentStatus::Enrolled.code(), EnrolmentStatus::Waiting.code()]))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.user_id)
        .collect();
    tell(db, state, cycle, &learners, CycleNews::Cancelled).await
}
