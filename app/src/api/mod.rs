//! Server functions, grouped by area, one concern per file. Each is the
//! target of a plain HTML form (or a fetch) and checks authorisation itself.

pub mod account;
pub mod admin;
pub mod community;
pub mod consultations;
pub mod faq;
#[cfg(feature = "ssr")]
pub(crate) mod form_data;
pub mod markdown;
pub mod notifications;
pub mod search;
pub mod training;

/// How a form's server function answers: success redirects with a notice;
/// a problem with the input goes back to the form as flash feedback for a
/// plain post, or as an error with its HTTP status for anything else.
#[cfg(feature = "ssr")]
pub(crate) mod respond {
    use crate::{
        domain::{AppError, Notice, Problem},
        routes::paths,
        ssr::{
            error::{ServiceError, ServiceResult},
            flash,
            request::is_plain_form_post,
            state::app_state,
        },
    };

    /// Where to go after a form succeeded, and what to say there.
    pub struct Done {
        pub redirect: String,
        pub notice: Option<Notice>,
    }

    impl Done {
        pub fn to(path: impl Into<String>, notice: Notice) -> Done {
            Done { redirect: path.into(), notice: Some(notice) }
        }
    }

    /// Turns a service result into the form's response. `form` is the form's
    /// id, `back` the page it lives on, `values` what to refill on failure.
    pub fn form(form: &str, back: &str, values: &[(&str, &str)], result: ServiceResult<Done>) -> Result<(), AppError> {
        let state = app_state()?;
        match result {
            Ok(done) => {
                if let Some(notice) = done.notice {
                    flash::notice(&state, notice);
                }
                leptos_axum::redirect(&done.redirect);
                Ok(())
            }
            Err(error) => {
                let error = AppError::from(error);
                let plain = is_plain_form_post();
                match &error {
                    AppError::Invalid(_) | AppError::Refused(_) if plain => {
                        flash::form_failed(&state, form, &error, values);
                        leptos_axum::redirect(back);
                        Ok(())
                    }
                    AppError::Unauthenticated if plain => {
                        leptos_axum::redirect(paths::LOGIN);
                        Ok(())
                    }
                    // A person gets the page back with a message, not a bare status.
                    AppError::Internal if plain => {
                        flash::put(&state, &crate::domain::Flash::Problem(crate::domain::Problem::ServerError));
                        leptos_axum::redirect(back);
                        Ok(())
                    }
                    _ => fail(error),
                }
            }
        }
    }

    /// Back to the form's page with `values` refilled and nothing said
    /// wrong: a preview asked for without JavaScript.
    pub fn shown_again(form: &str, back: &str, values: &[(&str, &str)]) -> Result<(), AppError> {
        flash::form_kept(&app_state()?, form, values);
        leptos_axum::redirect(back);
        Ok(())
    }

    /// [`form`] for a form the page no longer shows once `gone` holds (past
    /// the edit window, on one's own post): the page itself says why.
    pub fn form_unless_gone(form_id: &str, back: &str, gone: Problem, result: ServiceResult<Done>) -> Result<(), AppError> {
        said_on_page(form_id, back, |problem| problem == gone, result)
    }

    /// For a button that acts on a thing in some state (take a request,
    /// close it, reopen it): the button may be gone once the state moved
    /// on, so any refusal is said on the page itself.
    pub fn action(form_id: &str, back: &str, result: ServiceResult<Done>) -> Result<(), AppError> {
        said_on_page(form_id, back, |_| true, result)
    }

    fn said_on_page(form_id: &str, back: &str, on_page: impl Fn(Problem) -> bool, result: ServiceResult<Done>) -> Result<(), AppError> {
        if let Err(ServiceError::Refused(problem)) = &result
            && on_page(*problem)
            && is_plain_form_post()
        {
            flash::put(&app_state()?, &crate::domain::Flash::Problem(*problem));
            leptos_axum::redirect(back);
            return Ok(());
        }
        form(form_id, back, &[], result)
    }

    /// Sets the response status that matches `error` and returns it.
    pub fn fail<T>(error: AppError) -> Result<T, AppError> {
        crate::components::page::set_page_status(error.status());
        Err(error)
    }

    /// For data-returning server functions: maps a service error to its status.
    pub fn data<T>(result: ServiceResult<T>) -> Result<T, AppError> {
        result.or_else(|e| fail(AppError::from(e)))
    }
}
