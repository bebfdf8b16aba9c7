use leptos::prelude::*;

use crate::domain::{AppError, consultations::QueuePage};

/// A page of the jurists' queue. Unknown filter values are ignored, as a
/// hand-edited address deserves.
#[server(endpoint = "consultations/load_queue")]
pub async fn load_queue(
    view: String,
    status: String,
    topic: String,
    urgency: String,
    district: String,
    assignee: String,
    page: u64,
) -> Result<QueuePage, AppError> {
    use crate::{
        api::respond,
        domain::{
            District,
            consultations::{QueueFilter, QueueView, Status, Topic, Urgency},
        },
        ssr::{authz, consultations::queue, state::app_state},
    };
    let state = app_state()?;
    let filter = QueueFilter {
        view: QueueView::from_code(&view),
        status: Status::from_code(&status),
        topic: Topic::from_code(&topic),
        urgency: Urgency::from_code(&urgency),
        district: District::from_code(&district),
        assignee: (!assignee.is_empty()).then_some(assignee),
    };
    respond::data(async { queue::page(&state, &authz::require_user()?, filter, page).await }.await)
}
