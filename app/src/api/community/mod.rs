//! The communities' server functions: each checks that the reader may take
//! part in, or moderate, the category it touches.

pub mod accept_answer;
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
pub mod reply;
pub mod restore_post;
pub mod set_watch;
pub mod silence_author;

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
