//! Who may see a request: the guardian who filed it, the co-requester they
//! invited, the jurists of its district and that district's coordinators. To anyone else it does not
//! exist. Jurists and coordinators read other people's cases, so they need
//! two-factor sign-in on first.

use sea_orm::{ConnectionTrait, EntityTrait as _, prelude::Uuid};

use super::district_of;
use crate::{
    domain::{District, Problem, Role, SessionUser},
    ssr::{
        authz::account_id,
        entities::{consultation, consultation_member},
        error::{ServiceError, ServiceResult},
        people,
    },
};

/// How the reader stands to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// They filed it.
    Requester,
    /// The guardian invited them (the minor's social worker): they read
    /// and write in the thread, as the guardian does.
    CoRequester,
    /// A jurist of its district.
    Jurist,
    /// A coordinator of its district (who may also be one of its jurists).
    Coordinator { jurist: bool },
}

impl Standing {
    pub fn is_staff(self) -> bool {
        !matches!(self, Standing::Requester | Standing::CoRequester)
    }

    pub fn is_jurist(self) -> bool {
        matches!(self, Standing::Jurist | Standing::Coordinator { jurist: true })
    }
}

/// The reader's standing to `row` without looking up co-requesters;
/// `NotFound` when they have none.
fn standing(reader: &SessionUser, row: &consultation::Model) -> ServiceResult<Standing> {
    if row.requester_id == Some(account_id(reader)?) {
        return Ok(Standing::Requester);
    }
    let district = district_of(row);
    let jurist = reader.has_role_in(Role::Jurist, district);
    let standing = if reader.has_role_in(Role::Coordinator, district) {
        Standing::Coordinator { jurist }
    } else if jurist {
        Standing::Jurist
    } else {
        return Err(ServiceError::NotFound);
    };
    if reader.needs_second_factor() { Err(ServiceError::Refused(Problem::SecondFactorRequired)) } else { Ok(standing) }
}

/// The request `id` with the reader's standing to it.
pub async fn load(db: &impl ConnectionTrait, reader: &SessionUser, id: &str) -> ServiceResult<(consultation::Model, Standing)> {
    let id = Uuid::parse_str(id).map_err(|_| ServiceError::NotFound)?;
    let row = consultation::Entity::find_by_id(id).one(db).await?.ok_or(ServiceError::NotFound)?;
    let standing = match standing(reader, &row) {
        Err(ServiceError::NotFound) if consultation_member::Entity::find_by_id((row.id, account_id(reader)?)).one(db).await?.is_some() => {
            Standing::CoRequester
        }
        other => other?,
    };
    Ok((row, standing))
}

/// The districts whose queue the reader works: where they are a jurist or
/// a coordinator.
pub fn queue_districts(reader: &SessionUser) -> ServiceResult<Vec<District>> {
    let districts: Vec<District> =
        District::ALL.into_iter().filter(|&d| reader.has_role_in(Role::Jurist, d) || reader.has_role_in(Role::Coordinator, d)).collect();
    if districts.is_empty() {
        return Err(ServiceError::Forbidden);
    }
    if reader.needs_second_factor() { Err(ServiceError::Refused(Problem::SecondFactorRequired)) } else { Ok(districts) }
}

/// The districts in which the reader may file a request: where they are a
/// guardian.
pub fn filing_districts(reader: &SessionUser) -> ServiceResult<Vec<District>> {
    let districts = reader.districts_for(Role::Guardian);
    if districts.is_empty() { Err(ServiceError::Forbidden) } else { Ok(districts) }
}

/// The jurists of `districts` by name, once per district they work in:
/// (id, name, district).
pub async fn jurists_of(db: &impl ConnectionTrait, districts: &[District]) -> ServiceResult<Vec<(Uuid, String, District)>> {
    people::holders(db, Role::Jurist, districts).await
}
