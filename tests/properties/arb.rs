//! Strategies for what a terminal and a clock can send: characters of every
//! width, pastes with every line ending, any key with any modifiers,
//! screen sizes from nothing up to 300x100, and ticks.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;
use proptest::sample::select;

/// Accented Latin, precomposed.
const ACCENTED: &[char] = &['é', 'à', 'ñ', 'ü', 'Å', 'ø', 'ß', 'Ł', 'ç', 'Ő'];
/// Double-width: CJK and Hangul, and a fullwidth letter.
const WIDE: &[char] = &['中', '文', '字', '한', '글', 'ア', 'Ａ', '　'];
/// Emoji of one or more `char`s, each at least one cell wide: single,
/// with a skin tone, a flag (two regional indicators).
const EMOJI: &[&str] = &["😀", "👍🏽", "🇬🇧", "🦀"];
/// Sequences with zero-width `char`s in them: ZWJ families, a variation
/// selector, letters with combining marks, a lone combining mark.
const ZERO_WIDTH: &[&str] = &[
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "❤\u{fe0f}",
    "e\u{301}",
    "a\u{308}\u{323}",
    "n\u{303}",
    "\u{301}",
];

fn ascii() -> impl Strategy<Value = String> {
    (0x20u8..0x7f).prop_map(|b| char::from(b).to_string())
}

/// One grapheme (or a lone combining mark): what one "typed" step sends,
/// one key press per `char`. With `zero_width`, also sequences holding
/// zero-width `char`s (ZWJ, variation selectors, combining marks).
pub fn cluster(zero_width: bool) -> BoxedStrategy<String> {
    let visible = prop_oneof![
        6 => ascii(),
        2 => select(ACCENTED).prop_map(String::from),
        2 => select(WIDE).prop_map(String::from),
        1 => select(EMOJI).prop_map(str::to_owned),
    ];
    if zero_width {
        prop_oneof![5 => visible, 1 => select(ZERO_WIDTH).prop_map(str::to_owned)].boxed()
    } else {
        visible.boxed()
    }
}

/// Pasted text: clusters, spaces and every kind of line ending and tabs.
pub fn pasted(zero_width: bool) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => cluster(zero_width),
        1 => Just(" ".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\r".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\t".to_owned()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// A screen size: nothing, one cell, tiny, or anything up to 300x100.
pub fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => Just((0, 0)),
        1 => Just((1, 1)),
        1 => (0u16..=300, 0u16..=3),
        1 => (0u16..=3, 0u16..=100),
        2 => (0u16..=40, 0u16..=12),
        4 => (0u16..=300, 0u16..=100),
    ]
}

/// How far the clock moves on a tick, in milliseconds (saves fall due
/// after 500 ms of quiet or 1 s of typing).
pub fn tick() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..600, 600i64..3_000, Just(60_000)]
}

/// `enter_esc`: how often Enter and Esc come on top of the other named keys.
fn code(enter_esc: u32) -> impl Strategy<Value = KeyCode> {
    use KeyCode::*;
    let named = select(vec![
        Backspace, Enter, Left, Right, Up, Down, Home, End, PageUp, PageDown, Tab, BackTab, Delete,
        Insert, Esc, Null, CapsLock, Menu,
    ]);
    // Enter and Esc often, to get into (and out of) themes, editors and
    // the group view from the home screen.
    prop_oneof![
        3 * enter_esc => Just(Enter),
        enter_esc => Just(Esc),
        4 => named,
        1 => (1u8..=24).prop_map(F),
        // The app's command letters, often; anything typed, sometimes.
        4 => select("jkNagnfexrdyib ?+-=_".chars().collect::<Vec<_>>()).prop_map(Char),
        3 => cluster(true).prop_map(|s| Char(s.chars().next().unwrap_or(' '))),
        1 => (0u32..0x20).prop_map(|c| Char(char::from_u32(c).unwrap_or('\0'))),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    let (shift, ctrl, alt) = (
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    );
    prop_oneof![
        16 => Just(KeyModifiers::NONE),
        3 => Just(shift),
        2 => Just(ctrl),
        1 => Just(alt),
        // AltGr, as Windows sends it.
        2 => Just(ctrl | alt),
        1 => Just(ctrl | alt | shift),
        1 => Just(ctrl | shift),
        1 => Just(KeyModifiers::SUPER),
    ]
}

/// Any key at all; now and then a release or a repeat.
fn key(enter_esc: u32) -> impl Strategy<Value = KeyEvent> {
    let kind = prop_oneof![
        12 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Release),
        1 => Just(KeyEventKind::Repeat),
    ];
    (code(enter_esc), modifiers(), kind).prop_map(|(code, modifiers, kind)| {
        let mut key = KeyEvent::new(code, modifiers);
        key.kind = kind;
        key
    })
}

/// Ctrl-Q: save and quit, from anywhere.
pub fn ctrl_q() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)
}

/// One thing the terminal or the clock sends.
#[derive(Debug, Clone)]
pub enum Step {
    Key(KeyCode, KeyModifiers, KeyEventKind),
    Paste(String),
    Resize(u16, u16),
    Tick(i64),
}

/// A step; `enter_esc` weighs Enter and Esc (see [`code`]): high to get
/// about the private app, low in the group view, where they end the
/// session and keep notes.
pub fn step(enter_esc: u32) -> impl Strategy<Value = Step> {
    prop_oneof![
        16 => key(enter_esc).prop_map(|k| Step::Key(k.code, k.modifiers, k.kind)),
        1 => pasted(true).prop_map(Step::Paste),
        2 => size().prop_map(|(w, h)| Step::Resize(w, h)),
        2 => tick().prop_map(Step::Tick),
    ]
}
