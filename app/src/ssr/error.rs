//! The service layer's error, and its one mapping to what the user is told.

use crate::domain::{AppError, FieldProblem, Problem};

/// What a service can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    #[error("refused: {0:?}")]
    Refused(Problem),
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Internal(String),
}

impl ServiceError {
    pub fn field(field: &str, problem: Problem) -> ServiceError {
        ServiceError::Invalid(vec![FieldProblem { field: field.to_owned(), problem }])
    }
}

impl From<ServiceError> for AppError {
    fn from(error: ServiceError) -> AppError {
        match error {
            ServiceError::Invalid(problems) => AppError::Invalid(problems),
            ServiceError::Refused(problem) => AppError::Refused(problem),
            ServiceError::Unauthenticated => AppError::Unauthenticated,
            ServiceError::Forbidden => AppError::Forbidden,
            ServiceError::NotFound => AppError::NotFound,
            // Internals go to the log, never to the page.
            ServiceError::Database(e) => {
                tracing::error!(error = %e, "database error");
                AppError::Internal
            }
            ServiceError::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                AppError::Internal
            }
        }
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// Collects field problems so a form reports all of them at once.
#[derive(Default)]
pub struct Validation(Vec<FieldProblem>);

impl Validation {
    /// Keeps the parsed value, or records the problem against `field`.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Problem>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(FieldProblem { field: field.to_owned(), problem });
                None
            }
        }
    }

    pub fn add(&mut self, field: &str, problem: Problem) {
        self.0.push(FieldProblem { field: field.to_owned(), problem });
    }

    /// `Err` with every problem found, or `Ok` when there were none.
    pub fn finish(self) -> ServiceResult<()> {
        if self.0.is_empty() { Ok(()) } else { Err(ServiceError::Invalid(self.0)) }
    }
}
