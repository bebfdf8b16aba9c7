//! The demo's cycles: one open for enrolment in each district, with its
//! district's demo trainer and a calendar of sessions, starting a few weeks
//! from the day they are seeded.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _,
    prelude::Uuid,
};

use crate::{
    domain::{District, cycles::CycleStatus, rome_date, rome_instant},
    ssr::{
        clock,
        entities::{course, course_module, cycle_session, cycle_session_module, cycle_trainer, training_cycle, user},
        error::ServiceResult,
        training::published,
    },
};

/// A session of a demo cycle: days after the cycle's first, start and end
/// (minutes after midnight in Rome), where (or `None` online), the modules
/// covered (by position).
type DemoSession = (i64, u32, u32, Option<&'static str>, &'static [i32]);

const SESSIONS: [DemoSession; 4] = [
    (0, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[1, 2]),
    (7, 18 * 60, 20 * 60, None, &[3]),
    (14, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[4, 5]),
    (21, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[6, 7]),
];

/// Writes the demo cycles unless there are cycles already, and only once
/// the course is there; returns how many were written.
pub async fn seed_demo(db: &impl ConnectionTrait, trainer_email: impl Fn(District) -> String) -> ServiceResult<usize> {
    if training_cycle::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let Some(course) =
        course::Entity::find().filter(course::Column::Status.eq(published())).order_by_asc(course::Column::CreatedAt).one(db).await?
    else {
        return Ok(0);
    };
    let modules = course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(course.id))
        .filter(course_module::Column::Status.eq(published()))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?;
    let now = clock::now();
    let day = |offset: i64| rome_date(now + offset * clock::DAY);
    let mut written = 0;
    for (district, title, capacity) in
        [(District::Milano, "Milano, ciclo di primavera", 25), (District::Brescia, "Brescia, ciclo di primavera", 20)]
    {
        let id = Uuid::new_v4();
        training_cycle::Entity::insert(training_cycle::ActiveModel {
            id: Set(id),
            course_id: Set(course.id),
            district: Set(district.code().to_owned()),
            title: Set(title.to_owned()),
            starts_on: Set(day(35)),
            ends_on: Set(day(60)),
            enrol_from: Set(day(-7)),
            enrol_until: Set(day(30)),
            capacity: Set(capacity),
            min_attendance: Set(75),
            open_to_all_districts: Set(false),
            status: Set(CycleStatus::Open.code().to_owned()),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
        if let Some(trainer) = user::Entity::find().filter(user::Column::Email.eq(trainer_email(district))).one(db).await? {
            cycle_trainer::Entity::insert(cycle_trainer::ActiveModel { cycle_id: Set(id), user_id: Set(trainer.id) })
                .exec_without_returning(db)
                .await?;
        }
        for (offset, starts, ends, place, covered) in SESSIONS {
            let date = day(35 + offset);
            let (Some(starts_at), Some(ends_at)) = (rome_instant(&date, starts), rome_instant(&date, ends)) else { continue };
            let session = Uuid::new_v4();
            cycle_session::Entity::insert(cycle_session::ActiveModel {
                id: Set(session),
                cycle_id: Set(id),
                starts_at: Set(starts_at),
                ends_at: Set(ends_at),
                place: Set(place.map(str::to_owned)),
                online_link: Set(place.is_none().then(|| format!("https://meet.example.org/ditu-{}", district.code()))),
                counted_minutes: Set(i32::try_from(ends - starts).unwrap_or(0)),
                reminded_at: Set(None),
            })
            .exec_without_returning(db)
            .await?;
            for module in modules.iter().filter(|m| covered.contains(&m.position)) {
                cycle_session_module::Entity::insert(cycle_session_module::ActiveModel {
                    session_id: Set(session),
                    module_id: Set(module.id),
                })
                .exec_without_returning(db)
                .await?;
            }
        }
        written += 1;
    }
    Ok(written)
}
