use leptos::prelude::*;

use crate::domain::AppError;

/// A jurist says whether they take a district's new requests in turn.
#[server(endpoint = "consultations/set_turn")]
pub async fn set_turn(district: String, available: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::respond::{self, Done},
        domain::Notice,
        routes::paths,
        ssr::{authz, consultations::round_robin, state::app_state},
    };
    let state = app_state()?;
    let result = async {
        round_robin::set_available(&state, &authz::require_user()?, &district, available.is_some()).await?;
        Ok(Done::to(paths::CONSULTATIONS_QUEUE, Notice::TurnSaved))
    }
    .await;
    respond::form("set_turn", paths::CONSULTATIONS_QUEUE, &[], result)
}
