//! `tutela seed --demo`: one demo account per role in each district, so a
//! newcomer can try every part of Tutela. Running it again changes nothing.

use tutela_app::{
    domain::{District, Role, RoleGrant},
    ssr::accounts::{NewAccount, create_active_account},
};

use crate::{
    config::Config,
    error::{ServerError, ServerResult},
    state,
};

/// The demo password, documented in the README. Demo data only.
pub const DEMO_PASSWORD: &str = "tutela-demo-2026";

pub async fn run(config: &Config, demo: bool) -> ServerResult<()> {
    if !demo {
        return Err(ServerError::Usage("nothing to seed: pass --demo to create the demo accounts".into()));
    }
    let db = state::open_database(config).await?;
    println!("Demo accounts (password: {DEMO_PASSWORD})");
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
            println!("{:<13} {:<9} {email}{}", role.code(), district.code(), if created { "" } else { "  (already there)" });
        }
    }
    Ok(())
}
