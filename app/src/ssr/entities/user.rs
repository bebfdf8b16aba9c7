use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub locale: String,
    pub home_district: String,
    pub status: String,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The TOTP secret, base32, once two-factor sign-in is on.
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    /// The last time step whose code was accepted: no code is accepted twice.
    pub totp_last_step: Option<i64>,
    /// A `MailFrequency` code: how notifications reach the inbox.
    pub notify_mail: String,
    /// When the next digest is due, for daily and weekly mail.
    pub digest_due_at: Option<i64>,
    /// Notifications not read yet, kept with the account so that every
    /// page shows the count without another query.
    pub unread_notifications: i32,
    /// Until when a coordinator stopped them writing in the community.
    pub silenced_until: Option<i64>,
    /// How others @mention them in the community; unique.
    pub handle: Option<String>,
    /// Whether the training may remind them by mail: a cycle's enrolment
    /// closing, a course left aside. Meetings are always announced.
    pub training_reminders: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user_role::Entity")]
    UserRole,
}

impl Related<super::user_role::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserRole.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The account's home district; Milano for a code this version does not know.
    pub fn home(&self) -> crate::domain::District {
        crate::domain::District::from_code(&self.home_district).unwrap_or(crate::domain::District::Milano)
    }
}
