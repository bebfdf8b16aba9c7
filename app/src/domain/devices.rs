//! Where a user is signed in: their sessions, and the browsers they were
//! opened from, named as people know them.

use serde::{Deserialize, Serialize};

/// One of the signed-in user's sessions, as their account page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnSession {
    pub browser: Option<String>,
    pub system: Option<String>,
    pub started_at: i64,
    pub last_seen_at: i64,
    /// The session this page was asked for with.
    pub current: bool,
}

/// A browser and the system it runs on, read from a User-Agent header;
/// either is `None` when the header does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Device {
    pub browser: Option<&'static str>,
    pub system: Option<&'static str>,
}

impl Device {
    pub fn from_user_agent(user_agent: &str) -> Device {
        // Order matters: Edge, Opera and Samsung Internet also say Chrome,
        // and Chrome also says Safari.
        const BROWSERS: [(&str, &str); 9] = [
            ("Edg", "Edge"),
            ("OPR/", "Opera"),
            ("SamsungBrowser", "Samsung Internet"),
            ("Firefox/", "Firefox"),
            ("FxiOS", "Firefox"),
            ("CriOS", "Chrome"),
            ("Chromium/", "Chromium"),
            ("Chrome/", "Chrome"),
            ("Safari/", "Safari"),
        ];
        const SYSTEMS: [(&str, &str); 7] = [
            ("Android", "Android"),
            ("iPhone", "iOS"),
            ("iPad", "iPadOS"),
            ("Windows", "Windows"),
            ("Mac OS X", "macOS"),
            ("CrOS", "ChromeOS"),
            ("Linux", "Linux"),
        ];
        let find = |table: &[(&str, &'static str)]| table.iter().find(|(marker, _)| user_agent.contains(marker)).map(|(_, name)| *name);
        Device { browser: find(&BROWSERS), system: find(&SYSTEMS) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                Some("Chrome"),
                Some("Android"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                Some("Safari"),
                Some("iOS"),
            ),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", Some("Firefox"), Some("Linux")),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                Some("Edge"),
                Some("Windows"),
            ),
            ("curl/8.5.0", None, None),
            ("", None, None),
        ];
        for (user_agent, browser, system) in cases {
            assert_eq!(Device::from_user_agent(user_agent), Device { browser, system }, "{user_agent}");
        }
    }
}
