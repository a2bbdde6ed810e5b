//! When the identifying-details check runs in the app and what its keys
//! do. The check itself is `crate::privacy` (pure); here it is run off the
//! keystroke path: after the same pause in typing that starts an autosave,
//! when another answer or the notes come on screen, and when a mark is
//! said to be fine. Only lines that changed since the last run are read
//! again (`privacy::marks::LineCache`).
//!
//! Nothing here prints or logs: the marks' text stays in memory, on screen
//! and (for what was said to be fine) in the reflection's private file.

use chrono::{DateTime, FixedOffset};

use super::marks::char_range;
pub use super::marks::{Mark, Shown};
use super::session::{Focus, Session};
use super::{App, Screen};
use crate::content::Library;
use crate::privacy::marks::{self, LineCache};
use crate::privacy::{Context, Fine, Kind, Words};
use crate::text_box::TextBox;

type Moment = DateTime<FixedOffset>;

mod keys;
pub(super) use keys::{mark_fine, next_mark};

/// The check's settings and what it keeps between runs.
#[derive(Debug)]
pub struct Identifying {
    /// Off with `identifying_check = false` in `config.toml`.
    pub enabled: bool,
    /// The content's words (which never count), gathered when first needed.
    words: Option<Words>,
    cache: LineCache,
}

impl Default for Identifying {
    fn default() -> Self {
        Identifying {
            enabled: true,
            words: None,
            cache: LineCache::default(),
        }
    }
}

impl Identifying {
    /// The content changed: its words are gathered again when next needed.
    pub fn content_changed(&mut self) {
        self.words = None;
        self.cache.clear();
    }

    /// The words and the cache, both at once.
    fn parts(&mut self, library: &Library) -> (&Words, &mut LineCache) {
        let words = self.words.get_or_insert_with(|| Words::of_library(library));
        (words, &mut self.cache)
    }
}

/// After every update: run the check where something asks for it (a new
/// text on screen at once; what waits for a pause or the next part of a
/// long text only on the clock's turn). Cheap when nothing does.
pub(super) fn settle(app: &mut App, by_clock: bool) {
    if !app.identifying.enabled {
        return;
    }
    let Some(session) = app.session.as_mut() else {
        return;
    };
    if app.screen != Screen::Review {
        // Told about the marks and gone away: the next export asks again.
        session.marks.export_warned = false;
    }
    let quiet = by_clock && session.marks.due().is_some_and(|due| app.now >= due);
    if session.marks.rerun || quiet {
        run(session, &mut app.identifying, &app.library, app.now);
    }
    if app.screen == Screen::Review && session.marks.review_stale {
        session.sync_editors(&app.library, app.now);
        let year = chrono::Datelike::year(&app.now);
        let known = app.identifying.parts(&app.library);
        session.marks.review =
            marks::still_marked_with(&session.reflection, &app.library, known, year);
        session.marks.review_stale = false;
    }
}

/// Runs the check on the text box on screen.
fn run(session: &mut Session, identifying: &mut Identifying, library: &Library, now: Moment) {
    let shown = match session.focus {
        Focus::Notes => Shown::Notes,
        Focus::Answer | Focus::Browse => Shown::Answer,
    };
    let (found, complete) = find(session, shown, identifying, library, now);
    let key = session
        .current_question(library)
        .map(|q| session.key(q).to_string());
    // What was said to be fine is forgotten only once its text is gone from
    // the whole text, not from the part read so far.
    if complete && !session.read_only && prune(fine_list(session, shown, key.as_deref()), &found) {
        session.mark_edited(now);
    }
    let fine = fine_list(session, shown, key.as_deref()).map_or(&[][..], |f| &f[..]);
    let items = found
        .into_iter()
        .filter(|m| !marks::is_fine(fine, m.kind, &m.text))
        .collect();
    let marks = &mut session.marks;
    marks.items = items;
    marks.shown = shown;
    marks.typed_at = None;
    marks.rerun = false;
    marks.next_part = (!complete).then(|| now + chrono::Duration::milliseconds(PART_PAUSE_MS));
}

/// Lines not read before that one run reads at most (well under a
/// millisecond's work), and the pause before the next part: a 5,000-line
/// answer opens at once and is marked within a third of a second.
const PART_LINES: usize = 250;
const PART_PAUSE_MS: i64 = 15;

/// What the check finds in the text box `shown` (the words of the content
/// and of the question on screen never count), and whether it read it all.
fn find(
    session: &Session,
    shown: Shown,
    identifying: &mut Identifying,
    library: &Library,
    now: Moment,
) -> (Vec<Mark>, bool) {
    let question = session.current_question(library).map(|q| q.text.as_str());
    let (words, cache) = identifying.parts(library);
    let ignore = marks::with_question(words, question.unwrap_or(""));
    let cx = Context {
        ignore: &ignore,
        year: chrono::Datelike::year(&now),
    };
    let editor = match shown {
        Shown::Answer => &session.answer_editor,
        Shown::Notes => &session.notes_editor,
    };
    let lines: Vec<&str> = editor.lines().collect();
    let scanned = cache.scan_some(lines.iter().copied(), &cx, PART_LINES);
    let marks = scanned
        .found
        .into_iter()
        .map(|(line, f)| Mark {
            text: lines[line].get(f.span.clone()).unwrap_or("").to_owned(),
            line,
            span: f.span,
            kind: f.kind,
        })
        .collect();
    (marks, scanned.complete)
}

/// The fine marks of the text on screen (`None` for an answer not yet
/// written down in the reflection).
fn fine_list<'s>(
    session: &'s mut Session,
    shown: Shown,
    key: Option<&str>,
) -> Option<&'s mut Vec<Fine>> {
    match shown {
        Shown::Notes => Some(&mut session.reflection.notes_fine),
        Shown::Answer => {
            let key = key?;
            session
                .reflection
                .answers
                .iter_mut()
                .find(|a| a.question == key)
                .map(|a| &mut a.fine)
        }
    }
}

/// Fine marks for text no longer there are dropped (what was said to be
/// fine is not kept once it is gone). True when any was.
fn prune(fine: Option<&mut Vec<Fine>>, found: &[Mark]) -> bool {
    let Some(fine) = fine else {
        return false;
    };
    let before = fine.len();
    fine.retain(|f| {
        found
            .iter()
            .any(|m| m.kind.key() == f.kind && marks::normalised(&m.text) == f.text)
            || Kind::from_key(&f.kind).is_none()
    });
    fine.len() != before
}

/// The text box the marks are in.
fn editor_mut(session: &mut Session) -> &mut TextBox {
    match session.marks.shown {
        Shown::Answer => &mut session.answer_editor,
        Shown::Notes => &mut session.notes_editor,
    }
}

fn editor(session: &Session) -> &TextBox {
    match session.marks.shown {
        Shown::Answer => &session.answer_editor,
        Shown::Notes => &session.notes_editor,
    }
}
