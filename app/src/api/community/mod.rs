//! The communities' server functions: each checks that the reader may take
//! part in the category it touches.

pub mod categories;
pub mod create_topic;
pub mod load_category;
pub mod load_topic;
pub mod reply;
