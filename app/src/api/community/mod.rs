//! The communities' server functions: each checks that the reader may take
//! part in, or moderate, the category it touches.

pub mod accept_answer;
pub mod approve_post;
pub mod categories;
pub mod change_topic;
pub mod create_topic;
pub mod delete_post;
pub mod dismiss_flags;
pub mod edit_post;
pub mod flag_post;
pub mod hide_post;
pub mod load_category;
pub mod load_topic;
pub mod moderation_queue;
pub mod react;
pub mod reject_post;
pub mod reply;
pub mod restore_post;
pub mod set_watch;
pub mod silence_author;

/// Where a post's form goes once sent: to the post when `published` (with
/// that notice), back to the form (`back`, at `anchor`) to see the text
/// rendered after a preview, or back with word that it waits for approval.
#[cfg(feature = "ssr")]
fn after_post(
    outcome: crate::ssr::community::write::Outcome,
    published: crate::domain::Notice,
    back: &str,
    anchor: &str,
) -> crate::api::respond::Done {
    use crate::{api::respond::Done, domain::Notice, ssr::community::write::Outcome};
    match outcome {
        Outcome::Published(link) => Done::to(link, published),
        Outcome::AwaitingApproval => Done::to(back, Notice::PostAwaitingApproval),
        Outcome::Previewed => Done { redirect: format!("{back}#{anchor}"), notice: None },
    }
}

/// Where a moderator's form sends them back: a path of ours only, never
/// another site (the form's `back` field is the browser's to change).
#[cfg(feature = "ssr")]
fn local_path(back: &str) -> String {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back.to_owned()
    } else {
        crate::routes::paths::COMMUNITY.to_owned()
    }
}
