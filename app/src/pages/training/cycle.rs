//! `/training/cycles/{id}`: a cycle's dates, sessions and places, the
//! reader's enrolment, and for its staff its learners, sessions and states.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::{
    attendance::mark_text,
    cycles::{StatusTag, date_range, place_text},
    minutes_text,
};
use crate::{
    api::training::cycles::{
        AddCycleLearner, AddCycleSession, EnrolInCycle, RemoveCycleLearner, RemoveCycleSession, SetCycleStatus, WithdrawFromCycle,
        load_cycle,
    },
    components::{
        form::{CheckboxGroup, PostForm, SubmitButton, TextField},
        page::{LoadError, SignedIn},
    },
    domain::{
        certificates::CertificateFacts,
        cycles::{CyclePage, CycleProgress, CycleStaffView, CycleStatus, EnrolChoice, EnrolmentStatus, LearnerRow, SessionView},
        italian_date, rome_clock, rome_date, rome_time,
    },
    i18n::{Texts, enrolment_name, fill, use_texts},
    routes::paths,
};

#[component]
pub fn Cycle() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || id.clone(), load_cycle);
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.cycles_title/><h1>{t.cycles_title}</h1><LoadError error/> }.into_any(),
                    Ok(page) => view! { <CycleView t page/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

#[component]
fn CycleView(t: &'static Texts, page: CyclePage) -> impl IntoView {
    let CyclePage {
        id,
        course_id,
        course,
        title,
        district,
        starts_on,
        ends_on,
        enrol_from,
        enrol_until,
        capacity,
        enrolled,
        waiting,
        min_attendance,
        open_to_all_districts,
        status,
        trainers,
        sessions,
        mine,
        waiting_position,
        choice,
        my_progress,
        my_certificate,
        staff,
    } = page;
    let places = fill(t.cycles_places_taken, &[("enrolled", &enrolled.to_string()), ("capacity", &capacity.to_string())]);
    let places =
        if waiting > 0 { format!("{places} · {}", fill(t.cycles_waiting_count, &[("count", &waiting.to_string())])) } else { places };
    let district_text =
        if open_to_all_districts { format!("{} · {}", district.name(), t.cycles_open_to_all) } else { district.name().to_owned() };
    let trainers = if trainers.is_empty() { t.cycles_no_trainers.to_owned() } else { trainers.join(", ") };
    let is_staff = staff.is_some();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><A href=paths::TRAINING>{t.area_training_title}</A>" › "<A href=paths::TRAINING_CYCLES>{t.cycles_title}</A></p>
        <h1>{title}</h1>
        <p><StatusTag t status/></p>
        <dl class="facts">
            <dt>{t.cycles_course}</dt><dd><A href=paths::training_course(&course_id)>{course}</A></dd>
            <dt>{t.cycles_district}</dt><dd>{district_text}</dd>
            <dt>{t.cycles_when}</dt><dd>{date_range(t, &starts_on, &ends_on)}</dd>
            <dt>{t.cycles_enrolment}</dt><dd>{date_range(t, &enrol_from, &enrol_until)}</dd>
            <dt>{t.cycles_places}</dt><dd>{places}</dd>
            <dt>{t.cycles_min_attendance}</dt><dd>{format!("{min_attendance}%")}</dd>
            <dt>{t.cycles_trainers}</dt><dd>{trainers}</dd>
        </dl>
        <EnrolPanel t id=id.clone() choice mine waiting_position/>
        {my_certificate.map(|facts| view! { <MyCertificate t facts/> })}
        {my_progress.map(|progress| view! { <MyProgress t progress/> })}
        <Sessions t id=id.clone() sessions is_staff live=status.is_live()/>
        {staff.map(|staff| view! { <StaffPanel t id staff live=status.is_live()/> })}
    }
}

/// The reader's place, and the button that changes it.
#[component]
fn EnrolPanel(
    t: &'static Texts,
    id: String,
    choice: EnrolChoice,
    mine: Option<EnrolmentStatus>,
    waiting_position: Option<u32>,
) -> impl IntoView {
    let standing = mine.map(|mine| {
        let text = match waiting_position {
            Some(position) => fill(t.cycles_waiting_position, &[("position", &position.to_string())]),
            None => place_text(t, mine).to_owned(),
        };
        view! { <p><strong>{text}</strong></p> }
    });
    let action = match choice {
        EnrolChoice::Enrol => Some((EnrolInCycle::url(), "enrol", t.cycles_enrol, None)),
        EnrolChoice::JoinWaitingList => Some((EnrolInCycle::url(), "enrol", t.cycles_join_waiting_list, Some(t.cycles_full_explained))),
        EnrolChoice::Withdraw => Some((WithdrawFromCycle::url(), "withdraw", t.cycles_withdraw, Some(t.cycles_withdraw_explained))),
        EnrolChoice::NotNow | EnrolChoice::None => None,
    };
    let closed = (choice == EnrolChoice::NotNow).then(|| view! { <p>{t.cycles_enrolment_closed}</p> });
    let form = action.map(|(url, form_id, label, note)| {
        view! {
            {note.map(|note| view! { <p>{note}</p> })}
            <PostForm action=url id=form_id>
                <input type="hidden" name="id" value=id.clone()/>
                <SubmitButton label class=if form_id == "withdraw" { "btn btn-outline-danger" } else { "btn btn-primary" }/>
            </PostForm>
        }
    });
    (standing.is_some() || form.is_some() || closed.is_some()).then(|| {
        view! {
            <section class="panel" aria-labelledby="my-place">
                <h2 id="my-place">{t.cycles_my_place}</h2>
                {standing}
                {closed}
                {form}
            </section>
        }
    })
}

/// "dd/mm/yyyy hh:mm–hh:mm".
pub(crate) fn session_time(session: &SessionView) -> String {
    format!("{}–{}", rome_time(session.starts_at), rome_clock(session.ends_at))
}

#[component]
fn Sessions(t: &'static Texts, id: String, sessions: Vec<SessionView>, is_staff: bool, live: bool) -> impl IntoView {
    let has_sessions = !sessions.is_empty();
    let list = if sessions.is_empty() {
        view! { <p>{t.cycles_no_sessions}</p> }.into_any()
    } else {
        view! {
            <ul class="session-list">
                {sessions.into_iter().map({
                    let id = id.clone();
                    move |session| {
                    let id = id.clone();
                    let when = session_time(&session);
                    let SessionView { id: session_id, place, online, online_link, counted_minutes, modules, my_mark, .. } = session;
                    let my_mark = my_mark.map(|mark| view! { " "<span class="tag">{mark_text(t, mark)}</span> });
                    let register = is_staff.then(|| view! { <A href=paths::training_attendance(&id, &session_id) attr:class="btn btn-outline-primary btn-sm">{t.cycles_attendance}</A> });
                    let where_ = match (place, online_link) {
                        (Some(place), _) => view! { {place} }.into_any(),
                        (None, Some(link)) => view! { {t.cycles_online}": "<a href=link.clone() rel="noopener noreferrer">{link.clone()}</a> }.into_any(),
                        (None, None) if online => view! { {t.cycles_online_for_enrolled} }.into_any(),
                        (None, None) => ().into_any(),
                    };
                    let modules = (!modules.is_empty()).then(|| view! { <p class="meta">{t.cycles_covers}": "{modules.join(", ")}</p> });
                    let remove = (is_staff && live).then(|| view! {
                        <PostForm action=RemoveCycleSession::url() id="cycle_session_remove" instance=session_id.clone()>
                            <input type="hidden" name="id" value=id.clone()/>
                            <input type="hidden" name="session" value=session_id.clone()/>
                            <SubmitButton label=t.cycles_remove_session class="btn btn-outline-danger btn-sm"/>
                        </PostForm>
                    });
                    view! {
                        <li class="session">
                            <p><strong>{when}</strong>" · "{where_}{my_mark}</p>
                            <p class="meta">{fill(t.cycles_counted, &[("time", &minutes_text(t, counted_minutes))])}</p>
                            {modules}
                            <div class="button-row">{register}{remove}</div>
                        </li>
                    }
                }}).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="sessions">
            <h2 id="sessions">{t.cycles_sessions}</h2>
            {list}
            {has_sessions.then(|| view! { <p><a href=paths::training_cycle_calendar(&id) download="">{t.cycles_calendar_file}</a></p> })}
        </section>
    }
}

fn status_action(t: &'static Texts, to: CycleStatus) -> (&'static str, &'static str) {
    match to {
        CycleStatus::Open => (t.cycles_to_open, "btn btn-primary"),
        CycleStatus::Running => (t.cycles_to_running, "btn btn-primary"),
        CycleStatus::Completed => (t.cycles_to_completed, "btn btn-primary"),
        CycleStatus::Cancelled => (t.cycles_to_cancelled, "btn btn-outline-danger"),
        CycleStatus::Draft => (t.cycles_status_draft, "btn btn-outline-primary"),
    }
}

#[component]
fn StaffPanel(t: &'static Texts, id: String, staff: CycleStaffView, live: bool) -> impl IntoView {
    let CycleStaffView { learners, next, modules } = staff;
    let steps = next
        .into_iter()
        .map(|to| {
            let id = id.clone();
            let (label, class) = status_action(t, to);
            view! {
                <PostForm action=SetCycleStatus::url() id="cycle_status" instance=to.code()>
                    <input type="hidden" name="id" value=id.clone()/>
                    <input type="hidden" name="to" value=to.code()/>
                    <SubmitButton label class/>
                </PostForm>
            }
        })
        .collect_view();
    let edit = live.then(|| view! { <A href=paths::training_cycle_edit(&id) attr:class="btn btn-outline-primary">{t.cycles_edit}</A> });
    let form_id = id.clone();
    let add_forms = live.then(move || {
        let learner_form_id = form_id.clone();
        view! {
            <h3>{t.cycles_add_learner}</h3>
            <PostForm action=AddCycleLearner::url() id="cycle_learner">
                <input type="hidden" name="id" value=learner_form_id/>
                <TextField name="email" label=t.cycles_learner_email kind="email" hint=t.cycles_learner_email_hint required=true/>
                <SubmitButton label=t.cycles_add_learner/>
            </PostForm>
            <h3>{t.cycles_add_session}</h3>
            <PostForm action=AddCycleSession::url() id="cycle_session">
                <input type="hidden" name="id" value=form_id/>
                <TextField name="date" label=t.cycles_session_date kind="date" required=true/>
                <div class="field-pair">
                    <TextField name="starts" label=t.cycles_session_starts kind="time" required=true/>
                    <TextField name="ends" label=t.cycles_session_ends kind="time" required=true/>
                </div>
                <TextField name="place" label=t.cycles_session_place hint=t.cycles_session_place_hint/>
                <TextField name="online_link" label=t.cycles_session_link kind="url" hint=t.cycles_session_link_hint/>
                <TextField name="counted_hours" label=t.cycles_session_hours hint=t.cycles_session_hours_hint/>
                <CheckboxGroup name="modules" legend=t.cycles_session_modules options=modules/>
                <SubmitButton label=t.cycles_add_session/>
            </PostForm>
        }
    });
    view! {
        <section class="cycle-staff" aria-labelledby="running">
            <h2 id="running">{t.cycles_running_title}</h2>
            <div class="button-row">{edit}{steps}</div>
            <h3>{t.cycles_learners}</h3>
            <Learners t id=id.clone() learners live/>
            <p><a href=paths::training_cycle_progress(&id) download="">{t.cycles_export}</a></p>
            {add_forms}
        </section>
    }
}

#[component]
fn Learners(t: &'static Texts, id: String, learners: Vec<LearnerRow>, live: bool) -> impl IntoView {
    if learners.is_empty() {
        return view! { <p>{t.cycles_no_learners}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{t.cycles_learner}</th>
                    <th scope="col">{t.cycles_learner_status}</th>
                    <th scope="col">{t.cycles_lessons_column}</th>
                    <th scope="col">{t.cycles_quizzes_column}</th>
                    <th scope="col">{t.cycles_attendance_column}</th>
                    <th scope="col"><span class="visually-hidden">{t.cycles_remove_learner}</span></th>
                </tr></thead>
                <tbody>
                    {learners.into_iter().map(|LearnerRow { user_id, name, email, status, progress, certificate }| {
                        let (id, hidden_name) = (id.clone(), format!(" {name}"));
                        let remove = live.then(move || view! {
                            <PostForm action=RemoveCycleLearner::url() id="cycle_learner_remove" instance=user_id.clone()>
                                <input type="hidden" name="id" value=id.clone()/>
                                <input type="hidden" name="learner" value=user_id.clone()/>
                                <button type="submit" class="btn btn-outline-danger btn-sm">
                                    {t.cycles_remove_learner}<span class="visually-hidden">{hidden_name}</span>
                                </button>
                            </PostForm>
                        });
                        view! {
                            <tr>
                                <td>{name}<br/><span class="meta">{email}</span></td>
                                <td>
                                    {enrolment_name(t, status)}
                                    {progress.is_complete().then(|| view! { <br/><span class="tag tag-answer">{t.cycles_complete}</span> })}
                                    {certificate.map(|(code, revoked)| view! {
                                        <br/><a href=paths::verify_certificate(&code) class="meta">
                                            {if revoked { t.certificates_revoked } else { t.certificates_certificate }}" "<code>{code.clone()}</code>
                                        </a>
                                    })}
                                </td>
                                <td>{format!("{}/{}", progress.lessons_read, progress.lessons)}</td>
                                <td>{format!("{}/{}", progress.quizzes_passed, progress.quizzes)}</td>
                                <td>{format!("{}%", progress.attendance_percent())}</td>
                                <td>{remove}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The enrolled reader's way toward completing the cycle.
#[component]
fn MyProgress(t: &'static Texts, progress: CycleProgress) -> impl IntoView {
    let lessons =
        fill(t.cycles_progress_lessons, &[("read", &progress.lessons_read.to_string()), ("total", &progress.lessons.to_string())]);
    let quizzes =
        fill(t.cycles_progress_quizzes, &[("passed", &progress.quizzes_passed.to_string()), ("total", &progress.quizzes.to_string())]);
    let attendance = fill(
        t.cycles_progress_attendance,
        &[
            ("attended", &minutes_text(t, progress.attended_minutes)),
            ("counted", &minutes_text(t, progress.counted_minutes)),
            ("percent", &progress.attendance_percent().to_string()),
            ("min", &progress.min_attendance.to_string()),
        ],
    );
    let (state, class) = if progress.is_complete() { (t.cycles_complete, "tag tag-answer") } else { (t.cycles_not_complete, "tag") };
    view! {
        <section class="panel" aria-labelledby="my-progress">
            <h2 id="my-progress">{t.cycles_my_progress}</h2>
            <p><span class=class>{state}</span></p>
            <ul>
                <li>{lessons}</li>
                <li>{quizzes}</li>
                <li>{attendance}</li>
            </ul>
        </section>
    }
}

/// The reader's certificate: to download and to hand on, or revoked.
#[component]
fn MyCertificate(t: &'static Texts, facts: CertificateFacts) -> impl IntoView {
    let body = match &facts.revoked {
        Some(revocation) => view! {
            <p><span class="tag tag-overdue">{t.certificates_revoked}</span></p>
            <p>{fill(t.certificates_own_revoked, &[("date", &italian_date(&rome_date(revocation.at)))])}</p>
        }
        .into_any(),
        None => view! {
            <p>{t.certificates_own_ready}</p>
            <p class="button-row">
                <a href=paths::training_certificate_pdf(&facts.code) class="btn btn-primary" download="">{t.certificates_download}</a>
                <a href=paths::verify_certificate(&facts.code) class="btn btn-outline-primary">{t.certificates_verify_page}</a>
            </p>
            <p class="meta">{t.certificates_code}": "<code>{facts.code.clone()}</code>" · "{t.certificates_own_share}</p>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="my-certificate">
            <h2 id="my-certificate">{t.certificates_certificate}</h2>
            {body}
        </section>
    }
}
