//! The demo's cycles: one open for enrolment in each district, with its
//! district's demo trainer and a calendar of sessions, starting a few weeks
//! from the day they are seeded; and one completed last autumn, whose
//! graduate holds a certificate.

use sea_orm::{
    ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _,
    QuerySelect as _, prelude::Uuid,
};

use super::certificates;
use crate::{
    domain::{
        District,
        cycles::{AttendanceMark, CycleStatus, EnrolmentStatus},
        rome_date, rome_instant,
    },
    ssr::{
        clock,
        entities::{
            attendance, course, course_module, cycle_session, cycle_session_module, cycle_trainer, enrolment, lesson, lesson_read, quiz,
            training_cycle, user,
        },
        error::ServiceResult,
        training::{published, quizzes},
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

/// The demo's cycles, as `seed_demo` writes them.
struct DemoCycle {
    district: District,
    title: &'static str,
    capacity: i32,
    status: CycleStatus,
    /// The first day, in days from today.
    starts_in: i64,
}

const CYCLES: [DemoCycle; 3] = [
    DemoCycle { district: District::Milano, title: "Milano, ciclo di primavera", capacity: 25, status: CycleStatus::Open, starts_in: 35 },
    DemoCycle { district: District::Brescia, title: "Brescia, ciclo di primavera", capacity: 20, status: CycleStatus::Open, starts_in: 35 },
    DemoCycle {
        district: District::Milano,
        title: "Milano, ciclo d'autunno",
        capacity: 25,
        status: CycleStatus::Completed,
        starts_in: -75,
    },
];

/// Writes the demo cycles unless there are cycles already, and only once
/// the course is there: one open for enrolment in each district, and a
/// completed one whose learner `graduate_email` read every lesson, passed
/// every quiz, attended every meeting and holds its certificate. Returns
/// how many cycles were written.
pub async fn seed_demo(
    db: &impl ConnectionTrait,
    trainer_email: impl Fn(District) -> String,
    graduate_email: &str,
) -> ServiceResult<usize> {
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
    for demo in CYCLES {
        let id = Uuid::new_v4();
        let cycle = training_cycle::Model {
            id,
            course_id: course.id,
            district: demo.district.code().to_owned(),
            title: demo.title.to_owned(),
            starts_on: day(demo.starts_in),
            ends_on: day(demo.starts_in + 25),
            enrol_from: day(demo.starts_in - 42),
            enrol_until: day(demo.starts_in - 5),
            capacity: demo.capacity,
            min_attendance: 75,
            open_to_all_districts: false,
            status: demo.status.code().to_owned(),
            created_by: None,
            created_at: now,
            updated_at: now,
            closing_announced_at: None,
        };
        training_cycle::Entity::insert(training_cycle::ActiveModel::from(cycle.clone())).exec_without_returning(db).await?;
        if let Some(trainer) = user::Entity::find().filter(user::Column::Email.eq(trainer_email(demo.district))).one(db).await? {
            cycle_trainer::Entity::insert(cycle_trainer::ActiveModel { cycle_id: Set(id), user_id: Set(trainer.id) })
                .exec_without_returning(db)
                .await?;
        }
        let mut sessions = Vec::new();
        for (offset, starts, ends, place, covered) in SESSIONS {
            let date = day(demo.starts_in + offset);
            let (Some(starts_at), Some(ends_at)) = (rome_instant(&date, starts), rome_instant(&date, ends)) else { continue };
            let session = Uuid::new_v4();
            cycle_session::Entity::insert(cycle_session::ActiveModel {
                id: Set(session),
                cycle_id: Set(id),
                starts_at: Set(starts_at),
                ends_at: Set(ends_at),
                place: Set(place.map(str::to_owned)),
                online_link: Set(place.is_none().then(|| format!("https://meet.example.org/ditu-{}", demo.district.code()))),
                counted_minutes: Set(i32::try_from(ends - starts).unwrap_or(0)),
                reminded_at: Set(None),
            })
            .exec_without_returning(db)
            .await?;
            sessions.push((session, ends_at));
            for module in modules.iter().filter(|m| covered.contains(&m.position)) {
                cycle_session_module::Entity::insert(cycle_session_module::ActiveModel {
                    session_id: Set(session),
                    module_id: Set(module.id),
                })
                .exec_without_returning(db)
                .await?;
            }
        }
        if demo.status == CycleStatus::Completed
            && let Some(graduate) = user::Entity::find().filter(user::Column::Email.eq(graduate_email)).one(db).await?
        {
            graduated(db, &cycle, &modules, &sessions, graduate.id).await?;
        }
        written += 1;
    }
    Ok(written)
}

/// `learner` enrolled in the completed `cycle` and did everything it asks,
/// each on the day of its meeting: then the certificate is issued.
async fn graduated(
    db: &impl ConnectionTrait,
    cycle: &training_cycle::Model,
    modules: &[course_module::Model],
    sessions: &[(Uuid, i64)],
    learner: Uuid,
) -> ServiceResult<()> {
    let enrolled_at = rome_instant(&cycle.enrol_from, 9 * 60).unwrap_or(cycle.created_at);
    enrolment::Entity::insert(enrolment::ActiveModel {
        id: Set(Uuid::new_v4()),
        cycle_id: Set(cycle.id),
        user_id: Set(learner),
        status: Set(EnrolmentStatus::Enrolled.code().to_owned()),
        queued_at: Set(enrolled_at),
        updated_at: Set(enrolled_at),
        nudged_at: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    let last_meeting = sessions.iter().map(|(_, ends)| *ends).max().unwrap_or(enrolled_at);
    let module_ids: Vec<Uuid> = modules.iter().map(|m| m.id).collect();
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.is_in(module_ids.iter().copied()))
        .filter(lesson::Column::Status.eq(published()))
        .all(db)
        .await?;
    for lesson in lessons {
        lesson_read::Entity::insert(lesson_read::ActiveModel {
            user_id: Set(learner),
            lesson_id: Set(lesson.id),
            version: Set(lesson.version),
            read_at: Set(last_meeting),
        })
        .exec_without_returning(db)
        .await?;
    }
    let quizzes: Vec<Uuid> = quiz::Entity::find()
        .select_only()
        .column(quiz::Column::Id)
        .filter(quiz::Column::ModuleId.is_in(module_ids))
        .filter(quiz::Column::Status.eq(published()))
        .into_tuple()
        .all(db)
        .await?;
    for quiz in quizzes {
        quizzes::record_passed_attempt(db, quiz, learner, last_meeting).await?;
    }
    for (session, ends_at) in sessions {
        attendance::Entity::insert(attendance::ActiveModel {
            session_id: Set(*session),
            user_id: Set(learner),
            mark: Set(AttendanceMark::Present.code().to_owned()),
            marked_by: Set(None),
            marked_at: Set(*ends_at),
        })
        .exec_without_returning(db)
        .await?;
    }
    certificates::issue(db, cycle, &[learner]).await?;
    Ok(())
}
