use leptos::prelude::*;

use crate::domain::AppError;

/// How many notifications the reader has not read: the header's count,
/// asked again now and then by its island.
/// (The count comes with the session, so there is nothing to wait for.)
#[server(endpoint = "notifications/unread_count", input = server_fn::codec::GetUrl)]
#[allow(clippy::unused_async)]
pub async fn unread_count() -> Result<u32, AppError> {
    use crate::{api::respond, ssr::authz};
    respond::data(authz::require_user().map(|reader| reader.unread_notifications))
}
