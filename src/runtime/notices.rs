//! What the app tells at start-up: damaged files moved aside, files that
//! are not reflections, a folder that cannot be written, content problems.

use std::path::PathBuf;

use super::private::Reflections;
use crate::content::Library;
use crate::store::{LoadReport, Record, Reflection};

pub fn at_start<T>(
    library: &Library,
    report: Option<&LoadReport<T>>,
    store: Option<&Reflections>,
) -> Vec<String> {
    let mut notices = Vec::new();
    if let Some(why) = store.and_then(|s| s.unwritable.as_ref()) {
        notices.push(format!(
            "Your reflections can be read but not changed: {why}."
        ));
    }
    if let Some(report) = report {
        notices.extend(about_files(report, Reflection::NOUN));
    }
    notices.extend(library.notices.iter().cloned());
    // A mistyped `--content` folder must not pass for the built-in pack.
    notices.extend(library.unreadable.iter().map(|u| {
        format!(
            "{}: cannot read: {}; no content from it is shown (see reflect check)",
            u.path.display(),
            u.reason
        )
    }));
    notices
}

/// What a load of a records folder found wrong, `noun` naming the records.
pub(super) fn about_files<T>(report: &LoadReport<T>, noun: &str) -> Vec<String> {
    let mut notices: Vec<String> = report
        .moved_aside
        .iter()
        .map(|m| {
            format!(
                "A damaged {noun} file was kept aside as {} ({}).",
                m.moved_to.display(),
                m.reason
            )
        })
        .collect();
    notices.extend(report.unreadable.iter().map(|(path, why)| {
        format!(
            "Could not read {} ({why}); it was left as it is.",
            path.display()
        )
    }));
    notices.extend(skipped(&report.skipped, noun));
    notices
}

/// One line naming what in a records folder is not a record.
fn skipped(skipped: &[(PathBuf, String)], noun: &str) -> Option<String> {
    const NAMED: usize = 3;
    let first = skipped.first()?;
    let folder = first
        .0
        .parent()
        .map_or(String::new(), |p| format!(" in {}", p.display()));
    let named: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|(path, why)| {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            format!("{name} ({why})")
        })
        .collect();
    let more = match skipped.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Some(format!(
        "Skipped {} file(s){folder} that are not {noun}s: {}{more}.",
        skipped.len(),
        named.join("; ")
    ))
}
