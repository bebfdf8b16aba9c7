//! `tutela migrate`: bring the schema up to date and exit.

use crate::{config::Config, error::ServerResult, state};

pub async fn run(config: &Config) -> ServerResult<()> {
    state::open_database(config).await?;
    println!("database schema is up to date");
    Ok(())
}
