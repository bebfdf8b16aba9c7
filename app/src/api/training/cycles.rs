//! Training cycles' server functions: the list, a cycle's page and form,
//! its states, enrolment and the waiting list, learners and sessions.

// One argument per field of the cycle and session forms, here and in the browser's stub.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::domain::{
    AppError,
    cycles::{AttendanceSheet, CycleForm, CycleList, CyclePage},
};

#[server(endpoint = "training/cycles")]
pub async fn load_cycles() -> Result<CycleList, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::cycles},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { cycles::list(&state, &authz::require_user()?, context.locale).await }.await)
}

#[server(endpoint = "training/cycle")]
pub async fn load_cycle(id: String) -> Result<CyclePage, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::cycles},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { cycles::page(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

/// The form for a new cycle (`id` empty) or for changing one.
#[server(endpoint = "training/cycle_form")]
pub async fn load_cycle_form(id: String) -> Result<CycleForm, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::cycles::editing},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { editing::form(&state, &authz::require_user()?, context.locale, &id).await }.await)
}

/// Creates a cycle (no `id`) or changes one. `trainers[i]` are the ticked trainers.
#[server(endpoint = "training/save_cycle")]
pub async fn save_cycle(
    id: String,
    course: String,
    title: String,
    district: String,
    starts_on: String,
    ends_on: String,
    enrol_from: String,
    enrol_until: String,
    capacity: String,
    min_attendance: String,
    open_to_all_districts: Option<String>,
    trainers: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, cycles::CycleFields},
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::editing},
    };
    let state = app_state()?;
    let fields = CycleFields {
        course,
        title,
        district,
        starts_on,
        ends_on,
        enrol_from,
        enrol_until,
        capacity,
        min_attendance,
        open_to_all_districts: open_to_all_districts.is_some(),
        trainers: trainers.unwrap_or_default(),
    };
    let result = async {
        let saved = editing::save(&state, &authz::require_user()?, &id, &fields).await?;
        Ok(Done::to(paths::training_cycle(saved), Notice::CycleSaved))
    }
    .await;
    let back = if id.is_empty() { paths::TRAINING_CYCLE_NEW.to_owned() } else { paths::training_cycle_edit(&id) };
    let values = [
        ("course", fields.course.as_str()),
        ("title", &fields.title),
        ("district", &fields.district),
        ("starts_on", &fields.starts_on),
        ("ends_on", &fields.ends_on),
        ("enrol_from", &fields.enrol_from),
        ("enrol_until", &fields.enrol_until),
        ("capacity", &fields.capacity),
        ("min_attendance", &fields.min_attendance),
    ];
    respond::form("cycle", &back, &values, result)
}

/// Moves the cycle to the state `to` (a `CycleStatus` code).
#[server(endpoint = "training/cycle_status")]
pub async fn set_cycle_status(id: String, to: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::editing},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        editing::set_status(&state, &authz::require_user()?, &id, &to).await?;
        Ok(Done::to(back.clone(), Notice::CycleStatusChanged))
    }
    .await;
    respond::action("cycle_status", &back, result)
}

/// The reader enrols, or joins the waiting list when the cycle is full.
#[server(endpoint = "training/enrol")]
pub async fn enrol_in_cycle(id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::{Notice, cycles::EnrolmentStatus},
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::places},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        let status = places::enrol(&state, &authz::require_user()?, &id).await?;
        let notice = if status == EnrolmentStatus::Enrolled { Notice::Enrolled } else { Notice::WaitingListJoined };
        Ok(Done::to(back.clone(), notice))
    }
    .await;
    respond::action("enrol", &back, result)
}

#[server(endpoint = "training/withdraw")]
pub async fn withdraw_from_cycle(id: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::places},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        places::withdraw(&state, &authz::require_user()?, &id).await?;
        Ok(Done::to(back.clone(), Notice::Withdrawn))
    }
    .await;
    respond::action("withdraw", &back, result)
}

/// A trainer or coordinator enrols the account with address `email`.
#[server(endpoint = "training/add_learner")]
pub async fn add_cycle_learner(id: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::places},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        places::add(&state, &authz::require_user()?, &id, &email).await?;
        Ok(Done::to(back.clone(), Notice::LearnerAdded))
    }
    .await;
    respond::form("cycle_learner", &back, &[("email", &email)], result)
}

#[server(endpoint = "training/remove_learner")]
pub async fn remove_cycle_learner(id: String, learner: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::places},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        places::remove(&state, &authz::require_user()?, &id, &learner).await?;
        Ok(Done::to(back.clone(), Notice::LearnerRemoved))
    }
    .await;
    respond::action("cycle_learner_remove", &back, result)
}

/// Adds a session; `modules[i]` are the ticked modules it covers.
#[server(endpoint = "training/add_session")]
pub async fn add_cycle_session(
    id: String,
    date: String,
    starts: String,
    ends: String,
    place: String,
    online_link: String,
    counted_hours: String,
    modules: Option<Vec<String>>,
) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{
            authz,
            state::app_state,
            training::cycles::sessions::{self, SessionFields},
        },
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let modules = modules.unwrap_or_default();
    let fields = SessionFields {
        date: &date,
        starts: &starts,
        ends: &ends,
        place: &place,
        online_link: &online_link,
        counted_hours: &counted_hours,
        modules: &modules,
    };
    let result = async {
        sessions::add(&state, &authz::require_user()?, &id, &fields).await?;
        Ok(Done::to(back.clone(), Notice::SessionAdded))
    }
    .await;
    let values = [
        ("date", date.as_str()),
        ("starts", &starts),
        ("ends", &ends),
        ("place", &place),
        ("online_link", &online_link),
        ("counted_hours", &counted_hours),
    ];
    respond::form("cycle_session", &back, &values, result)
}

#[server(endpoint = "training/remove_session")]
pub async fn remove_cycle_session(id: String, session: String) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::sessions},
    };
    let state = app_state()?;
    let back = paths::training_cycle(&id);
    let result = async {
        sessions::remove(&state, &authz::require_user()?, &id, &session).await?;
        Ok(Done::to(back.clone(), Notice::SessionRemoved))
    }
    .await;
    respond::action("cycle_session_remove", &back, result)
}

/// Turns the reader's calendar feed on, at a new address.
#[server(endpoint = "training/renew_feed")]
pub async fn renew_calendar_feed() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::calendar},
    };
    let state = app_state()?;
    let result = async {
        calendar::renew_feed(&state, &authz::require_user()?).await?;
        Ok(Done::to(paths::TRAINING_CYCLES, Notice::CalendarFeedRenewed))
    }
    .await;
    respond::action("calendar_feed", paths::TRAINING_CYCLES, result)
}

#[server(endpoint = "training/stop_feed")]
pub async fn stop_calendar_feed() -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::calendar},
    };
    let state = app_state()?;
    let result = async {
        calendar::stop_feed(&state, &authz::require_user()?).await?;
        Ok(Done::to(paths::TRAINING_CYCLES, Notice::CalendarFeedStopped))
    }
    .await;
    respond::action("calendar_feed_stop", paths::TRAINING_CYCLES, result)
}

/// A session's attendance sheet, for the cycle's staff.
#[server(endpoint = "training/attendance")]
pub async fn load_attendance(id: String, session: String) -> Result<AttendanceSheet, AppError> {
    use crate::{
        api::respond,
        ssr::{authz, request::request_context, state::app_state, training::cycles::register},
    };
    let state = app_state()?;
    let context = request_context();
    respond::data(async { register::sheet(&state, &authz::require_user()?, context.locale, &id, &session).await }.await)
}

/// Records the sheet's marks (`marks[i]` = `learner:mark`), or with
/// `all_present` marks every enrolled learner present.
#[server(endpoint = "training/mark_attendance")]
pub async fn mark_attendance(id: String, session: String, marks: Option<Vec<String>>, all_present: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, state::app_state, training::cycles::register},
    };
    let state = app_state()?;
    let back = paths::training_attendance(&id, &session);
    let result = async {
        register::mark(&state, &authz::require_user()?, &id, &session, &marks.unwrap_or_default(), all_present.is_some()).await?;
        Ok(Done::to(back.clone(), Notice::AttendanceSaved))
    }
    .await;
    respond::form("attendance", &back, &[], result)
}
