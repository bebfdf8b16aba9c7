//! Reusable view pieces.

pub mod form;
pub mod layout;
pub mod page;
pub mod pagination;
pub mod post_body;
