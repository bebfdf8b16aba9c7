//! Every path of the application, in one list. Paths are English and stable;
//! the language switch changes words, never paths.

#[cfg(feature = "ssr")]
pub use table::AppRoutes;

/// Paths, for links and redirects.
pub mod paths {
    pub const HOME: &str = "/";
    pub const REGISTER: &str = "/register";
    pub const LOGIN: &str = "/login";
    pub const LOGIN_CODE: &str = "/login/code";
    pub const LOGOUT: &str = "/logout";
    pub const PASSWORD_FORGOT: &str = "/password/forgot";
    pub const ACCOUNT: &str = "/account";
    pub const ACCOUNT_DATA: &str = "/account/data";
    pub const ACCOUNT_SECOND_FACTOR: &str = "/account/two-factor";
    pub const ACCOUNT_NOTIFICATIONS: &str = "/account/notifications";
    pub const NOTIFICATIONS: &str = "/notifications";
    pub const TRAINING: &str = "/training";
    pub const COMMUNITY: &str = "/community";
    pub const COMMUNITY_MODERATION: &str = "/community/moderation";
    pub const CONSULTATIONS: &str = "/consultations";
    pub const FAQ: &str = "/faq";
    pub const SEARCH: &str = "/search";
    pub const PRIVACY: &str = "/privacy";
    pub const ADMIN: &str = "/admin";
    pub const ADMIN_USERS: &str = "/admin/users";
    pub const ADMIN_INVITE: &str = "/admin/users/invite";
    pub const ADMIN_AUDIT: &str = "/admin/audit";
    pub const ADMIN_OUTBOX: &str = "/admin/outbox";
    pub const ADMIN_CATEGORIES: &str = "/admin/categories";
    pub const HEALTHZ: &str = "/healthz";
    pub const READYZ: &str = "/readyz";

    pub fn verify_email(token: &str) -> String {
        format!("/verify-email/{token}")
    }

    pub fn password_reset(token: &str) -> String {
        format!("/password/reset/{token}")
    }

    pub fn community_category(slug: &str) -> String {
        format!("/community/c/{slug}")
    }

    pub fn training_course(id: impl std::fmt::Display) -> String {
        format!("/training/courses/{id}")
    }

    pub fn training_lesson(id: impl std::fmt::Display) -> String {
        format!("/training/lessons/{id}")
    }

    pub fn training_quiz(id: impl std::fmt::Display) -> String {
        format!("/training/quizzes/{id}")
    }

    /// The review of a learner's attempt `number` at a quiz.
    pub fn training_quiz_attempt(id: impl std::fmt::Display, number: i32) -> String {
        format!("/training/quizzes/{id}?attempt={number}")
    }

    /// A case study: whole for trainers, its summary for learners.
    pub const TRAINING_CYCLES: &str = "/training/cycles";
    pub const TRAINING_CYCLE_NEW: &str = "/training/cycles/new";

    pub fn training_cycle(id: impl std::fmt::Display) -> String {
        format!("/training/cycles/{id}")
    }

    pub fn training_cycle_edit(id: impl std::fmt::Display) -> String {
        format!("/training/cycles/{id}/edit")
    }

    /// A session's attendance sheet.
    pub fn training_attendance(cycle: impl std::fmt::Display, session: impl std::fmt::Display) -> String {
        format!("/training/cycles/{cycle}/sessions/{session}")
    }

    /// A cycle's learners and their progress, as a CSV file.
    pub fn training_cycle_progress(id: impl std::fmt::Display) -> String {
        format!("/training/cycles/{id}/progress.csv")
    }

    /// A cycle's sessions as a calendar file.
    pub fn training_cycle_calendar(id: impl std::fmt::Display) -> String {
        format!("/training/cycles/{id}/calendar.ics")
    }

    pub const TRAINING_AUTHORING: &str = "/training/authoring";

    pub fn authoring_course(id: impl std::fmt::Display) -> String {
        format!("/training/authoring/courses/{id}")
    }

    /// The course editor, scrolled to module or lesson `part`.
    pub fn authoring_course_at(id: impl std::fmt::Display, part: impl std::fmt::Display) -> String {
        format!("/training/authoring/courses/{id}#part-{part}")
    }

    pub fn authoring_lesson(id: impl std::fmt::Display) -> String {
        format!("/training/authoring/lessons/{id}")
    }

    pub fn authoring_quiz(id: impl std::fmt::Display) -> String {
        format!("/training/authoring/quizzes/{id}")
    }

    pub const TRAINING_CERTIFICATES: &str = "/training/certificates";
    pub const TRAINING_CERTIFICATES_CSV: &str = "/training/certificates.csv";
    pub const VERIFY: &str = "/verify";

    /// The public page that says whether a certificate stands.
    pub fn verify_certificate(code: impl std::fmt::Display) -> String {
        format!("/verify/{code}")
    }

    /// A certificate as a PDF file, for its holder and its district's staff.
    pub fn training_certificate_pdf(code: impl std::fmt::Display) -> String {
        format!("/training/certificates/{code}/certificate.pdf")
    }

    /// The certificates of a district as a CSV file, for its coordinators.
    pub fn training_certificates_csv(district: &str) -> String {
        with_query(TRAINING_CERTIFICATES_CSV, &[("district", district)])
    }

    /// A personal calendar feed, at its signed address.
    pub fn calendar_feed(token: impl std::fmt::Display) -> String {
        format!("/calendar/{token}")
    }

    pub fn training_case(id: impl std::fmt::Display) -> String {
        format!("/training/cases/{id}")
    }

    pub fn training_glossary(course: impl std::fmt::Display) -> String {
        format!("/training/courses/{course}/glossary")
    }

    /// A term on its course's glossary page.
    pub fn glossary_term(course: impl std::fmt::Display, key: &str) -> String {
        format!("/training/courses/{course}/glossary#{key}")
    }

    pub fn faq_entry(id: impl std::fmt::Display) -> String {
        format!("/faq/{id}")
    }

    pub const CONSULTATIONS_NEW: &str = "/consultations/new";
    pub const CONSULTATIONS_QUEUE: &str = "/consultations/queue";
    pub const CONSULTATIONS_REPLIES: &str = "/consultations/replies";
    pub const CONSULTATIONS_STATS: &str = "/consultations/stats";
    /// A table of the statistics as a CSV file (`?of=months|jurists&district=`).
    pub const CONSULTATIONS_STATS_CSV: &str = "/consultations/stats.csv";

    pub fn consultation(id: &str) -> String {
        format!("/consultations/{id}")
    }

    /// The link that invites a co-requester into a request.
    pub fn consultation_invitation(token: &str) -> String {
        format!("/consultations/join/{token}")
    }

    /// A file attached to a request, served after the request's checks.
    pub fn consultation_file(id: &str, file: &str) -> String {
        format!("/consultations/{id}/files/{file}")
    }

    /// The server functions whose forms carry files: their bodies may be
    /// as large as the files they take.
    pub const TAKING_FILES: [&str; 2] = ["/api/consultations/file", "/api/consultations/write"];

    /// The server functions that take a lesson's text, longer than any
    /// other form's: their bodies may be as large as the longest lesson.
    pub const TAKING_LESSONS: [&str; 2] = ["/api/training/save_lesson", "/api/markdown/preview"];

    pub fn community_topic(id: &str) -> String {
        format!("/community/t/{id}")
    }

    /// A one-click unsubscribe link's page (GET) and action (POST).
    pub fn unsubscribe(token: &str) -> String {
        format!("/unsubscribe/{token}")
    }

    pub fn admin_user(id: &str) -> String {
        format!("/admin/users/{id}")
    }

    /// `path` with a query string of the `pairs` that have a value.
    pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
        let query = pairs
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
    }

    /// Percent-encodes all but the unreserved characters of RFC 3986.
    fn encode(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    /// The paths whose last segment is a secret token from a mail, or a
    /// certificate's code (which shows its holder's name to whoever has it).
    const WITH_TOKEN: [&str; 6] =
        ["/verify-email/", "/password/reset/", "/unsubscribe/", "/consultations/join/", "/verify/", "/training/certificates/"];

    /// `path` as it may be written to a log: a mail's token replaced by `…`.
    pub fn for_log(path: &str) -> std::borrow::Cow<'_, str> {
        match WITH_TOKEN.iter().find(|prefix| path.starts_with(**prefix)) {
            Some(prefix) => format!("{prefix}…").into(),
            None => path.into(),
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn tokens_are_left_out_of_logged_paths() {
            assert_eq!(super::for_log(&super::verify_email("s3cr3t")), "/verify-email/…");
            assert_eq!(super::for_log(&super::password_reset("s3cr3t")), "/password/reset/…");
            assert_eq!(super::for_log("/admin/users"), "/admin/users");
        }

        #[test]
        fn query_strings_encode_their_values_and_skip_empty_ones() {
            assert_eq!(super::with_query("/search", &[("q", "età & tutore"), ("place", "")]), "/search?q=et%C3%A0%20%26%20tutore");
            assert_eq!(super::with_query("/search", &[("q", "")]), "/search");
        }
    }
}

/// The route table. Pages render completely on the server before they are
/// sent (`SsrMode::Async`) and only there: following a link loads the next
/// page from the server, so every page reads the same with JavaScript off.
#[cfg(feature = "ssr")]
mod table {
    use leptos::prelude::*;
    use leptos_router::{
        SsrMode,
        components::{Route, Routes},
        path,
    };

    use crate::pages::{self, account, admin, community, consultations, faq, training};

    #[component]
    pub fn AppRoutes() -> impl IntoView {
        view! {
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::home::Home ssr=SsrMode::Async/>
                <Route path=path!("/register") view=account::register::Register ssr=SsrMode::Async/>
                <Route path=path!("/login") view=account::login::Login ssr=SsrMode::Async/>
                <Route path=path!("/login/code") view=account::login_code::LoginCode ssr=SsrMode::Async/>
                <Route path=path!("/logout") view=account::logout::Logout ssr=SsrMode::Async/>
                <Route path=path!("/verify-email/:token") view=account::verify_email::VerifyEmail ssr=SsrMode::Async/>
                <Route path=path!("/password/forgot") view=account::forgot_password::ForgotPassword ssr=SsrMode::Async/>
                <Route path=path!("/password/reset/:token") view=account::reset_password::ResetPassword ssr=SsrMode::Async/>
                <Route path=path!("/account") view=account::profile::Profile ssr=SsrMode::Async/>
                <Route path=path!("/account/data") view=account::data::AccountData ssr=SsrMode::Async/>
                <Route path=path!("/account/two-factor") view=account::second_factor::SecondFactor ssr=SsrMode::Async/>
                <Route path=path!("/account/notifications") view=account::mail_preferences::MailPreferences ssr=SsrMode::Async/>
                <Route path=path!("/notifications") view=pages::notifications::Notifications ssr=SsrMode::Async/>
                <Route path=path!("/unsubscribe/:token") view=pages::unsubscribe::Unsubscribe ssr=SsrMode::Async/>
                <Route path=path!("/training") view=training::Training ssr=SsrMode::Async/>
                <Route path=path!("/training/courses/:id") view=training::course::Course ssr=SsrMode::Async/>
                <Route path=path!("/training/courses/:id/glossary") view=training::glossary::Glossary ssr=SsrMode::Async/>
                <Route path=path!("/training/lessons/:id") view=training::lesson::Lesson ssr=SsrMode::Async/>
                <Route path=path!("/training/cycles") view=training::cycles::Cycles ssr=SsrMode::Async/>
                <Route path=path!("/training/cycles/new") view=training::cycle_form::NewCycle ssr=SsrMode::Async/>
                <Route path=path!("/training/cycles/:id") view=training::cycle::Cycle ssr=SsrMode::Async/>
                <Route path=path!("/training/cycles/:id/edit") view=training::cycle_form::EditCycle ssr=SsrMode::Async/>
                <Route path=path!("/training/cycles/:id/sessions/:session") view=training::attendance::Attendance ssr=SsrMode::Async/>
                <Route path=path!("/training/cases/:id") view=training::case_study::CaseStudy ssr=SsrMode::Async/>
                <Route path=path!("/training/quizzes/:id") view=training::quiz::Quiz ssr=SsrMode::Async/>
                <Route path=path!("/training/authoring") view=training::authoring::Authoring ssr=SsrMode::Async/>
                <Route path=path!("/training/authoring/courses/:id") view=training::course_editor::CourseEditor ssr=SsrMode::Async/>
                <Route path=path!("/training/authoring/lessons/:id") view=training::lesson_editor::LessonEditor ssr=SsrMode::Async/>
                <Route path=path!("/training/authoring/quizzes/:id") view=training::quiz_editor::QuizEditor ssr=SsrMode::Async/>
                <Route path=path!("/training/certificates") view=training::certificates::Certificates ssr=SsrMode::Async/>
                <Route path=path!("/verify") view=training::verify::Verify ssr=SsrMode::Async/>
                <Route path=path!("/verify/:code") view=training::verify::Verify ssr=SsrMode::Async/>
                <Route path=path!("/community") view=community::Categories ssr=SsrMode::Async/>
                <Route path=path!("/community/moderation") view=community::moderation::Moderation ssr=SsrMode::Async/>
                <Route path=path!("/community/c/:slug") view=community::category::Category ssr=SsrMode::Async/>
                <Route path=path!("/community/t/:id") view=community::topic::Topic ssr=SsrMode::Async/>
                <Route path=path!("/consultations") view=consultations::Consultations ssr=SsrMode::Async/>
                <Route path=path!("/consultations/new") view=consultations::new::NewConsultation ssr=SsrMode::Async/>
                <Route path=path!("/consultations/queue") view=consultations::queue::Queue ssr=SsrMode::Async/>
                <Route path=path!("/consultations/replies") view=consultations::replies::Replies ssr=SsrMode::Async/>
                <Route path=path!("/consultations/stats") view=consultations::stats::Stats ssr=SsrMode::Async/>
                <Route path=path!("/consultations/join/:token") view=consultations::join::Join ssr=SsrMode::Async/>
                <Route path=path!("/consultations/:id") view=consultations::thread::Consultation ssr=SsrMode::Async/>
                <Route path=path!("/faq") view=faq::Faq ssr=SsrMode::Async/>
                <Route path=path!("/faq/:id") view=faq::FaqEntry ssr=SsrMode::Async/>
                <Route path=path!("/search") view=pages::search::Search ssr=SsrMode::Async/>
                <Route path=path!("/privacy") view=pages::privacy::Privacy ssr=SsrMode::Async/>
                <Route path=path!("/admin") view=admin::overview::AdminOverview ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=admin::users::Users ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/invite") view=admin::invite::Invite ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/:id") view=admin::user::EditUser ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=admin::audit::AuditLog ssr=SsrMode::Async/>
                <Route path=path!("/admin/outbox") view=admin::outbox::Outbox ssr=SsrMode::Async/>
                <Route path=path!("/admin/categories") view=admin::categories::Categories ssr=SsrMode::Async/>
            </Routes>
        }
    }
}
