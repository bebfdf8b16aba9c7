//! `tutela search rebuild`: writes the search index again from what is
//! stored, after an upgrade changed how text is analysed, or to repair it.

use clap::Subcommand;
use sea_orm::TransactionTrait as _;
use tutela_app::ssr::search;

use crate::{config::Config, error::ServerResult, state};

#[derive(Subcommand)]
pub enum SearchCommand {
    /// Empty the search index and write every findable thing to it again.
    Rebuild,
}

pub async fn run(config: &Config, command: SearchCommand) -> ServerResult<()> {
    match command {
        SearchCommand::Rebuild => {
            let db = state::open_database(config).await?;
            // One transaction: searches go on finding the old index until the new one is whole.
            let txn = db.begin().await?;
            let written = search::rebuild(&txn).await?;
            txn.commit().await?;
            println!("search index rebuilt: {written} documents");
            Ok(())
        }
    }
}
