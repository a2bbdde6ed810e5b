//! The one attribution line: where the Panel's words come from and under
//! what licence, formatted the same wherever they are shown or exported.

use super::model::Pack;

/// "Source: …. 2024-12-12. Crown copyright · Open Government Licence v3.0"
pub fn source_line(pack: &Pack) -> String {
    let source = pack.source.as_ref().map(|s| format!("Source: {s}"));
    [source, pack.published.clone(), rights(pack)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(". ")
}

/// The quiet line every screen shows: the source in a few words, then
/// the copyright and licence.
pub fn quiet_line(pack: &Pack) -> String {
    let source = pack.short_source.clone().or_else(|| pack.source.clone());
    [source, rights(pack)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The copyright and licence line that must travel with the Panel's text.
pub fn rights(pack: &Pack) -> Option<String> {
    let parts: Vec<&str> = [pack.copyright.as_deref(), pack.licence.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}
