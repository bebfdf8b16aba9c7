//! The training's sample data:
//! - `seed_demo`, the demo's cycles: one open for enrolment in each
//!   district, with its district's demo trainer and a calendar of meetings
//!   starting a few weeks from the day they are seeded; and one completed
//!   last autumn, whose graduate holds a certificate.
//! - `seed_scale`, for trying lists at scale and for the benchmark: 40
//!   sample courses (four modules of four lessons and a quiz each) and 200
//!   cycles over the two years before now and the weeks after, in both
//!   districts, run by the districts' demo trainers; the sample guardians
//!   enrolled in their district's cycles, with the progress their cycle's
//!   dates make likely, and certificates for those who completed. The texts
//!   are put together from a guardian's everyday matters, the same on
//!   every run.
//!
//! Both write a learner's progress the same way (`Rows`), and certificates
//! are issued by the rule the application applies.

use std::collections::HashMap;

use rand::{Rng as _, SeedableRng as _, rngs::StdRng};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait as _, QueryFilter as _,
    QueryOrder as _, QuerySelect as _, RelationTrait as _, prelude::Uuid, sea_query::Expr,
};

use super::{
    cycles::certificates,
    findable, published, quizzes,
    render::{CourseLinks, render},
};
use crate::{
    domain::{
        District, Role,
        cycles::{AttendanceMark, CycleStatus, EnrolmentStatus},
        rome_date, rome_instant,
    },
    ssr::{
        clock,
        entities::{
            attendance, course, course_module, cycle_session, cycle_session_module, cycle_trainer, enrolment, lesson, lesson_read,
            lesson_version, quiz, quiz_attempt, quiz_choice, quiz_question, training_cycle, user, user_role,
        },
        error::ServiceResult,
        sample_text::{body, subject},
    },
};

/// A meeting of a sample cycle: days after the cycle's first, start and
/// end (minutes after midnight in Rome), where (or `None` online), the
/// modules covered (by position).
type SampleMeeting = (i64, u32, u32, Option<&'static str>, &'static [i32]);

const MEETINGS: [SampleMeeting; 4] = [
    (0, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[1, 2]),
    (7, 18 * 60, 20 * 60, None, &[3]),
    (14, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[4, 5]),
    (21, 9 * 60 + 30, 13 * 60, Some("Sala della formazione, sede del programma"), &[6, 7]),
];
/// A cycle's last day, after its first.
const CYCLE_DAYS: i64 = 25;

/// A cycle's meetings as written: id, start and end.
type Meetings = Vec<(Uuid, i64, i64)>;

/// A cycle whose first day is `starts_in` days from `now`; enrolment
/// opens six weeks before and closes five days before it.
fn cycle_row(
    course: Uuid,
    district: District,
    title: String,
    (starts_in, capacity, status): (i64, i32, CycleStatus),
    now: i64,
) -> training_cycle::Model {
    let day = |offset: i64| rome_date(now + offset * clock::DAY);
    training_cycle::Model {
        id: Uuid::new_v4(),
        course_id: course,
        district: district.code().to_owned(),
        title,
        starts_on: day(starts_in),
        ends_on: day(starts_in + CYCLE_DAYS),
        enrol_from: day(starts_in - 42),
        enrol_until: day(starts_in - 5),
        capacity,
        min_attendance: 75,
        open_to_all_districts: false,
        status: status.code().to_owned(),
        created_by: None,
        created_at: now,
        updated_at: now,
        closing_announced_at: None,
    }
}

/// Writes `cycle`, its trainer and its meetings (each covering the modules
/// at the positions `MEETINGS` names); returns the meetings.
async fn write_cycle(
    db: &impl ConnectionTrait,
    cycle: &training_cycle::Model,
    trainer: Option<Uuid>,
    modules: &[course_module::Model],
) -> ServiceResult<Meetings> {
    training_cycle::Entity::insert(training_cycle::ActiveModel::from(cycle.clone())).exec_without_returning(db).await?;
    if let Some(trainer) = trainer {
        cycle_trainer::Entity::insert(cycle_trainer::ActiveModel { cycle_id: Set(cycle.id), user_id: Set(trainer) })
            .exec_without_returning(db)
            .await?;
    }
    // Noon of the first day, so a change of summer time moves no meeting's day.
    let Some(first_noon) = rome_instant(&cycle.starts_on, 12 * 60) else { return Ok(Vec::new()) };
    let mut meetings = Vec::new();
    for (offset, starts, ends, place, covered) in MEETINGS {
        let date = rome_date(first_noon + offset * clock::DAY);
        let (Some(starts_at), Some(ends_at)) = (rome_instant(&date, starts), rome_instant(&date, ends)) else { continue };
        let id = Uuid::new_v4();
        cycle_session::Entity::insert(cycle_session::ActiveModel {
            id: Set(id),
            cycle_id: Set(cycle.id),
            starts_at: Set(starts_at),
            ends_at: Set(ends_at),
            place: Set(place.map(str::to_owned)),
            online_link: Set(place.is_none().then(|| format!("https://meet.example.org/ditu-{}", cycle.district))),
            counted_minutes: Set(i32::try_from(ends - starts).unwrap_or(0)),
            reminded_at: Set(None),
        })
        .exec_without_returning(db)
        .await?;
        let covered: Vec<cycle_session_module::ActiveModel> = modules
            .iter()
            .filter(|m| covered.contains(&m.position))
            .map(|m| cycle_session_module::ActiveModel { session_id: Set(id), module_id: Set(m.id) })
            .collect();
        insert_all(db, covered).await?;
        meetings.push((id, starts_at, ends_at));
    }
    Ok(meetings)
}

/// A course as learners' progress is written against it: its published
/// lessons in reading order (id, version), and its quizzes in module
/// order (id, the right answers as an attempt records them, how many
/// questions).
struct CourseParts {
    lessons: Vec<(Uuid, i32)>,
    quizzes: Vec<(Uuid, String, i32)>,
}

/// What a sample learner did in their cycle.
#[derive(Debug, Default, PartialEq, Eq)]
struct Done {
    /// The first this many lessons read.
    lessons: usize,
    /// The first this many quizzes passed.
    quizzes: usize,
    /// Whether they failed each quiz once before passing it.
    failed_first: bool,
    /// A mark for each of the first meetings.
    marks: Vec<AttendanceMark>,
}

impl Done {
    fn everything(parts: &CourseParts, meetings: usize) -> Self {
        Done {
            lessons: parts.lessons.len(),
            quizzes: parts.quizzes.len(),
            failed_first: false,
            marks: vec![AttendanceMark::Present; meetings],
        }
    }
}

/// Rows written in batches.
#[derive(Default)]
struct Rows {
    enrolments: Vec<enrolment::ActiveModel>,
    reads: Vec<lesson_read::ActiveModel>,
    attempts: Vec<quiz_attempt::ActiveModel>,
    marks: Vec<attendance::ActiveModel>,
}

impl Rows {
    fn len(&self) -> usize {
        self.enrolments.len() + self.reads.len() + self.attempts.len() + self.marks.len()
    }

    /// `learner` on `cycle`'s lists in `status` since `listed_at`, having
    /// done `done`: a lesson a day from the first meeting on, each quiz
    /// after its module's lessons, never after `until`.
    fn learner(
        &mut self,
        cycle: (&training_cycle::Model, &CourseParts, &Meetings),
        learner: Uuid,
        listed: (EnrolmentStatus, i64),
        done: &Done,
        until: i64,
    ) {
        let (cycle, parts, meetings) = cycle;
        let (status, listed_at) = listed;
        self.enrolments.push(enrolment::ActiveModel {
            id: Set(Uuid::new_v4()),
            cycle_id: Set(cycle.id),
            user_id: Set(learner),
            status: Set(status.code().to_owned()),
            queued_at: Set(listed_at),
            updated_at: Set(listed_at),
            nudged_at: Set(None),
        });
        let first = meetings.first().map_or(listed_at, |(_, starts_at, _)| *starts_at);
        let day = |n: usize| (first + i64::try_from(n).unwrap_or(0) * clock::DAY).min(until);
        for (n, (lesson, version)) in parts.lessons.iter().take(done.lessons).enumerate() {
            self.reads.push(lesson_read::ActiveModel {
                user_id: Set(learner),
                lesson_id: Set(*lesson),
                version: Set(*version),
                read_at: Set(day(n)),
            });
        }
        let lessons_per_quiz = parts.lessons.len() / parts.quizzes.len().max(1);
        for (n, (quiz, right_answers, questions)) in parts.quizzes.iter().take(done.quizzes).enumerate() {
            let at = day((n + 1) * lessons_per_quiz);
            let attempt = |number: i32, passed: bool| quiz_attempt::ActiveModel {
                id: Set(Uuid::new_v4()),
                quiz_id: Set(*quiz),
                user_id: Set(learner),
                number: Set(number),
                answers: Set(if passed { right_answers.clone() } else { "{}".to_owned() }),
                correct: Set(if passed { *questions } else { 0 }),
                questions: Set(*questions),
                passed: Set(passed),
                submitted_at: Set(at),
            };
            if done.failed_first {
                self.attempts.push(attempt(1, false));
            }
            self.attempts.push(attempt(if done.failed_first { 2 } else { 1 }, true));
        }
        for ((session, _, ends_at), mark) in meetings.iter().zip(&done.marks) {
            self.marks.push(attendance::ActiveModel {
                session_id: Set(*session),
                user_id: Set(learner),
                mark: Set(mark.code().to_owned()),
                marked_by: Set(None),
                marked_at: Set(*ends_at),
            });
        }
    }

    async fn flush(&mut self, db: &impl ConnectionTrait) -> ServiceResult<()> {
        // Enrolments first, as the application writes them.
        insert_all(db, std::mem::take(&mut self.enrolments)).await?;
        insert_all(db, std::mem::take(&mut self.reads)).await?;
        insert_all(db, std::mem::take(&mut self.attempts)).await?;
        insert_all(db, std::mem::take(&mut self.marks)).await
    }
}

/// Rows written per statement.
const BATCH: usize = 500;

async fn insert_all<A>(db: &impl ConnectionTrait, mut rows: Vec<A>) -> ServiceResult<()>
where
    A: ActiveModelTrait + Send,
{
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(BATCH));
        A::Entity::insert_many(rows).exec_without_returning(db).await?;
        rows = rest;
    }
    Ok(())
}

async fn published_modules(db: &impl ConnectionTrait, course: Uuid) -> ServiceResult<Vec<course_module::Model>> {
    Ok(course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(course))
        .filter(course_module::Column::Status.eq(published()))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?)
}

/// The parts of a course in the database, for a learner's progress.
async fn parts_of(db: &impl ConnectionTrait, modules: &[course_module::Model]) -> ServiceResult<CourseParts> {
    let order: HashMap<Uuid, i32> = modules.iter().map(|m| (m.id, m.position)).collect();
    let mut lessons = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.is_in(order.keys().copied()))
        .filter(lesson::Column::Status.eq(published()))
        .all(db)
        .await?;
    lessons.sort_by_key(|l| (order.get(&l.module_id).copied(), l.position));
    let mut quizzes = quiz::Entity::find()
        .filter(quiz::Column::ModuleId.is_in(order.keys().copied()))
        .filter(quiz::Column::Status.eq(published()))
        .all(db)
        .await?;
    quizzes.sort_by_key(|q| order.get(&q.module_id).copied());
    let mut parts = CourseParts { lessons: lessons.iter().map(|l| (l.id, l.version)).collect(), quizzes: Vec::new() };
    for quiz in quizzes {
        let (right_answers, questions) = quizzes::right_answers_of(db, quiz.id).await?;
        parts.quizzes.push((quiz.id, right_answers, questions));
    }
    Ok(parts)
}

async fn user_id(db: &impl ConnectionTrait, email: &str) -> ServiceResult<Option<Uuid>> {
    Ok(user::Entity::find().select_only().column(user::Column::Id).filter(user::Column::Email.eq(email)).into_tuple().one(db).await?)
}

/// The demo's cycles, as `seed_demo` writes them.
struct DemoCycle {
    district: District,
    title: &'static str,
    capacity: i32,
    status: CycleStatus,
    /// The first day, in days from today.
    starts_in: i64,
}

const DEMO_CYCLES: [DemoCycle; 3] = [
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
    let modules = published_modules(db, course.id).await?;
    let now = clock::now();
    for demo in DEMO_CYCLES {
        let cycle = cycle_row(course.id, demo.district, demo.title.to_owned(), (demo.starts_in, demo.capacity, demo.status), now);
        let trainer = user_id(db, &trainer_email(demo.district)).await?;
        let meetings = write_cycle(db, &cycle, trainer, &modules).await?;
        if demo.status == CycleStatus::Completed
            && let Some(graduate) = user_id(db, graduate_email).await?
        {
            let parts = parts_of(db, &modules).await?;
            let enrolled_at = rome_instant(&cycle.enrol_from, 9 * 60).unwrap_or(now);
            let last_meeting = meetings.iter().map(|(_, _, ends_at)| *ends_at).max().unwrap_or(enrolled_at);
            let mut rows = Rows::default();
            let done = Done::everything(&parts, meetings.len());
            rows.learner((&cycle, &parts, &meetings), graduate, (EnrolmentStatus::Enrolled, enrolled_at), &done, last_meeting);
            rows.flush(db).await?;
            certificates::issue(db, &cycle, &[graduate]).await?;
        }
    }
    Ok(DEMO_CYCLES.len())
}

/// The cycle whose trainer's progress table the benchmark loads, with
/// the demo guardian of Milano among its learners.
pub const BENCH_CYCLE_ID: Uuid = Uuid::from_u128(0x5a3b_1e00_0000_4000_8000_0000_0000_3000);
/// A lesson of the benchmark's cycle, as its enrolled guardian reads it.
pub const BENCH_LESSON_ID: Uuid = Uuid::from_u128(0x5a3b_1e00_0000_4000_8000_0000_0000_3001);
const COURSES: u32 = 40;
const CYCLES: u32 = 200;
const MODULES: i32 = 4;
const LESSONS_PER_MODULE: i32 = 4;
const QUESTIONS: i32 = 5;
const CAPACITY: i32 = 50;
/// The index of the benchmark's cycle: a Milano cycle under way.
const BENCH_CYCLE: u32 = 180;
/// Where the benchmark's lesson is: module 2, lesson 1 of its cycle's course.
const BENCH_LESSON: (u32, i32, i32) = (BENCH_CYCLE % COURSES, 2, 1);

const THEMES: [(&str, &str); 10] = [
    ("La tutela volontaria", "Voluntary guardianship"),
    ("Scuola e formazione", "School and training"),
    ("Salute e benessere", "Health and wellbeing"),
    ("Documenti e permessi", "Documents and permits"),
    ("Verso i diciotto anni", "Towards eighteen"),
    ("Protezione internazionale", "International protection"),
    ("Lavoro e tirocini", "Work and traineeships"),
    ("Ascolto e relazione", "Listening and relationship"),
    ("La rete dei servizi", "The network of services"),
    ("Famiglia e ricongiungimento", "Family and reunification"),
];
const LEVELS: [(&str, &str); 4] =
    [("introduzione", "an introduction"), ("approfondimento", "in depth"), ("casi pratici", "case work"), ("aggiornamento", "an update")];
const MODULE_TITLES: [(&str, &str); 4] = [
    ("Il quadro normativo", "The legal framework"),
    ("I soggetti coinvolti", "Who is involved"),
    ("Le procedure passo per passo", "The procedures step by step"),
    ("Casi ed esperienze", "Cases and experiences"),
];
const CHOICES: [(&str, &str); 3] =
    [("Sì, sempre", "Yes, always"), ("Solo con l'autorizzazione del giudice", "Only with the judge's leave"), ("No, mai", "No, never")];

/// Sample cycle `index`'s first day, in days from today: one every 3.8
/// days, from about two years ago to about two months ahead.
fn sample_starts_in(index: u32) -> i64 {
    -700 + i64::from(index) * 19 / 5
}

fn sample_district(index: u32) -> District {
    if index % 3 == 2 { District::Brescia } else { District::Milano }
}

/// What sample cycle `index`'s dates make it: one in 25 cancelled.
fn sample_status(index: u32) -> CycleStatus {
    let starts_in = sample_starts_in(index);
    if index % 25 == 24 {
        CycleStatus::Cancelled
    } else if starts_in + CYCLE_DAYS < 0 {
        CycleStatus::Completed
    } else if starts_in <= 0 {
        CycleStatus::Running
    } else if starts_in <= 42 {
        CycleStatus::Open
    } else {
        CycleStatus::Draft
    }
}

/// A sample course's rows, and its parts for the learners' progress.
struct SampleCourse {
    course: course::Model,
    modules: Vec<course_module::Model>,
    lessons: Vec<lesson::Model>,
    quizzes: Vec<quiz::Model>,
    questions: Vec<quiz_question::Model>,
    choices: Vec<quiz_choice::Model>,
    parts: CourseParts,
}

/// A lesson of about the length of the DiTu course's: an opening, five
/// sections of four paragraphs and a checklist.
fn lesson_markdown(rng: &mut StdRng) -> String {
    let mut text = body(rng);
    for _ in 0..5 {
        text.push_str("\n\n## ");
        text.push_str(&subject(rng));
        for _ in 0..4 {
            text.push_str("\n\n");
            text.push_str(&body(rng));
        }
    }
    text.push_str("\n\n## Lista di controllo\n");
    for _ in 0..4 {
        text.push_str("\n- ");
        text.push_str(&subject(rng));
    }
    text
}

fn sample_course(index: u32, rng: &mut StdRng, now: i64) -> ServiceResult<SampleCourse> {
    let (theme, level) = (THEMES[index as usize % THEMES.len()], LEVELS[index as usize / THEMES.len() % LEVELS.len()]);
    let course = course::Model {
        id: Uuid::from_u128(rng.random()),
        key: format!("sample-{:02}", index + 1),
        title_it: format!("{}: {}", theme.0, level.0),
        title_en: format!("{}: {}", theme.1, level.1),
        summary_it: body(rng),
        summary_en: format!("A sample course on {}, {}.", theme.1.to_lowercase(), level.1),
        status: published().to_owned(),
        origin: "authored".to_owned(),
        created_at: now - i64::from(COURSES - index) * clock::DAY,
        updated_at: now,
    };
    let mut sample = SampleCourse {
        course,
        modules: Vec::new(),
        lessons: Vec::new(),
        quizzes: Vec::new(),
        questions: Vec::new(),
        choices: Vec::new(),
        parts: CourseParts { lessons: Vec::new(), quizzes: Vec::new() },
    };
    for (module_position, (title_it, title_en)) in (1..=MODULES).zip(MODULE_TITLES) {
        let module = course_module::Model {
            id: Uuid::from_u128(rng.random()),
            course_id: sample.course.id,
            key: format!("m{module_position}"),
            position: module_position,
            title_it: title_it.to_owned(),
            title_en: title_en.to_owned(),
            summary_it: body(rng),
            summary_en: format!("Module {module_position}: {}.", title_en.to_lowercase()),
            status: published().to_owned(),
        };
        for position in 1..=LESSONS_PER_MODULE {
            let id = if (index, module_position, position) == BENCH_LESSON { BENCH_LESSON_ID } else { Uuid::from_u128(rng.random()) };
            let markdown = lesson_markdown(rng);
            let words = markdown.split_whitespace().count();
            sample.lessons.push(lesson::Model {
                id,
                course_id: sample.course.id,
                module_id: module.id,
                key: format!("m{module_position}-l{position}"),
                position,
                minutes: i32::try_from(words.div_ceil(200)).unwrap_or(1),
                title_it: subject(rng),
                title_en: format!("Lesson {module_position}.{position}: {}", title_en.to_lowercase()),
                summary_it: body(rng),
                summary_en: format!("Lesson {position} of the module on {}.", title_en.to_lowercase()),
                body_html: render(&markdown, &CourseLinks { course: sample.course.id, ..CourseLinks::default() }),
                body: markdown,
                version: 1,
                status: published().to_owned(),
                updated_at: now,
            });
            sample.parts.lessons.push((id, 1));
        }
        let quiz = quiz::Model {
            id: Uuid::from_u128(rng.random()),
            course_id: sample.course.id,
            module_id: module.id,
            key: format!("m{module_position}-quiz"),
            title_it: format!("Verifica: {}", title_it.to_lowercase()),
            title_en: format!("Check: {}", title_en.to_lowercase()),
            pass_percent: 70,
            max_attempts: None,
            status: published().to_owned(),
        };
        let mut questions = Vec::new();
        for position in 1..=QUESTIONS {
            let question = quiz_question::Model {
                id: Uuid::from_u128(rng.random()),
                quiz_id: quiz.id,
                key: format!("q{position}"),
                position,
                kind: "single".to_owned(),
                prompt_it: format!("{} Che cosa è giusto fare?", body(rng)),
                prompt_en: format!("Question {position}: what is the right thing to do?"),
                explanation_it: body(rng),
                explanation_en: "The lesson explains why.".to_owned(),
            };
            let right = usize::try_from(position).unwrap_or(0) % CHOICES.len();
            let choices: Vec<quiz_choice::Model> = CHOICES
                .iter()
                .enumerate()
                .map(|(n, (text_it, text_en))| quiz_choice::Model {
                    id: Uuid::from_u128(rng.random()),
                    question_id: question.id,
                    key: ["a", "b", "c"][n].to_owned(),
                    position: i32::try_from(n + 1).unwrap_or(1),
                    correct: n == right,
                    text_it: (*text_it).to_owned(),
                    text_en: (*text_en).to_owned(),
                })
                .collect();
            questions.push((question, choices));
        }
        let (right_answers, count) = quizzes::right_answers(&questions)?;
        sample.parts.quizzes.push((quiz.id, right_answers, count));
        for (question, choices) in questions {
            sample.questions.push(question);
            sample.choices.extend(choices);
        }
        sample.quizzes.push(quiz);
        sample.modules.push(module);
    }
    Ok(sample)
}

async fn write_course(db: &impl ConnectionTrait, sample: &SampleCourse) -> ServiceResult<()> {
    course::Entity::insert(course::ActiveModel::from(sample.course.clone())).exec_without_returning(db).await?;
    insert_all(db, sample.modules.iter().cloned().map(course_module::ActiveModel::from).collect()).await?;
    insert_all(db, sample.lessons.iter().cloned().map(lesson::ActiveModel::from).collect()).await?;
    let versions = sample.lessons.iter().map(|l| lesson_version::ActiveModel {
        lesson_id: Set(l.id),
        version: Set(l.version),
        body: Set(l.body.clone()),
        body_html: Set(l.body_html.clone()),
        published_at: Set(l.updated_at),
    });
    insert_all(db, versions.collect()).await?;
    insert_all(db, sample.quizzes.iter().cloned().map(quiz::ActiveModel::from).collect()).await?;
    insert_all(db, sample.questions.iter().cloned().map(quiz_question::ActiveModel::from).collect()).await?;
    insert_all(db, sample.choices.iter().cloned().map(quiz_choice::ActiveModel::from).collect()).await
}

/// What a learner listed in a cycle of `status` has likely done by now:
/// most who took part in a completed cycle did everything; in a cycle
/// under way, some of what its past meetings covered; nothing before it
/// starts or once off its list.
fn likely_done(rng: &mut StdRng, status: CycleStatus, listed: EnrolmentStatus, parts: &CourseParts, meetings: &Meetings, now: i64) -> Done {
    let lessons_per_quiz = parts.lessons.len() / parts.quizzes.len().max(1);
    let quizzes_after = |lessons: usize| (lessons / lessons_per_quiz.max(1)).min(parts.quizzes.len());
    if listed != EnrolmentStatus::Enrolled {
        return Done::default();
    }
    match status {
        CycleStatus::Completed => {
            let luck = rng.random_range(0..100);
            if luck < 85 {
                let mut done = Done::everything(parts, meetings.len());
                done.failed_first = luck % 5 == 0;
                // Missing the short evening meeting still reaches 75%.
                if luck < 8 {
                    done.marks[1] = AttendanceMark::Justified;
                }
                done
            } else {
                let lessons = rng.random_range(0..parts.lessons.len());
                let present = rng.random_range(1..=2);
                let marks =
                    (0..meetings.len()).map(|n| if n < present { AttendanceMark::Present } else { AttendanceMark::Absent }).collect();
                Done { lessons, quizzes: quizzes_after(lessons), failed_first: false, marks }
            }
        }
        CycleStatus::Running => {
            let past = meetings.iter().filter(|(_, starts_at, _)| *starts_at < now).count();
            let within_reach = parts.lessons.len() * (past + 1) / (meetings.len() + 1);
            let lessons = rng.random_range(0..=within_reach);
            let marks = (0..past)
                .map(|_| match rng.random_range(0..100) {
                    0..90 => AttendanceMark::Present,
                    90..97 => AttendanceMark::Absent,
                    _ => AttendanceMark::Justified,
                })
                .collect();
            Done { lessons, quizzes: quizzes_after(lessons), failed_first: rng.random_range(0..5) == 0, marks }
        }
        CycleStatus::Draft | CycleStatus::Open | CycleStatus::Cancelled => Done::default(),
    }
}

/// The sample guardians of each district, in order.
async fn sample_guardians(db: &impl ConnectionTrait) -> ServiceResult<HashMap<District, Vec<Uuid>>> {
    let rows: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user_role::Column::District)
        .join(JoinType::InnerJoin, user::Relation::UserRole.def())
        .filter(user_role::Column::Role.eq(Role::Guardian.code()))
        .filter(user::Column::Email.like("%@sample.tutela.localhost"))
        .order_by_asc(user::Column::Email)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_district: HashMap<District, Vec<Uuid>> = HashMap::new();
    for (id, district) in rows {
        if let Some(district) = District::from_code(&district) {
            by_district.entry(district).or_default().push(id);
        }
    }
    Ok(by_district)
}

/// Writes the sample courses and cycles unless they are there; returns
/// whether it did. The sample guardians (`seed --users`) are shared out
/// among their district's cycles that took enrolments, fifty at most in
/// each (one in fifteen withdrew); the demo trainers (`trainer_email`) run
/// their district's cycles; `bench_learner_email`, if there, is enrolled
/// in the benchmark's cycle, halfway through. `progress` hears how many
/// cycles of how many are written. Every reminder counts as sent, so a
/// server started on the sample does not write to thousands of accounts.
pub async fn seed_scale(
    db: &impl ConnectionTrait,
    trainer_email: impl Fn(District) -> String,
    bench_learner_email: &str,
    mut progress: impl FnMut(u32, u32),
) -> ServiceResult<bool> {
    if training_cycle::Entity::find_by_id(BENCH_CYCLE_ID).one(db).await?.is_some() {
        return Ok(false);
    }
    let mut rng = StdRng::seed_from_u64(2027);
    let now = clock::now();
    let mut courses = Vec::new();
    let mut lessons = Vec::new();
    for index in 0..COURSES {
        let sample = sample_course(index, &mut rng, now)?;
        write_course(db, &sample).await?;
        lessons.extend(sample.lessons.iter().cloned());
        courses.push(sample);
    }
    let mut trainers = HashMap::new();
    for district in District::ALL {
        trainers.insert(district, user_id(db, &trainer_email(district)).await?);
    }
    let bench_learner = user_id(db, bench_learner_email).await?;
    let guardians = sample_guardians(db).await?;
    let taking = |index: u32| matches!(sample_status(index), CycleStatus::Open | CycleStatus::Running | CycleStatus::Completed);
    // Each district's cycles that took enrolments, and how many.
    let mut taking_in: HashMap<District, Vec<u32>> = HashMap::new();
    for index in (0..CYCLES).filter(|&i| taking(i)) {
        taking_in.entry(sample_district(index)).or_default().push(index);
    }
    let mut cycle_ids = Vec::new();
    let mut rows = Rows::default();
    for index in 0..CYCLES {
        let (district, status, sample) = (sample_district(index), sample_status(index), &courses[(index % COURSES) as usize]);
        let starts_in = sample_starts_in(index);
        let title =
            format!("{}, {} ({})", district.name(), sample.course.title_it, rome_date(now + starts_in * clock::DAY)[..7].to_owned());
        let mut cycle = cycle_row(sample.course.id, district, title, (starts_in, CAPACITY, status), now);
        if index == BENCH_CYCLE {
            cycle.id = BENCH_CYCLE_ID;
        }
        cycle_ids.push(cycle.id);
        let meetings = write_cycle(db, &cycle, trainers.get(&district).copied().flatten(), &sample.modules).await?;
        let parts = &sample.parts;
        let listed_from = rome_instant(&cycle.enrol_from, 9 * 60).unwrap_or(now);
        let until = now.min(meetings.iter().map(|(_, _, ends_at)| *ends_at).max().unwrap_or(now));
        let mut learners = Vec::new();
        if let (Some(slot), Some(people)) =
            (taking_in.get(&district).and_then(|cycles| cycles.iter().position(|&i| i == index)), guardians.get(&district))
        {
            let share = people.len().div_ceil(taking_in[&district].len());
            for (n, learner) in people.iter().skip(slot * share).take(share).enumerate() {
                let listed = match n {
                    n if n % 15 == 14 => EnrolmentStatus::Withdrawn,
                    n if n >= usize::try_from(CAPACITY).unwrap_or(0) => EnrolmentStatus::Waiting,
                    _ => EnrolmentStatus::Enrolled,
                };
                let done = likely_done(&mut rng, status, listed, parts, &meetings, now);
                let listed_at = listed_from + i64::try_from(n).unwrap_or(0) * clock::HOUR;
                rows.learner((&cycle, parts, &meetings), *learner, (listed, listed_at), &done, until);
                learners.push(*learner);
            }
        }
        if index == BENCH_CYCLE
            && let Some(learner) = bench_learner
        {
            let past = meetings.iter().filter(|(_, starts_at, _)| *starts_at < now).count();
            let done = Done { lessons: 5, quizzes: 1, failed_first: false, marks: vec![AttendanceMark::Present; past] };
            rows.learner((&cycle, parts, &meetings), learner, (EnrolmentStatus::Enrolled, listed_from), &done, until);
        }
        if status == CycleStatus::Completed {
            rows.flush(db).await?;
            certificates::issue(db, &cycle, &learners).await?;
        } else if rows.len() > 20 * BATCH {
            rows.flush(db).await?;
        }
        progress(index + 1, CYCLES);
    }
    rows.flush(db).await?;
    reminders_sent(db, &cycle_ids, now).await?;
    findable::index_lessons(db, &lessons).await?;
    Ok(true)
}

/// Marks every reminder of the sample cycles as sent.
async fn reminders_sent(db: &impl ConnectionTrait, cycles: &[Uuid], now: i64) -> ServiceResult<()> {
    training_cycle::Entity::update_many()
        .col_expr(training_cycle::Column::ClosingAnnouncedAt, Expr::value(now))
        .filter(training_cycle::Column::Id.is_in(cycles.iter().copied()))
        .exec(db)
        .await?;
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::NudgedAt, Expr::value(now))
        .filter(enrolment::Column::CycleId.is_in(cycles.iter().copied()))
        .exec(db)
        .await?;
    cycle_session::Entity::update_many()
        .col_expr(cycle_session::Column::RemindedAt, Expr::value(now))
        .filter(cycle_session::Column::CycleId.is_in(cycles.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_benchmark_cycle_is_under_way_in_milano() {
        assert_eq!(sample_status(BENCH_CYCLE), CycleStatus::Running);
        assert_eq!(sample_district(BENCH_CYCLE), District::Milano);
    }

    #[test]
    fn the_cycles_span_every_status() {
        let statuses: Vec<CycleStatus> = (0..CYCLES).map(sample_status).collect();
        for status in [CycleStatus::Draft, CycleStatus::Open, CycleStatus::Running, CycleStatus::Completed, CycleStatus::Cancelled] {
            assert!(statuses.contains(&status), "{status:?} is among the sample cycles");
        }
        let completed = statuses.iter().filter(|s| **s == CycleStatus::Completed).count();
        assert!(completed > 150, "most sample cycles are behind us: {completed}");
    }

    #[test]
    fn nobody_off_the_list_has_done_anything() {
        let parts = CourseParts { lessons: vec![(Uuid::nil(), 1); 16], quizzes: vec![(Uuid::nil(), "{}".into(), 5); 4] };
        let meetings = vec![(Uuid::nil(), 0, 1); 4];
        let mut rng = StdRng::seed_from_u64(1);
        assert_eq!(likely_done(&mut rng, CycleStatus::Completed, EnrolmentStatus::Withdrawn, &parts, &meetings, 10), Done::default());
        assert_eq!(likely_done(&mut rng, CycleStatus::Open, EnrolmentStatus::Enrolled, &parts, &meetings, 10), Done::default());
        let done = likely_done(&mut rng, CycleStatus::Running, EnrolmentStatus::Enrolled, &parts, &meetings, 10);
        assert!(done.quizzes * 4 <= done.lessons, "a quiz only after its module's lessons: {done:?}");
    }
}
