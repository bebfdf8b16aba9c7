//! Opening the database, bringing its schema up to date, and reading lists
//! a page at a time.

use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait as _, QuerySelect as _, Select,
};
use tutela_migrations::{Migrator, MigratorTrait as _};

/// Connects to SQLite or PostgreSQL, as the URL says. SQLite gets WAL,
/// foreign keys and a busy timeout, and its file is created if missing.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false).acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        options.max_connections(8).min_connections(1).map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    } else {
        options.max_connections(16).min_connections(1);
    }
    Database::connect(options).await
}

/// Applies every pending migration; an error here must stop the server.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Whether the database answers.
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}

/// One page of a list.
pub struct Page<M> {
    pub rows: Vec<M>,
    /// How many rows match in all.
    pub total: u64,
    /// The page shown, counted from zero: the one asked for, or the last.
    pub page: u64,
    /// How many pages there are, at least one.
    pub pages: u64,
}

/// Page `page` of the rows `matching` selects, in the order `ordered` puts
/// them. The rows are counted without the order: counting an ordered
/// selection makes the database sort every row first.
pub async fn fetch_page<'db, E, C>(
    db: &'db C,
    matching: Select<E>,
    ordered: impl FnOnce(Select<E>) -> Select<E>,
    page: u64,
    page_size: u64,
) -> Result<Page<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Send + Sync + 'db,
    C: ConnectionTrait,
{
    let total = matching.clone().count(db).await?;
    let pages = std::cmp::max(total.div_ceil(page_size), 1);
    let page = std::cmp::min(page, pages - 1);
    let rows = ordered(matching).offset(page * page_size).limit(page_size).all(db).await?;
    Ok(Page { rows, total, page, pages })
}
