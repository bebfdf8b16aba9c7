//! The error of the binary's commands: what went wrong, said for an operator.

use tutela_app::ssr::error::ServiceError;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("configuration: {0}")]
    Config(String),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Service(#[from] ServiceError),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
}

pub type ServerResult<T> = Result<T, ServerError>;
