//! The search index: one row per searchable thing (a forum post now; lessons
//! and FAQ entries later), holding its analysed terms. SQLite indexes them
//! with FTS5, PostgreSQL with a `tsvector` and a GIN index. The terms are
//! stemmed and stripped of accents by the application before they are
//! written, so both engines index the same words with the `simple` rules.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SearchEntry {
    Table,
    Id,
    Kind,
    SourceId,
    Scope,
    Title,
    Body,
    Link,
    AuthorId,
    CreatedAt,
    Terms,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

/// FTS5 reads the terms and the scope from `search_entry` (an
/// external-content table); the triggers keep its index in step with every
/// write. The scope is indexed too, so the reader's scopes narrow the match
/// inside the index rather than row by row after it; in hexadecimal, so
/// each scope is one token that matches itself only.
const SQLITE_INDEX: [&str; 4] = [
    "CREATE VIRTUAL TABLE search_terms USING fts5(terms, scope, content='search_entry', content_rowid='id')",
    "CREATE TRIGGER search_entry_added AFTER INSERT ON search_entry BEGIN \
     INSERT INTO search_terms(rowid, terms, scope) VALUES (new.id, new.terms, hex(new.scope)); END",
    "CREATE TRIGGER search_entry_removed AFTER DELETE ON search_entry BEGIN \
     INSERT INTO search_terms(search_terms, rowid, terms, scope) VALUES ('delete', old.id, old.terms, hex(old.scope)); END",
    "CREATE TRIGGER search_entry_changed AFTER UPDATE ON search_entry BEGIN \
     INSERT INTO search_terms(search_terms, rowid, terms, scope) VALUES ('delete', old.id, old.terms, hex(old.scope)); \
     INSERT INTO search_terms(rowid, terms, scope) VALUES (new.id, new.terms, hex(new.scope)); END",
];

const POSTGRES_INDEX: [&str; 2] = [
    "ALTER TABLE search_entry ADD COLUMN terms_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED",
    "CREATE INDEX idx_search_entry_terms ON search_entry USING GIN (terms_vector)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SearchEntry::Table)
                    .col(big_integer(SearchEntry::Id).primary_key().auto_increment())
                    // What it is (`post`), and its id in its own table.
                    .col(string(SearchEntry::Kind))
                    .col(string(SearchEntry::SourceId))
                    // Who may find it, as its area decides: for a post, its category.
                    .col(string(SearchEntry::Scope))
                    .col(string(SearchEntry::Title))
                    // The plain text results quote their snippets from.
                    .col(text(SearchEntry::Body))
                    .col(string(SearchEntry::Link))
                    .col(uuid_null(SearchEntry::AuthorId))
                    .col(big_integer(SearchEntry::CreatedAt))
                    .col(text(SearchEntry::Terms))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SearchEntry::Table, SearchEntry::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_search_entry_source")
                    .table(SearchEntry::Table)
                    .col(SearchEntry::Kind)
                    .col(SearchEntry::SourceId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_search_entry_scope").table(SearchEntry::Table).col(SearchEntry::Scope).to_owned())
            .await?;
        let statements: &[&str] = match manager.get_database_backend() {
            DatabaseBackend::Postgres => &POSTGRES_INDEX,
            _ => &SQLITE_INDEX,
        };
        for statement in statements {
            manager.get_connection().execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            manager.get_connection().execute_unprepared("DROP TABLE search_terms").await?;
        }
        manager.drop_table(Table::drop().table(SearchEntry::Table).to_owned()).await
    }
}
