//! Resolving `--theme ID` for `reflect start` (and `reflect group`).

use anyhow::{Result, bail};

use crate::app::SessionRequest;
use crate::content::{Audience, Library};

pub fn request(library: &Library, theme_id: &str, audience: Audience) -> Result<SessionRequest> {
    let Some((pack, theme)) = library.find_theme(theme_id) else {
        let known: Vec<&str> = library.themes().map(|(_, t)| t.id.as_str()).collect();
        bail!("no theme `{theme_id}`; themes: {}", known.join(", "));
    };
    Ok(SessionRequest {
        pack: pack.id.clone(),
        theme: theme.id.clone(),
        audience,
        resume: true,
        id: None,
    })
}
