//! Communities of practice: categories (one per district, cross-district
//! themes, and spaces kept to one role), topics, posts, and the drafts that
//! keep what someone was writing when a post could not be saved yet.
//! The first categories are created here, so every installation starts
//! with the same ones; coordinators change them afterwards.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ForumCategory {
    Table,
    Slug,
    NameIt,
    NameEn,
    DescriptionIt,
    DescriptionEn,
    District,
    Role,
    Position,
}

#[derive(DeriveIden)]
enum ForumTopic {
    Table,
    Id,
    CategorySlug,
    Title,
    AuthorId,
    CreatedAt,
    LastPostAt,
    PostCount,
    Pinned,
    Locked,
}

#[derive(DeriveIden)]
enum ForumPost {
    Table,
    Id,
    TopicId,
    Position,
    AuthorId,
    BodyMarkdown,
    BodyHtml,
    Status,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum PostDraft {
    Table,
    UserId,
    Target,
    Title,
    Body,
    UpdatedAt,
}

/// A category every installation starts with.
struct FirstCategory {
    slug: &'static str,
    name: [&'static str; 2],
    description: [&'static str; 2],
    district: Option<&'static str>,
    role: Option<&'static str>,
}

/// Names and descriptions in Italian, then English.
const CATEGORIES: &[FirstCategory] = &[
    FirstCategory {
        slug: "milano",
        name: ["Distretto di Milano", "Milano district"],
        description: [
            "Esperienze, incontri e risorse del territorio per chi è tutore nel distretto di Milano.",
            "Experience, meetings and local resources for guardians in the Milano district.",
        ],
        district: Some("milano"),
        role: None,
    },
    FirstCategory {
        slug: "brescia",
        name: ["Distretto di Brescia", "Brescia district"],
        description: [
            "Esperienze, incontri e risorse del territorio per chi è tutore nel distretto di Brescia.",
            "Experience, meetings and local resources for guardians in the Brescia district.",
        ],
        district: Some("brescia"),
        role: None,
    },
    FirstCategory {
        slug: "scuola",
        name: ["Scuola e formazione", "School and training"],
        description: [
            "Iscrizione, CPIA, lingua italiana, orientamento e tirocini.",
            "Enrolment, adult schools (CPIA), Italian, guidance and traineeships.",
        ],
        district: None,
        role: None,
    },
    FirstCategory {
        slug: "salute",
        name: ["Salute", "Health"],
        description: [
            "Iscrizione al Servizio sanitario, medico di base, cure e sostegno psicologico.",
            "Health-service registration, GPs, care and psychological support.",
        ],
        district: None,
        role: None,
    },
    FirstCategory {
        slug: "documenti",
        name: ["Documenti e permessi", "Documents and permits"],
        description: [
            "Permessi di soggiorno, codice fiscale, iscrizione anagrafica, richieste di asilo.",
            "Residence permits, tax code, residence registration, asylum applications.",
        ],
        district: None,
        role: None,
    },
    FirstCategory {
        slug: "diciotto-anni",
        name: ["Verso i 18 anni", "Turning 18"],
        description: [
            "Conversione del permesso, prosieguo amministrativo, autonomia e lavoro.",
            "Permit conversion, extended care, independence and work.",
        ],
        district: None,
        role: None,
    },
    FirstCategory {
        slug: "benessere",
        name: ["Benessere e relazioni", "Wellbeing and relationships"],
        description: [
            "La relazione con il ragazzo o la ragazza, la comunità, la famiglia lontana.",
            "The relationship with the young person, the care home, the family far away.",
        ],
        district: None,
        role: None,
    },
    FirstCategory {
        slug: "formatori",
        name: ["Spazio formatori", "Trainers' room"],
        description: [
            "Per chi forma i tutori: materiali, cicli, esperienze d'aula.",
            "For those who train guardians: material, cycles, classroom experience.",
        ],
        district: None,
        role: Some("trainer"),
    },
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ForumCategory::Table)
                    .col(string_len(ForumCategory::Slug, 40).primary_key())
                    .col(string_len(ForumCategory::NameIt, 80))
                    .col(string_len(ForumCategory::NameEn, 80))
                    .col(string_len(ForumCategory::DescriptionIt, 300))
                    .col(string_len(ForumCategory::DescriptionEn, 300))
                    // Only readers of this district (and coordinators); none: every district.
                    .col(string_len_null(ForumCategory::District, 16))
                    // Only holders of this role (and coordinators); none: everyone.
                    .col(string_len_null(ForumCategory::Role, 16))
                    .col(integer(ForumCategory::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumTopic::Table)
                    .col(uuid(ForumTopic::Id).primary_key())
                    .col(string_len(ForumTopic::CategorySlug, 40))
                    .col(string_len(ForumTopic::Title, 200))
                    .col(uuid_null(ForumTopic::AuthorId))
                    .col(big_integer(ForumTopic::CreatedAt))
                    .col(big_integer(ForumTopic::LastPostAt))
                    .col(integer(ForumTopic::PostCount))
                    .col(boolean(ForumTopic::Pinned).default(false))
                    .col(boolean(ForumTopic::Locked).default(false))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumTopic::Table, ForumTopic::CategorySlug)
                            .to(ForumCategory::Table, ForumCategory::Slug),
                    )
                    // A deleted account's topics stay, without an author.
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumTopic::Table, ForumTopic::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_topic_listing")
                    .table(ForumTopic::Table)
                    .col(ForumTopic::CategorySlug)
                    .col(ForumTopic::Pinned)
                    .col(ForumTopic::LastPostAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumPost::Table)
                    .col(uuid(ForumPost::Id).primary_key())
                    .col(uuid(ForumPost::TopicId))
                    // 1 for the opening post, then 2, 3, … in the order saved: pages and
                    // links keep a post's place whatever the clock says.
                    .col(integer(ForumPost::Position))
                    .col(uuid_null(ForumPost::AuthorId))
                    .col(text(ForumPost::BodyMarkdown))
                    // Rendered and sanitised once, when written.
                    .col(text(ForumPost::BodyHtml))
                    .col(string_len(ForumPost::Status, 16))
                    .col(big_integer(ForumPost::CreatedAt))
                    .col(big_integer_null(ForumPost::EditedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPost::Table, ForumPost::TopicId)
                            .to(ForumTopic::Table, ForumTopic::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPost::Table, ForumPost::AuthorId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_post_topic")
                    .table(ForumPost::Table)
                    .col(ForumPost::TopicId)
                    .col(ForumPost::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PostDraft::Table)
                    .col(uuid(PostDraft::UserId))
                    // What the draft is for: `category:<slug>` or `topic:<id>`.
                    .col(string_len(PostDraft::Target, 60))
                    .col(string_len(PostDraft::Title, 200))
                    .col(text(PostDraft::Body))
                    .col(big_integer(PostDraft::UpdatedAt))
                    .primary_key(Index::create().col(PostDraft::UserId).col(PostDraft::Target))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PostDraft::Table, PostDraft::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert()
            .into_table(ForumCategory::Table)
            .columns([
                ForumCategory::Slug,
                ForumCategory::NameIt,
                ForumCategory::NameEn,
                ForumCategory::DescriptionIt,
                ForumCategory::DescriptionEn,
                ForumCategory::District,
                ForumCategory::Role,
                ForumCategory::Position,
            ])
            .to_owned();
        for (position, category) in (0_i32..).zip(CATEGORIES) {
            insert.values_panic([
                category.slug.into(),
                category.name[0].into(),
                category.name[1].into(),
                category.description[0].into(),
                category.description[1].into(),
                category.district.map(str::to_owned).into(),
                category.role.map(str::to_owned).into(),
                position.into(),
            ]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in
            [PostDraft::Table.into_iden(), ForumPost::Table.into_iden(), ForumTopic::Table.into_iden(), ForumCategory::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
