//! `/training/cycles/{id}/sessions/{session}`: the trainer marks who was
//! at a session, one by one or everyone present, on a phone.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

use super::cycle::session_time;
use crate::{
    api::training::cycles::{MarkAttendance, load_attendance},
    components::{
        form::{PostForm, SubmitButton},
        page::{LoadError, SignedIn},
    },
    domain::cycles::{AttendanceMark, AttendanceRow, AttendanceSheet},
    i18n::{Texts, use_texts},
    routes::paths,
};

#[component]
pub fn Attendance() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map().with_untracked(|p| (p.get("id").unwrap_or_default(), p.get("session").unwrap_or_default()));
    let data = Resource::new(move || params.clone(), |(id, session)| load_attendance(id, session));
    view! {
        <SignedIn>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || data.get().map(|result| match result {
                    Err(error) => view! { <Title text=t.cycles_attendance/><h1>{t.cycles_attendance}</h1><LoadError error/> }.into_any(),
                    Ok(sheet) => view! { <Sheet t sheet/> }.into_any(),
                })}
            </Suspense>
        </SignedIn>
    }
}

pub(crate) fn mark_text(t: &'static Texts, mark: AttendanceMark) -> &'static str {
    match mark {
        AttendanceMark::Present => t.cycles_mark_present,
        AttendanceMark::Absent => t.cycles_mark_absent,
        AttendanceMark::Justified => t.cycles_mark_justified,
    }
}

#[component]
fn Sheet(t: &'static Texts, sheet: AttendanceSheet) -> impl IntoView {
    let AttendanceSheet { cycle_id, cycle_title, session, rows } = sheet;
    let when = session_time(&session);
    let body = if rows.is_empty() {
        view! { <p>{t.cycles_attendance_none}</p> }.into_any()
    } else {
        let (cycle, session_id) = (cycle_id.clone(), session.id.clone());
        let (all_cycle, all_session) = (cycle.clone(), session_id.clone());
        view! {
            <PostForm action=MarkAttendance::url() id="attendance_all">
                <input type="hidden" name="id" value=all_cycle/>
                <input type="hidden" name="session" value=all_session/>
                <input type="hidden" name="all_present" value="on"/>
                <SubmitButton label=t.cycles_attendance_all_present class="btn btn-outline-primary"/>
            </PostForm>
            <PostForm action=MarkAttendance::url() id="attendance">
                <input type="hidden" name="id" value=cycle/>
                <input type="hidden" name="session" value=session_id/>
                <ul class="attendance-sheet">
                    {rows.into_iter().enumerate().map(|(index, row)| view! { <Learner t index row/> }).collect_view()}
                </ul>
                <SubmitButton label=t.cycles_attendance_save/>
            </PostForm>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · {}", t.cycles_attendance, cycle_title)/>
        <p class="breadcrumb">
            <A href=paths::TRAINING_CYCLES>{t.cycles_title}</A>" › "<A href=paths::training_cycle(&cycle_id)>{cycle_title.clone()}</A>
        </p>
        <h1>{t.cycles_attendance}</h1>
        <p class="lead">{when}" · "{session.place.clone().unwrap_or_else(|| t.cycles_online.to_owned())}</p>
        <p>{t.cycles_attendance_lead}</p>
        {body}
    }
}

/// One learner's three choices, side by side.
#[component]
fn Learner(t: &'static Texts, index: usize, row: AttendanceRow) -> impl IntoView {
    let AttendanceRow { user_id, name, mark } = row;
    view! {
        <li>
            <fieldset class="mark-choice">
                <legend>{name}</legend>
                {AttendanceMark::ALL.into_iter().map(|option| {
                    let input_id = format!("mark-{index}-{}", option.code());
                    view! {
                        <div class="form-check">
                            <input type="radio" id=input_id.clone() name=format!("marks[{index}]") value=format!("{user_id}:{}", option.code()) checked=mark == Some(option)/>
                            <label for=input_id>{mark_text(t, option)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </li>
    }
}
