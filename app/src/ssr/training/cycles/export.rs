//! A cycle's learners and their progress as a CSV file, for its staff:
//! the register a programme keeps, in a spreadsheet.

use super::{learners, load_for_staff};
use crate::{
    domain::SessionUser,
    i18n::{Locale, enrolment_name},
    ssr::{csv, error::ServiceResult, state::AppState},
};

/// Hours with one decimal (rounded), as a spreadsheet reads them.
pub(super) fn hours(minutes: i32) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The learners of the cycle `id`, enrolled then waiting, one per line.
pub async fn progress_csv(state: &AppState, reader: &SessionUser, locale: Locale, id: &str) -> ServiceResult<String> {
    let cycle = load_for_staff(&state.db, reader, id).await?;
    let t = locale.texts();
    let mut rows = vec![vec![
        t.cycles_learner.to_owned(),
        t.cycles_learner_email.to_owned(),
        t.cycles_learner_status.to_owned(),
        t.cycles_csv_lessons_read.to_owned(),
        t.cycles_csv_lessons.to_owned(),
        t.cycles_csv_quizzes_passed.to_owned(),
        t.cycles_csv_quizzes.to_owned(),
        t.cycles_csv_hours_attended.to_owned(),
        t.cycles_csv_hours_counted.to_owned(),
        t.cycles_csv_attendance_percent.to_owned(),
        t.cycles_complete.to_owned(),
    ]];
    for learner in learners(&state.db, &cycle).await? {
        let p = learner.progress;
        rows.push(vec![
            learner.name,
            learner.email,
            enrolment_name(t, learner.status).to_owned(),
            p.lessons_read.to_string(),
            p.lessons.to_string(),
            p.quizzes_passed.to_string(),
            p.quizzes.to_string(),
            hours(p.attended_minutes),
            hours(p.counted_minutes),
            p.attendance_percent().to_string(),
            if p.is_complete() { t.cycles_csv_yes } else { t.cycles_csv_no }.to_owned(),
        ]);
    }
    Ok(csv::table(&rows))
}

#[cfg(test)]
mod tests {
    use super::hours;

    #[test]
    fn hours_have_one_decimal() {
        assert_eq!(hours(210), "3.5");
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(0), "0.0");
        assert_eq!(hours(65), "1.1");
    }
}
