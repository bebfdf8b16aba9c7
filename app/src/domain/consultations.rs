//! Legal consultations: what a guardian asks a jurist, how a request moves
//! from filed to closed, and its service levels counted in Italian working
//! days. The topics are the programme's taxonomy (DOMAIN.md, section 5).

use serde::{Deserialize, Serialize};

use super::{District, Draft, Problem, files::Attachment, working_days::WorkingCalendar};

const DAY: i64 = 86_400;

/// What a request is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    /// Permits for minors and international protection.
    Permit,
    /// Age assessment and its challenge.
    Age,
    /// Health service and fiscal code.
    HealthFiscalCode,
    /// School enrolment and the registry office.
    SchoolRegistry,
    /// Turning 18: conversion of the permit, *prosieguo amministrativo*.
    TurningEighteen,
    /// Family tracing, reunification and the Dublin procedure.
    FamilyDublin,
    /// The juvenile court and the reception community.
    CourtCommunity,
    /// Passport, birth certificate, the consulate.
    Documents,
    /// Work and training from 16.
    Work,
    /// Criminal proceedings, the minor as suspect or victim.
    Criminal,
    /// Assisted voluntary return.
    Return,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 12] = [
        Topic::Permit,
        Topic::Age,
        Topic::HealthFiscalCode,
        Topic::SchoolRegistry,
        Topic::TurningEighteen,
        Topic::FamilyDublin,
        Topic::CourtCommunity,
        Topic::Documents,
        Topic::Work,
        Topic::Criminal,
        Topic::Return,
        Topic::Other,
    ];

    /// The taxonomy's key, stored and used in addresses.
    pub fn code(self) -> &'static str {
        match self {
            Topic::Permit => "permesso",
            Topic::Age => "eta",
            Topic::HealthFiscalCode => "salute-cf",
            Topic::SchoolRegistry => "scuola-anagrafe",
            Topic::TurningEighteen => "diciotto",
            Topic::FamilyDublin => "famiglia-dublino",
            Topic::CourtCommunity => "tribunale-comunita",
            Topic::Documents => "documenti",
            Topic::Work => "lavoro",
            Topic::Criminal => "penale",
            Topic::Return => "rimpatrio",
            Topic::Other => "altro",
        }
    }

    pub fn from_code(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// How soon the guardian needs an answer; it sets the service levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Urgency {
    /// General guidance, no date pressing.
    Low,
    Normal,
    /// A hearing, a permit's expiry or an 18th birthday is close.
    Urgent,
}

/// Service-level targets, in working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Targets {
    /// From filing (or reopening) to the jurist's first message.
    pub first_response: i64,
    /// From each guardian message to the jurist's next one.
    pub update: i64,
    /// From filing (or reopening) to the answer, less the time spent
    /// waiting for the guardian.
    pub resolution: i64,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::Low, Urgency::Normal, Urgency::Urgent];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::Urgent => "urgent",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.code() == code)
    }

    pub fn targets(self) -> Targets {
        match self {
            Urgency::Urgent => Targets { first_response: 1, update: 1, resolution: 3 },
            Urgency::Normal => Targets { first_response: 2, update: 3, resolution: 10 },
            Urgency::Low => Targets { first_response: 5, update: 5, resolution: 20 },
        }
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Filed, no jurist on it yet.
    New,
    /// A jurist is on it: their turn.
    Assigned,
    /// The jurist asked the guardian for more: the clock stops.
    WaitingForGuardian,
    Answered,
    Closed,
    /// Reopened by the guardian after closing: back in the queue.
    Reopened,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::New, Status::Assigned, Status::WaitingForGuardian, Status::Answered, Status::Closed, Status::Reopened];

    pub fn code(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Assigned => "assigned",
            Status::WaitingForGuardian => "waiting",
            Status::Answered => "answered",
            Status::Closed => "closed",
            Status::Reopened => "reopened",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a jurist still has to act: the queue's "open" requests.
    pub fn is_open(self) -> bool {
        matches!(self, Status::New | Status::Assigned | Status::Reopened | Status::WaitingForGuardian)
    }

    /// What `step` makes of a request in this state, or why it cannot be
    /// taken now.
    pub fn after(self, step: Step) -> Result<Status, Problem> {
        use Status::{Answered, Assigned, Closed, New, Reopened, WaitingForGuardian};
        let jurists_turn = matches!(self, New | Reopened | Assigned | WaitingForGuardian);
        let next = match (step, self) {
            // Taking a request the guardian has been asked about leaves it
            // waiting. A guardian's message gives the turn back to the
            // jurist (after an answer it is a follow-up question); before
            // anyone took the request it only adds to it.
            (Step::Claim, New | Reopened | Assigned) | (Step::GuardianWrites, Assigned | WaitingForGuardian | Answered) => Assigned,
            (Step::Claim, WaitingForGuardian) => WaitingForGuardian,
            (Step::Ask, _) if jurists_turn => WaitingForGuardian,
            (Step::Answer, _) if jurists_turn => Answered,
            (Step::Note, state) | (Step::GuardianWrites, state @ (New | Reopened)) => state,
            (Step::Close | Step::Rate, Answered) | (Step::Rate, Closed) => Closed,
            (Step::Reopen, Closed) => Reopened,
            _ => return Err(Problem::NotNow),
        };
        Ok(next)
    }
}

/// What someone does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// A jurist takes it (or a coordinator gives it to one).
    Claim,
    /// The jurist asks the guardian for more information.
    Ask,
    /// The jurist answers.
    Answer,
    /// An internal note: jurists and coordinators only.
    Note,
    /// The guardian (or co-requester) writes in the thread.
    GuardianWrites,
    Close,
    Reopen,
    /// The requester rates the answer: an answered request is closed by it.
    Rate,
}

/// The times a request's service levels are computed from, as stored.
#[must_use]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServiceClock {
    /// When it was filed or last reopened.
    pub started_at: i64,
    pub first_response_at: Option<i64>,
    /// The guardian's message the jurist has not replied to yet, after
    /// the first response.
    pub awaiting_reply_since: Option<i64>,
    /// Since when it waits for the guardian, if it does.
    pub paused_since: Option<i64>,
    /// Working time spent waiting for the guardian before, in seconds.
    pub paused_seconds: i64,
}

/// The due times of a request in `status`: the next response (first or
/// update) and the resolution. None while it is not the jurist's turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueTimes {
    pub response: Option<i64>,
    pub resolution: Option<i64>,
}

impl DueTimes {
    /// The earliest of the two: the request's place in the queue.
    pub fn next(self) -> Option<i64> {
        match (self.response, self.resolution) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

impl ServiceClock {
    pub fn due(&self, status: Status, urgency: Urgency, calendar: &WorkingCalendar) -> DueTimes {
        if !matches!(status, Status::New | Status::Assigned | Status::Reopened) {
            return DueTimes::default();
        }
        let targets = urgency.targets();
        let response = match (self.first_response_at, self.awaiting_reply_since) {
            (None, _) => Some(calendar.add_working_time(self.started_at, targets.first_response * DAY)),
            (Some(_), Some(since)) => Some(calendar.add_working_time(since, targets.update * DAY)),
            (Some(_), None) => None,
        };
        let resolution = Some(calendar.add_working_time(self.started_at, targets.resolution * DAY + self.paused_seconds));
        DueTimes { response, resolution }
    }

    /// The clock after a jurist's message to the guardian at `now`.
    pub fn jurist_replied(self, now: i64) -> ServiceClock {
        ServiceClock { first_response_at: self.first_response_at.or(Some(now)), awaiting_reply_since: None, ..self }
    }

    /// The clock stops while the guardian is asked for more.
    pub fn pause(self, now: i64) -> ServiceClock {
        ServiceClock { paused_since: self.paused_since.or(Some(now)), ..self }
    }

    /// A guardian's message at `now`: the pause ends, and once the jurist
    /// has answered once, their next reply is due by the update target.
    pub fn guardian_wrote(self, now: i64, calendar: &WorkingCalendar) -> ServiceClock {
        let waited = self.paused_since.map_or(0, |since| calendar.working_time_between(since, now));
        ServiceClock {
            paused_since: None,
            paused_seconds: self.paused_seconds + waited,
            awaiting_reply_since: self.first_response_at.map(|_| self.awaiting_reply_since.unwrap_or(now)),
            ..self
        }
    }

    /// Reopened at `now`: every target runs again from there.
    pub fn restart(now: i64) -> ServiceClock {
        ServiceClock { started_at: now, ..ServiceClock::default() }
    }
}

/// How a requester rates the answer: 1 to 5.
pub const RATINGS: std::ops::RangeInclusive<i32> = 1..=5;
pub const RATING_COMMENT_MAX_CHARS: usize = 1000;

/// The requester's rating, as the request's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub stars: i32,
    pub comment: Option<String>,
}

/// How long after closing the guardian may reopen a request.
pub const REOPEN_DAYS: i64 = 14;

/// Limits of what a request's form accepts.
pub const SUBJECT_MIN_CHARS: usize = 3;
pub const SUBJECT_MAX_CHARS: usize = 150;

/// One line of a list of requests: the guardian's own, or the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationRow {
    pub id: String,
    /// A short code to quote, which says nothing about the request.
    pub reference: String,
    pub subject: String,
    pub topic: Topic,
    pub district: District,
    pub urgency: Urgency,
    pub status: Status,
    /// The assigned jurist's name.
    pub assignee: Option<String>,
    pub requester: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The next service-level due time while it is the jurist's turn.
    pub due_at: Option<i64>,
    /// The guardian's own deadline (a hearing, a permit's expiry), `YYYY-MM-DD`.
    pub deadline: Option<String>,
}

impl ConsultationRow {
    pub fn is_overdue(&self, now: i64) -> bool {
        self.due_at.is_some_and(|due| due < now)
    }
}

/// Who wrote a message in the thread, as the reader sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageKind {
    /// The request as filed.
    Request,
    /// The guardian or co-requester writing later.
    Requester,
    /// The jurist asking for more information.
    Question,
    /// The jurist's answer.
    Answer,
    /// For jurists and coordinators only.
    InternalNote,
}

impl MessageKind {
    pub const ALL: [MessageKind; 5] =
        [MessageKind::Request, MessageKind::Requester, MessageKind::Question, MessageKind::Answer, MessageKind::InternalNote];

    pub fn code(self) -> &'static str {
        match self {
            MessageKind::Request => "request",
            MessageKind::Requester => "requester",
            MessageKind::Question => "question",
            MessageKind::Answer => "answer",
            MessageKind::InternalNote => "note",
        }
    }

    pub fn from_code(code: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub kind: MessageKind,
    pub author: Option<String>,
    pub html: String,
    pub created_at: i64,
    pub attachments: Vec<Attachment>,
}

/// What happened to a request, as its history and the audit log say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Filed,
    /// A jurist or coordinator opened it.
    Viewed,
    Claimed,
    /// A coordinator gave it to a jurist.
    Assigned,
    Asked,
    Answered,
    Noted,
    RequesterWrote,
    Closed,
    Reopened,
    Rated,
    /// The guardian invited a co-requester (the address is the detail).
    Invited,
    /// A co-requester accepted the invitation.
    Joined,
    /// The retention period passed: what identified anyone was removed.
    Anonymised,
}

impl Event {
    pub const ALL: [Event; 14] = [
        Event::Filed,
        Event::Viewed,
        Event::Claimed,
        Event::Assigned,
        Event::Asked,
        Event::Answered,
        Event::Noted,
        Event::RequesterWrote,
        Event::Closed,
        Event::Reopened,
        Event::Rated,
        Event::Invited,
        Event::Joined,
        Event::Anonymised,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Event::Filed => "filed",
            Event::Viewed => "viewed",
            Event::Claimed => "claimed",
            Event::Assigned => "assigned",
            Event::Asked => "asked",
            Event::Answered => "answered",
            Event::Noted => "noted",
            Event::RequesterWrote => "requester_wrote",
            Event::Closed => "closed",
            Event::Reopened => "reopened",
            Event::Rated => "rated",
            Event::Invited => "invited",
            Event::Joined => "joined",
            Event::Anonymised => "anonymised",
        }
    }

    pub fn from_code(code: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// One line of a request's history: a transition or a staff member's view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub event: Event,
    pub actor: Option<String>,
    pub detail: String,
    pub at: i64,
}

/// Something the reader may do with a request, besides reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// A jurist of its district who is not on it yet takes it.
    Claim,
    /// A coordinator gives it to a jurist.
    Assign,
    /// Ask or answer: its jurists.
    Answer,
    /// An internal note: its jurists and coordinators.
    Note,
    /// Write in the thread as a requester.
    Write,
    Close,
    Reopen,
    /// The requester says how it went, once answered.
    Rate,
    /// The requester invites a co-requester.
    Invite,
    /// Its jurists and coordinators write an FAQ entry from it, once answered.
    MakeFaq,
}

/// What the reader may do with the request now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowed(pub Vec<Action>);

impl Allowed {
    pub fn may(&self, action: Action) -> bool {
        self.0.contains(&action)
    }
}

/// A request's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationPage {
    pub row: ConsultationRow,
    pub due: DueTimes,
    pub messages: Vec<Message>,
    /// For jurists and coordinators only; empty for requesters.
    pub history: Vec<HistoryEntry>,
    /// Other jurists or coordinators who opened it in the last minutes.
    pub also_open: Vec<String>,
    /// The district's jurists, for a coordinator to give it to: (id, name).
    pub jurists: Vec<(String, String)>,
    pub allowed: Allowed,
    pub rating: Option<Rating>,
    /// The co-requesters' names.
    pub members: Vec<String>,
    /// The canned replies a jurist may start from: (id, title).
    pub canned: Vec<(String, String)>,
    /// Whether the reader is one of its jurists or coordinators.
    pub staff: bool,
    pub draft: Option<Draft>,
    pub now: i64,
}

/// A canned reply as its page lists and edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub id: String,
    pub title: String,
    pub body: String,
}

/// The placeholders a canned reply may use, filled for each request.
pub const PLACEHOLDERS: [&str; 5] = ["{tutore}", "{riferimento}", "{tema}", "{scadenza}", "{giurista}"];

/// An invitation to join a request, as its link's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub token: String,
    pub reference: String,
    pub inviter: Option<String>,
    /// The address invited: the reader must be signed in with it.
    pub email: String,
    /// Whether the reader's own address is the one invited.
    pub for_reader: bool,
}

/// How long an invitation's link works.
pub const INVITATION_DAYS: i64 = 14;

/// The guardian's page of their requests, and what the form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnConsultations {
    pub rows: Vec<ConsultationRow>,
    /// Whether the reader works the queue (a jurist or coordinator).
    pub works_queue: bool,
    /// Whether the reader may file requests (a guardian).
    pub may_file: bool,
}

/// The filing form: the districts the guardian may file in, and what they
/// left unsent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewConsultationForm {
    pub districts: Vec<District>,
    pub home_district: District,
    pub draft: Option<Draft>,
    /// Published FAQ entries like what the draft asks.
    pub similar: Vec<crate::domain::faq::FaqLink>,
}

/// A saved view of the queue, with its count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QueueView {
    /// Open requests assigned to the reader.
    Mine,
    /// Open requests nobody took yet.
    Unassigned,
    /// Open requests past a due time.
    Overdue,
    /// Every open request of the reader's districts.
    Open,
    /// Everything, closed included.
    All,
}

impl QueueView {
    pub const ALL: [QueueView; 5] = [QueueView::Mine, QueueView::Unassigned, QueueView::Overdue, QueueView::Open, QueueView::All];

    pub fn code(self) -> &'static str {
        match self {
            QueueView::Mine => "mine",
            QueueView::Unassigned => "unassigned",
            QueueView::Overdue => "overdue",
            QueueView::Open => "open",
            QueueView::All => "all",
        }
    }

    pub fn from_code(code: &str) -> Option<QueueView> {
        QueueView::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// The queue's filters, as the form and the address carry them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    pub view: Option<QueueView>,
    pub status: Option<Status>,
    pub topic: Option<Topic>,
    pub urgency: Option<Urgency>,
    pub district: Option<District>,
    /// A jurist's id: the requests assigned to them.
    pub assignee: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    /// The districts where the reader takes new requests in turn, and
    /// whether they do now.
    pub turns: Vec<(District, bool)>,
    pub rows: Vec<ConsultationRow>,
    pub counts: Vec<(QueueView, u64)>,
    pub districts: Vec<District>,
    /// The jurists of those districts, for the assignee filter: (id, name).
    pub jurists: Vec<(String, String)>,
    pub filter: QueueFilter,
    pub page: u64,
    pub pages: u64,
    pub now: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rome_time::{days_from_civil, rome_offset_seconds};

    fn rome(year: i64, month: u32, day: u32, hour: i64) -> i64 {
        let local = days_from_civil(year, month, day) * DAY + hour * 3_600;
        local - rome_offset_seconds(local - 3_600)
    }

    #[test]
    fn the_states_move_as_the_help_desk_does() {
        use Status::*;
        assert_eq!(New.after(Step::Claim), Ok(Assigned));
        assert_eq!(Assigned.after(Step::Ask), Ok(WaitingForGuardian));
        assert_eq!(WaitingForGuardian.after(Step::GuardianWrites), Ok(Assigned));
        assert_eq!(Assigned.after(Step::Answer), Ok(Answered));
        assert_eq!(Answered.after(Step::GuardianWrites), Ok(Assigned));
        assert_eq!(Answered.after(Step::Close), Ok(Closed));
        assert_eq!(Closed.after(Step::Reopen), Ok(Reopened));
        assert_eq!(Reopened.after(Step::Claim), Ok(Assigned));
        assert_eq!(Answered.after(Step::Note), Ok(Answered));
        assert_eq!(Answered.after(Step::Rate), Ok(Closed));
        assert_eq!(Closed.after(Step::Rate), Ok(Closed));
        assert_eq!(Assigned.after(Step::Rate), Err(Problem::NotNow));
    }

    #[test]
    fn steps_out_of_turn_are_refused() {
        use Status::*;
        assert_eq!(Closed.after(Step::GuardianWrites), Err(Problem::NotNow));
        assert_eq!(Closed.after(Step::Answer), Err(Problem::NotNow));
        assert_eq!(Assigned.after(Step::Close), Err(Problem::NotNow));
        assert_eq!(Assigned.after(Step::Reopen), Err(Problem::NotNow));
        assert_eq!(Answered.after(Step::Claim), Err(Problem::NotNow));
    }

    #[test]
    fn a_request_filed_on_friday_evening_is_due_in_working_days() {
        let calendar = WorkingCalendar::default();
        // Friday 6 March 2026, 18:00: two working days run out on Tuesday at 18:00.
        let clock = ServiceClock { started_at: rome(2026, 3, 6, 18), ..ServiceClock::default() };
        let due = clock.due(Status::New, Urgency::Normal, &calendar);
        assert_eq!(due.response, Some(rome(2026, 3, 10, 18)));
        // Ten working days: Friday 20 March, 18:00.
        assert_eq!(due.resolution, Some(rome(2026, 3, 20, 18)));
        assert_eq!(due.next(), due.response);
    }

    #[test]
    fn easter_monday_and_labour_day_are_skipped() {
        let calendar = WorkingCalendar::default();
        // Thursday 2 April 2026, 10:00, urgent: Friday 3, then Easter Monday
        // (6 April) is a holiday, so three working days end Wednesday 8 at 10:00.
        let clock = ServiceClock { started_at: rome(2026, 4, 2, 10), ..ServiceClock::default() };
        assert_eq!(clock.due(Status::New, Urgency::Urgent, &calendar).resolution, Some(rome(2026, 4, 8, 10)));
        // Thursday 30 April 2026, 9:00: 1 May (Friday) is a holiday, so the day runs out on Monday.
        let clock = ServiceClock { started_at: rome(2026, 4, 30, 9), ..ServiceClock::default() };
        assert_eq!(clock.due(Status::New, Urgency::Urgent, &calendar).response, Some(rome(2026, 5, 4, 9)));
    }

    #[test]
    fn waiting_for_the_guardian_stops_the_clock_and_moves_the_resolution() {
        let calendar = WorkingCalendar::default();
        let filed = rome(2026, 3, 2, 9); // Monday
        let clock =
            ServiceClock { started_at: filed, ..ServiceClock::default() }.jurist_replied(rome(2026, 3, 2, 11)).pause(rome(2026, 3, 2, 11));
        assert_eq!(clock.due(Status::WaitingForGuardian, Urgency::Urgent, &calendar), DueTimes::default());
        // The guardian answers on Wednesday at 11:00: two working days waited.
        let resumed = clock.guardian_wrote(rome(2026, 3, 4, 11), &calendar);
        assert_eq!(resumed.paused_seconds, 2 * DAY);
        let due = resumed.due(Status::Assigned, Urgency::Urgent, &calendar);
        // Resolution: Thursday 5 March 9:00 plus two days waited: Monday 9 March 9:00.
        assert_eq!(due.resolution, Some(rome(2026, 3, 9, 9)));
        // The update target runs from the guardian's message: Thursday 11:00.
        assert_eq!(due.response, Some(rome(2026, 3, 5, 11)));
        assert_eq!(resumed.jurist_replied(rome(2026, 3, 4, 12)).due(Status::Assigned, Urgency::Urgent, &calendar).response, None);
    }

    #[test]
    fn a_guardian_adding_to_an_unanswered_request_does_not_move_the_first_response() {
        let calendar = WorkingCalendar::default();
        let clock = ServiceClock { started_at: rome(2026, 3, 2, 9), ..ServiceClock::default() };
        let added = clock.guardian_wrote(rome(2026, 3, 3, 9), &calendar);
        assert_eq!(added.due(Status::New, Urgency::Normal, &calendar), clock.due(Status::New, Urgency::Normal, &calendar));
    }

    #[test]
    fn a_closing_day_of_the_district_counts_as_a_holiday() {
        // Milano closes on 7 December (Monday in 2026); 8 December is national.
        let calendar = WorkingCalendar::with_yearly_closing_days([(12, 7)]);
        let clock = ServiceClock { started_at: rome(2026, 12, 4, 15), ..ServiceClock::default() };
        assert_eq!(clock.due(Status::New, Urgency::Urgent, &calendar).response, Some(rome(2026, 12, 9, 15)));
    }

    #[test]
    fn answered_and_closed_requests_have_nothing_due() {
        let clock = ServiceClock { started_at: 0, ..ServiceClock::default() };
        for status in [Status::Answered, Status::Closed, Status::WaitingForGuardian] {
            assert_eq!(clock.due(status, Urgency::Urgent, &WorkingCalendar::default()).next(), None);
        }
    }
}
