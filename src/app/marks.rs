//! What the identifying-details check has marked in the open reflection:
//! data a session holds. When the check runs, and what its keys do, is
//! `privacy` (which reads and writes these).

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use crate::privacy::{Kind, Marked};
use crate::text_box::TextBox;

type Moment = DateTime<FixedOffset>;

/// Which text box the marks are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    Answer,
    Notes,
}

/// One mark in the text box on screen: its line, its bytes in that line,
/// its kind and the text it marks (to check it is still there when drawn,
/// and to remember it as fine).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub span: Range<usize>,
    pub kind: Kind,
    pub text: String,
}

/// What is marked in the open reflection.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The marks of the text box on screen, not said to be fine, in order.
    pub items: Vec<Mark>,
    pub shown: Shown,
    /// Typed into since the last run: when the last key was.
    pub(super) typed_at: Option<Moment>,
    /// Run again at the next chance (another text came on screen).
    pub(super) rerun: bool,
    /// A long text is read a part at a time: when to read the next part.
    pub(super) next_part: Option<Moment>,
    /// What the review lists, and whether it needs working out again.
    pub review: Vec<Marked>,
    pub(super) review_stale: bool,
    /// Export was asked for with marks left, and the user told: the next
    /// `x` exports.
    pub export_warned: bool,
}

impl Marks {
    pub fn new() -> Marks {
        Marks {
            rerun: true,
            review_stale: true,
            ..Marks::default()
        }
    }

    pub fn typed(&mut self, now: Moment) {
        self.typed_at = Some(now);
        self.review_stale = true;
    }

    /// Run again as soon as the update ends (a new text is on screen).
    pub fn rerun(&mut self) {
        self.rerun = true;
        self.review_stale = true;
    }

    /// When the check should next run, if typing or the rest of a long
    /// text is waiting for it. While someone types, the rest of a long
    /// text waits for their pause too: a part read between two keys (and
    /// the frame drawn after it) would hold the second key back.
    pub fn due(&self) -> Option<Moment> {
        match self.typed_at {
            Some(typed) => Some(crate::autosave::after_quiet(typed)),
            None => self.next_part,
        }
    }

    /// The mark the cursor is in (or just after), if any.
    pub fn at(&self, (line, col): (usize, usize), editor: &TextBox) -> Option<&Mark> {
        self.items.iter().find(|m| {
            let (start, end) = char_range(editor, m);
            m.line == line && start <= col && col <= end
        })
    }
}

/// A mark's characters in its line, as `(first, end)`.
pub fn char_range(editor: &TextBox, mark: &Mark) -> (usize, usize) {
    let text = editor.line(mark.line).unwrap_or("");
    let chars = |to: usize| text.get(..to).map_or(0, |s| s.chars().count());
    (chars(mark.span.start), chars(mark.span.end))
}
