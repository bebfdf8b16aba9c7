//! Training cycles: a course run in one district, with its sessions, its
//! learners and its waiting list, as pages show them.

use serde::{Deserialize, Serialize};

use super::{District, certificates::CertificateFacts};

/// Where a cycle stands. It moves forward only: draft → open → running →
/// completed, or to cancelled from any state before completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CycleStatus {
    /// Being prepared: only its district's trainers and coordinators see it.
    Draft,
    /// Published: learners enrol within the enrolment window.
    Open,
    Running,
    Completed,
    Cancelled,
}

impl CycleStatus {
    const ALL: [CycleStatus; 5] =
        [CycleStatus::Draft, CycleStatus::Open, CycleStatus::Running, CycleStatus::Completed, CycleStatus::Cancelled];

    pub fn code(self) -> &'static str {
        match self {
            CycleStatus::Draft => "draft",
            CycleStatus::Open => "open",
            CycleStatus::Running => "running",
            CycleStatus::Completed => "completed",
            CycleStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<CycleStatus> {
        CycleStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The states a cycle may move to from this one.
    pub fn next(self) -> &'static [CycleStatus] {
        match self {
            CycleStatus::Draft => &[CycleStatus::Open, CycleStatus::Cancelled],
            CycleStatus::Open => &[CycleStatus::Running, CycleStatus::Cancelled],
            CycleStatus::Running => &[CycleStatus::Completed, CycleStatus::Cancelled],
            CycleStatus::Completed | CycleStatus::Cancelled => &[],
        }
    }

    /// Whether its details, sessions and learners may still change.
    pub fn is_live(self) -> bool {
        matches!(self, CycleStatus::Draft | CycleStatus::Open | CycleStatus::Running)
    }
}

/// A learner's place in a cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrolmentStatus {
    Enrolled,
    /// On the waiting list: moved up, in order, when a place frees.
    Waiting,
    /// Left by the learner.
    Withdrawn,
    /// Taken off by a trainer or coordinator.
    Removed,
}

impl EnrolmentStatus {
    const ALL: [EnrolmentStatus; 4] =
        [EnrolmentStatus::Enrolled, EnrolmentStatus::Waiting, EnrolmentStatus::Withdrawn, EnrolmentStatus::Removed];

    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Enrolled => "enrolled",
            EnrolmentStatus::Waiting => "waiting",
            EnrolmentStatus::Withdrawn => "withdrawn",
            EnrolmentStatus::Removed => "removed",
        }
    }

    pub fn from_code(code: &str) -> Option<EnrolmentStatus> {
        EnrolmentStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the learner holds a place or waits for one.
    pub fn is_active(self) -> bool {
        matches!(self, EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting)
    }
}

/// A cycle in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleCard {
    pub id: String,
    pub title: String,
    pub course: String,
    pub district: District,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    pub enrol_until: String,
    pub status: CycleStatus,
    pub places_left: i32,
    /// The reader's place in it, if they have one.
    pub mine: Option<EnrolmentStatus>,
}

/// `/training/cycles`: the reader's cycles, those they may enrol in, and
/// for trainers and coordinators those of their districts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleList {
    pub mine: Vec<CycleCard>,
    pub enrolling: Vec<CycleCard>,
    pub managed: Vec<CycleCard>,
    /// Whether the reader may create cycles.
    pub can_create: bool,
    /// Whether the reader coordinates a district, and so lists its certificates.
    pub lists_certificates: bool,
    /// The address of the reader's personal calendar feed, when it is on.
    pub calendar_feed: Option<String>,
}

/// A session as its cycle's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    /// Unix seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: Option<String>,
    /// Whether it is held online: its link only reaches the cycle's
    /// learners and staff.
    pub online: bool,
    pub online_link: Option<String>,
    pub counted_minutes: i32,
    /// The titles of the modules it covers.
    pub modules: Vec<String>,
    /// The reader's own attendance, once marked.
    pub my_mark: Option<AttendanceMark>,
}

/// A learner as the cycle's staff see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerRow {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub status: EnrolmentStatus,
    pub progress: CycleProgress,
    /// Their certificate's code, grouped, and whether it was revoked.
    pub certificate: Option<(String, bool)>,
}

/// What the reader may do about enrolling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrolChoice {
    /// A place is free.
    Enrol,
    /// The cycle is full: the waiting list.
    JoinWaitingList,
    /// Enrolled or waiting: they may withdraw.
    Withdraw,
    /// They may enrol, but not these days: outside the enrolment window.
    NotNow,
    /// Nothing to do: not theirs to enrol in, or the cycle moved on.
    None,
}

/// What only the cycle's trainers and its district's coordinators get.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleStaffView {
    pub learners: Vec<LearnerRow>,
    /// The states the cycle may move to now.
    pub next: Vec<CycleStatus>,
    /// The course's modules (id, title), for a new session.
    pub modules: Vec<(String, String)>,
}

/// `/training/cycles/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CyclePage {
    pub id: String,
    pub course_id: String,
    pub course: String,
    pub title: String,
    pub district: District,
    pub starts_on: String,
    pub ends_on: String,
    pub enrol_from: String,
    pub enrol_until: String,
    pub capacity: i32,
    pub enrolled: i32,
    pub waiting: i32,
    pub min_attendance: i32,
    pub open_to_all_districts: bool,
    pub status: CycleStatus,
    pub trainers: Vec<String>,
    pub sessions: Vec<SessionView>,
    pub mine: Option<EnrolmentStatus>,
    /// 1 for the first on the waiting list, when the reader waits.
    pub waiting_position: Option<u32>,
    pub choice: EnrolChoice,
    /// The reader's progress, when they are enrolled.
    pub my_progress: Option<CycleProgress>,
    /// The reader's certificate, once they completed the cycle.
    pub my_certificate: Option<CertificateFacts>,
    pub staff: Option<CycleStaffView>,
}

/// A cycle's details as its form shows them: empty for a new one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleFields {
    pub course: String,
    pub title: String,
    pub district: String,
    pub starts_on: String,
    pub ends_on: String,
    pub enrol_from: String,
    pub enrol_until: String,
    pub capacity: String,
    pub min_attendance: String,
    pub open_to_all_districts: bool,
    /// Ids of the chosen trainers.
    pub trainers: Vec<String>,
}

/// The new-cycle and edit-cycle form: the values and the choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleForm {
    /// Empty for a new cycle.
    pub id: String,
    pub fields: CycleFields,
    /// (id, title) of the courses a cycle may run.
    pub courses: Vec<(String, String)>,
    /// The districts the reader runs cycles in.
    pub districts: Vec<District>,
    /// (id, "name · district") of the trainers of those districts.
    pub trainers: Vec<(String, String)>,
}

/// Whether a learner attended a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttendanceMark {
    Present,
    Absent,
    /// Absent for a reason the trainer accepted: recorded, not counted as attended.
    Justified,
}

impl AttendanceMark {
    pub const ALL: [AttendanceMark; 3] = [AttendanceMark::Present, AttendanceMark::Absent, AttendanceMark::Justified];

    pub fn code(self) -> &'static str {
        match self {
            AttendanceMark::Present => "present",
            AttendanceMark::Absent => "absent",
            AttendanceMark::Justified => "justified",
        }
    }

    pub fn from_code(code: &str) -> Option<AttendanceMark> {
        AttendanceMark::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// How far a learner is toward completing a cycle: the course's lessons
/// read, its quizzes passed, and the meetings' hours attended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleProgress {
    pub lessons_read: i32,
    pub lessons: i32,
    pub quizzes_passed: i32,
    pub quizzes: i32,
    pub attended_minutes: i32,
    /// The minutes all the cycle's meetings count.
    pub counted_minutes: i32,
    /// The percent of `counted_minutes` to attend.
    pub min_attendance: i32,
}

impl CycleProgress {
    /// Attended minutes as a whole percent of the counted ones, rounded down.
    pub fn attendance_percent(self) -> i32 {
        if self.counted_minutes > 0 { self.attended_minutes * 100 / self.counted_minutes } else { 0 }
    }

    /// Every lesson read, every quiz passed, and attendance at or above the minimum.
    pub fn is_complete(self) -> bool {
        self.lessons_read >= self.lessons
            && self.quizzes_passed >= self.quizzes
            && self.counted_minutes > 0
            && i64::from(self.attended_minutes) * 100 >= i64::from(self.min_attendance) * i64::from(self.counted_minutes)
    }
}

/// A learner on a session's attendance sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRow {
    pub user_id: String,
    pub name: String,
    pub mark: Option<AttendanceMark>,
}

/// `/training/cycles/{id}/sessions/{session}`: the trainer's attendance sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceSheet {
    pub cycle_id: String,
    pub cycle_title: String,
    pub session: SessionView,
    pub rows: Vec<AttendanceRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_is_complete_with_everything_read_passed_and_enough_attended() {
        let done = CycleProgress {
            lessons_read: 3,
            lessons: 3,
            quizzes_passed: 1,
            quizzes: 1,
            attended_minutes: 540,
            counted_minutes: 720,
            min_attendance: 75,
        };
        assert!(done.is_complete(), "exactly 75%");
        assert_eq!(done.attendance_percent(), 75);
        assert!(!CycleProgress { attended_minutes: 539, ..done }.is_complete(), "just under the minimum");
        assert!(!CycleProgress { lessons_read: 2, ..done }.is_complete());
        assert!(!CycleProgress { quizzes_passed: 0, ..done }.is_complete());
        assert!(!CycleProgress { counted_minutes: 0, attended_minutes: 0, ..done }.is_complete(), "no meetings yet");
        assert!(CycleProgress { min_attendance: 0, attended_minutes: 0, ..done }.is_complete(), "no minimum set");
    }
}
