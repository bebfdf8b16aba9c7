//! `tutela mail send-test`: queue a test mail and deliver it at once, to
//! check the mail configuration.

use clap::Subcommand;
use tutela_app::{
    domain::Email,
    i18n::Locale,
    ssr::mail::{self, MailKind, outbox, transport::MailTransport},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    state,
};

#[derive(Subcommand)]
pub enum MailCommand {
    /// Send a test mail to an address.
    SendTest {
        /// The address to send it to.
        #[arg(long)]
        to: String,
    },
}

pub async fn run(config: &Config, command: MailCommand) -> ServerResult<()> {
    match command {
        MailCommand::SendTest { to } => {
            let to = Email::parse(&to).map_err(|_| ServerError::Usage(format!("`{to}` is not an e-mail address")))?;
            let db = state::open_database(config).await?;
            let settings = state::settings(config, config.bind);
            let transport = MailTransport::from_settings(&settings).map_err(|e| ServerError::Config(e.to_string()))?;
            mail::enqueue(&db, to.as_str(), Locale::It, &MailKind::Test).await?;
            let sent = outbox::deliver_due(&db, &settings, &transport).await?;
            match &settings.smtp_url {
                Some(_) if sent > 0 => println!("test mail sent to {} over SMTP", to.as_str()),
                None if sent > 0 => println!("test mail written to {}", settings.mail_dir.display()),
                _ => {
                    return Err(ServerError::Usage(
                        "the test mail could not be delivered yet; it stays in the outbox and will be retried (see /admin/outbox)".into(),
                    ));
                }
            }
            Ok(())
        }
    }
}
