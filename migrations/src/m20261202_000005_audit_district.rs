//! The district an audit entry belongs to, so that a coordinator reads the
//! entries of the districts they coordinate only. Existing entries about a
//! user take that user's home district; the others stay without one (only
//! a coordinator of every district reads those).

use sea_orm_migration::{prelude::*, schema::*, sea_orm::prelude::Uuid};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    District,
    SubjectKind,
    SubjectId,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    HomeDistrict,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(AuditEntry::Table).add_column(string_len_null(AuditEntry::District, 16)).to_owned())
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_entry_district")
                    .table(AuditEntry::Table)
                    .col(AuditEntry::District)
                    .col(AuditEntry::Id)
                    .to_owned(),
            )
            .await?;
        // Subjects are stored as text and user ids as each engine stores a
        // UUID, so the two are matched here rather than in SQL.
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let users =
            db.query_all_raw(backend.build(&Query::select().columns([User::Id, User::HomeDistrict]).from(User::Table).to_owned())).await?;
        for row in users {
            let id: Uuid = row.try_get("", "id")?;
            let district: String = row.try_get("", "home_district")?;
            let update = Query::update()
                .table(AuditEntry::Table)
                .value(AuditEntry::District, district)
                .and_where(Expr::col(AuditEntry::SubjectKind).eq("user"))
                .and_where(Expr::col(AuditEntry::SubjectId).eq(id.to_string()))
                .to_owned();
            db.execute_raw(backend.build(&update)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_audit_entry_district").table(AuditEntry::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(AuditEntry::Table).drop_column(AuditEntry::District).to_owned()).await
    }
}
