use leptos::prelude::*;

use crate::domain::{AppError, consultations::OwnConsultations};

/// The reader's own requests, and whether they file or work the queue.
#[server(endpoint = "consultations/load_own")]
pub async fn load_own_consultations() -> Result<OwnConsultations, AppError> {
    use crate::{
        api::respond,
        domain::Role,
        ssr::{authz, consultations::queue, state::app_state},
    };
    let state = app_state()?;
    respond::data(
        async {
            let reader = authz::require_user()?;
            Ok(OwnConsultations {
                rows: queue::own(&state, &reader).await?,
                works_queue: reader.has_role(Role::Jurist) || reader.has_role(Role::Coordinator),
                may_file: reader.has_role(Role::Guardian),
            })
        }
        .await,
    )
}
