//! `tutela admin create`: the first coordinator, with a password typed at a
//! prompt or read from standard input.

use std::io::{BufRead as _, IsTerminal as _};

use clap::Subcommand;
use tutela_app::{
    domain::{District, Role, RoleGrant},
    i18n::{Locale, problem_text},
    ssr::accounts::{NewAccount, create_active_account},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    state,
};

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a coordinator account (for both districts unless --district).
    Create {
        /// The coordinator's e-mail address (their sign-in).
        #[arg(long)]
        email: String,
        /// Their full name, as others will see it.
        #[arg(long)]
        name: String,
        /// `milano` or `brescia`; both when omitted.
        #[arg(long)]
        district: Option<String>,
    },
}

fn read_password() -> ServerResult<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (at least 10 characters): ")?;
        let second = rpassword::prompt_password("Repeat the password: ")?;
        if first != second {
            return Err(ServerError::Usage("the two passwords differ".into()));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

pub async fn run(config: &Config, command: AdminCommand) -> ServerResult<()> {
    match command {
        AdminCommand::Create { email, name, district } => {
            let districts = match district.as_deref() {
                None => District::ALL.to_vec(),
                Some(code) => vec![
                    District::from_code(code)
                        .ok_or_else(|| ServerError::Usage(format!("unknown district `{code}`: use milano or brescia")))?,
                ],
            };
            let password = read_password()?;
            let db = state::open_database(config).await?;
            let grants: Vec<RoleGrant> = districts.iter().map(|&district| RoleGrant { role: Role::Coordinator, district }).collect();
            let created = create_active_account(
                &db,
                NewAccount { name: &name, email: &email, password: &password, home_district: districts[0], grants: &grants },
            )
            .await
            .map_err(|e| match e {
                tutela_app::ssr::error::ServiceError::Invalid(problems) => ServerError::Usage(
                    problems
                        .iter()
                        .map(|p| format!("{}: {}", p.field, problem_text(Locale::En.texts(), p.problem)))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                other => other.into(),
            })?;
            if created {
                println!("coordinator {email} created");
                Ok(())
            } else {
                Err(ServerError::Usage(format!("{email} already has an account")))
            }
        }
    }
}
