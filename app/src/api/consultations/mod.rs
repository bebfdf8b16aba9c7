//! The consultations' server functions: each checks the reader's standing
//! to the request it touches (`ssr::consultations::access`).

pub mod assign;
pub mod file;
pub mod invite;
pub mod join;
pub mod load;
pub mod load_form;
pub mod load_own;
pub mod load_queue;
pub mod rate;
pub mod replies;
pub mod set_turn;
pub mod stats;
pub mod step;
pub mod write;
