//! `tutela seed`: `--demo` makes one demo account per role in each district,
//! so a newcomer can try every part of Tutela; `--users N` adds sample
//! accounts for trying lists at scale and for the benchmark. Running either
//! again changes nothing.

use tutela_app::{
    domain::{District, Role, RoleGrant},
    ssr::{
        accounts::{NewAccount, create_active_account, create_sample_accounts},
        second_factor,
    },
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    state,
};

/// The demo password, documented in the README. Demo data only.
pub const DEMO_PASSWORD: &str = "tutela-demo-2026";
/// The two-factor key of the demo jurists and coordinators (their roles
/// require it), documented in the README. Demo data only.
pub const DEMO_TOTP_SECRET: &str = "KRKVIRKMIFCEKTKPKRKVIRKMIFCEKTKP";

pub async fn run(config: &Config, demo: bool, users: Option<u32>) -> ServerResult<()> {
    if !demo && users.is_none() {
        return Err(ServerError::Usage("nothing to seed: pass --demo for the demo accounts, --users N for sample accounts".into()));
    }
    if config.public_url.as_deref().is_some_and(|url| url.starts_with("https://")) {
        return Err(ServerError::Usage(
            "refusing to seed: demo and sample accounts share a published password, and public_url says this Tutela is served \
             over https, so it may be public. Seed a local copy instead."
                .into(),
        ));
    }
    let db = state::open_database(config).await?;
    if let Some(count) = users {
        let created = create_sample_accounts(&db, count, DEMO_PASSWORD).await?;
        println!("{created} sample accounts added ({count} in all, person.NNNNNN@sample.tutela.localhost, password: {DEMO_PASSWORD})");
    }
    if !demo {
        return Ok(());
    }
    println!("Demo accounts (password: {DEMO_PASSWORD}; jurists and coordinators sign in with a code from the key {DEMO_TOTP_SECRET})");
    println!("{:<13} {:<9} email", "role", "district");
    for district in District::ALL {
        for role in Role::ALL {
            let email = format!("{}.{}@demo.tutela.localhost", role.code(), district.code());
            let name = format!("Demo {} {}", role.code(), district.name());
            let grants = [RoleGrant { role, district }];
            let created = create_active_account(
                &db,
                NewAccount { name: &name, email: &email, password: DEMO_PASSWORD, home_district: district, grants: &grants },
            )
            .await?;
            if role.is_privileged() {
                second_factor::enable_with_known_secret(&db, &email, DEMO_TOTP_SECRET).await?;
            }
            println!("{:<13} {:<9} {email}{}", role.code(), district.code(), if created { "" } else { "  (already there)" });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_site_served_over_https_is_never_seeded() {
        let data_dir = std::env::temp_dir().join(format!("tutela-seed-{}", std::process::id()));
        let config = Config {
            public_url: Some("https://tutela.example.org".into()),
            database_url: tutela_app::ssr::secrets::Secret::new(format!("sqlite://{}?mode=rwc", data_dir.join("tutela.db").display())),
            data_dir: data_dir.clone(),
            ..Config::load(None).unwrap()
        };
        assert!(matches!(run(&config, true, Some(10)).await, Err(ServerError::Usage(_))));
        assert!(!data_dir.exists(), "nothing was created");
    }
}
