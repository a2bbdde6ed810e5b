//! A paste that the terminal types in key by key (no bracketed paste:
//! some terminals, remote desktops, clipboard tools) is told from typing
//! by its speed: many keys waiting at once, more than anyone can type in
//! the time a frame takes. Such a run goes in as one paste, so a Tab or a
//! line break in it is text, not "next question" or "keep this note", a
//! letter in it is never taken for a command, and a long paragraph is
//! wrapped once rather than once a key.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::signals::{Input, Inputs};

/// The fewest keys, all waiting together, that are taken for a paste.
/// Typing reaches about fifteen keys a second and a frame takes a few
/// milliseconds, so a person's keys arrive one or two at a time; six
/// would take a person a third of a second.
pub const FEWEST: usize = 6;

/// How long a paste coming in may go without a key before it is taken
/// as ended: the terminal hands a long paste over as fast as the app
/// reads it, but on a busy machine either side can wait tens of
/// milliseconds. A person's next key comes later still.
const PASTE_PAUSE: Duration = Duration::from_millis(100);
/// The longest a paste coming in holds the screen still: a slow one (over
/// a remote link) goes in a piece at a time, each piece drawn. Keys typed
/// in are read at about a megabyte a second, so a paste too large to take
/// (over 1 MB) is seen whole, and refused whole.
const PASTE_HOLD: Duration = Duration::from_secs(5);

/// What arrives, a paste typed in made one paste.
#[derive(Default)]
pub struct Arrivals {
    /// A paste was still coming in when the last piece was taken.
    paste_continues: bool,
}

impl Arrivals {
    /// `first` and what came in with it, each paste typed in made one
    /// paste. A paste longer than one batch (`most` inputs) is read on to
    /// its end before anything is drawn: it goes in whole, as one step to
    /// undo, and the limit on a paste's size applies to all of it.
    pub fn take(&mut self, inputs: &Inputs, first: Input, most: usize) -> Vec<Input> {
        let started = Instant::now();
        let pasted = |input: &Input| typed_char(input).is_some();
        let (batch, _) = inputs.batch(first, most, pasted);
        let (mut arrived, mut ends_in_paste) = pastes_in(batch, self.paste_continues);
        while ends_in_paste && started.elapsed() < PASTE_HOLD {
            let Some(next) = inputs.next(PASTE_PAUSE) else {
                ends_in_paste = false;
                break;
            };
            let (batch, _) = inputs.batch(next, most, pasted);
            let (more, more_ends_in_paste) = pastes_in(batch, true);
            join(&mut arrived, more);
            ends_in_paste = more_ends_in_paste;
        }
        self.paste_continues = ends_in_paste;
        arrived
    }
}

/// `more` after `arrived`, the paste `arrived` ends in carried on by the
/// one `more` starts with.
fn join(arrived: &mut Vec<Input>, more: Vec<Input>) {
    let mut more = more.into_iter().peekable();
    if let (Some(Input::Terminal(Event::Paste(text))), Some(Input::Terminal(Event::Paste(_)))) =
        (arrived.last_mut(), more.peek())
        && let Some(Input::Terminal(Event::Paste(rest))) = more.next()
    {
        text.push_str(&rest);
    }
    arrived.extend(more);
}

/// The character a key puts into a paste: the printable ones, a line
/// break (Enter or Ctrl-J, as a line feed arrives) and a Tab. Others
/// (Esc, arrows, Ctrl-Q) are never part of one.
pub fn typed_char(input: &Input) -> Option<char> {
    let Input::Terminal(Event::Key(key)) = input else {
        return None;
    };
    pasted_char(key)
}

fn pasted_char(key: &KeyEvent) -> Option<char> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let plain = key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
    match key.code {
        KeyCode::Char('j') if key.modifiers == KeyModifiers::CONTROL => Some('\n'),
        KeyCode::Char(c) if plain => Some(c),
        // As the terminal sent it: the paste makes `\r\n` one line break.
        KeyCode::Enter if key.modifiers.is_empty() => Some('\r'),
        KeyCode::Tab if key.modifiers.is_empty() => Some('\t'),
        _ => None,
    }
}

/// One key many times (a held-down `j` that a slow link sent in one
/// packet) is that key pressed again and again, not a paste.
fn one_key_repeated(run: &[Input]) -> bool {
    let mut chars = run.iter().filter_map(typed_char);
    let first = chars.next();
    chars.all(|c| Some(c) == first)
}

/// `batch` (inputs that arrived together) with each run of at least
/// `FEWEST` typing keys made one paste. `continues`: the batch before
/// was cut off in the middle of a paste, so this batch's first run is its
/// rest, however short. Also says whether this batch ends in a paste.
pub fn pastes_in(batch: Vec<Input>, continues: bool) -> (Vec<Input>, bool) {
    let mut out = Vec::with_capacity(batch.len());
    let mut run: Vec<Input> = Vec::new();
    let mut first_run = true;
    for input in batch {
        if typed_char(&input).is_some() {
            run.push(input);
            continue;
        }
        // Background work done wakes the loop and asks nothing of it: it
        // must not cut a paste in two.
        if matches!(input, Input::Arrived) {
            continue;
        }
        if !run.is_empty() {
            flush(&mut run, continues && first_run, &mut out);
        }
        first_run = false;
        out.push(input);
    }
    let ends_in_paste = !run.is_empty()
        && (continues && first_run || run.len() >= FEWEST && !one_key_repeated(&run));
    flush(&mut run, continues && first_run, &mut out);
    (out, ends_in_paste)
}

fn flush(run: &mut Vec<Input>, rest_of_paste: bool, out: &mut Vec<Input>) {
    if rest_of_paste && !run.is_empty() || run.len() >= FEWEST && !one_key_repeated(run) {
        let text: String = run.iter().filter_map(typed_char).collect();
        out.push(Input::Terminal(Event::Paste(text)));
        run.clear();
    } else {
        out.append(run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Input {
        Input::Terminal(Event::Key(KeyEvent::new(code, modifiers)))
    }

    fn typed(text: &str) -> Vec<Input> {
        text.chars()
            .map(|c| match c {
                '\r' => key(KeyCode::Enter, KeyModifiers::NONE),
                '\n' => key(KeyCode::Char('j'), KeyModifiers::CONTROL),
                '\t' => key(KeyCode::Tab, KeyModifiers::NONE),
                c if c.is_uppercase() => key(KeyCode::Char(c), KeyModifiers::SHIFT),
                c => key(KeyCode::Char(c), KeyModifiers::NONE),
            })
            .collect()
    }

    /// Each input as a short word: `P(text)` for a paste, `k(c)` for a
    /// typing key, `other` for the rest.
    fn shown(inputs: &[Input]) -> Vec<String> {
        inputs
            .iter()
            .map(|input| match (input, typed_char(input)) {
                (Input::Terminal(Event::Paste(text)), _) => format!("P({text})"),
                (_, Some(c)) => format!("k({c})"),
                _ => "other".to_owned(),
            })
            .collect()
    }

    #[test]
    fn a_long_run_with_tabs_and_line_breaks_is_one_paste() {
        let text = "Ring the GP\tthen school\r\nask about the bruise";
        let (out, ends) = pastes_in(typed(text), false);
        assert_eq!(shown(&out), [format!("P({text})")]);
        assert!(ends);
    }

    #[test]
    fn a_few_keys_together_stay_keys() {
        let (out, ends) = pastes_in(typed("ok\r"), false);
        assert_eq!(shown(&out), ["k(o)", "k(k)", "k(\r)"]);
        assert!(!ends);
    }

    #[test]
    fn keys_that_are_not_typing_split_runs_and_stay_as_they_are() {
        let mut batch = typed("a long enough run of text");
        batch.push(key(KeyCode::Esc, KeyModifiers::NONE));
        batch.extend(typed("q"));
        batch.push(key(KeyCode::Char('q'), KeyModifiers::CONTROL));
        let (out, ends) = pastes_in(batch, false);
        assert_eq!(
            shown(&out),
            ["P(a long enough run of text)", "other", "k(q)", "other"]
        );
        assert!(!ends);
    }

    #[test]
    fn the_rest_of_a_paste_cut_off_by_the_frame_is_pasted_however_short() {
        let (out, ends) = pastes_in(typed("\tend"), true);
        assert_eq!(shown(&out), ["P(\tend)"]);
        assert!(ends);
        let mut batch = typed("end");
        batch.push(key(KeyCode::Esc, KeyModifiers::NONE));
        batch.extend(typed("x"));
        let (out, ends) = pastes_in(batch, true);
        assert_eq!(shown(&out), ["P(end)", "other", "k(x)"]);
        assert!(!ends);
    }

    /// "fine thanks" pasted on the walkthrough flagged the question and
    /// wrote "e thanks" into the notes, key by key.
    #[test]
    fn six_keys_together_are_a_paste() {
        let (out, _) = pastes_in(typed("fine thanks"), false);
        assert_eq!(shown(&out), ["P(fine thanks)"]);
        let (out, _) = pastes_in(typed("N/A"), false);
        assert_eq!(out.len(), 3, "three keys stay keys");
    }

    #[test]
    fn a_paste_read_in_two_batches_is_joined_into_one() {
        let (mut first, ends) = pastes_in(typed("the first half, "), false);
        assert!(ends);
        let mut second = typed("and the rest");
        second.push(key(KeyCode::Esc, KeyModifiers::NONE));
        let (second, _) = pastes_in(second, true);
        join(&mut first, second);
        assert_eq!(shown(&first), ["P(the first half, and the rest)", "other"]);
    }

    /// A tester's ten `j`s sent at once were refused as a paste in the
    /// review instead of scrolling it.
    #[test]
    fn one_key_many_times_stays_keys() {
        let (out, ends) = pastes_in(typed("jjjjjjjjjj"), false);
        assert_eq!(out.len(), 10);
        assert!(!ends);
    }

    #[test]
    fn background_work_done_does_not_cut_a_paste() {
        let mut batch = typed("the first half");
        batch.push(Input::Arrived);
        batch.extend(typed(" and the rest"));
        let (out, _) = pastes_in(batch, false);
        assert_eq!(shown(&out), ["P(the first half and the rest)"]);
    }

    #[test]
    fn signals_and_resizes_keep_their_place() {
        let mut batch = typed("sixteen letters!");
        batch.push(Input::EndSignal);
        let (out, _) = pastes_in(batch, false);
        assert_eq!(shown(&out), ["P(sixteen letters!)", "other"]);
        assert!(matches!(out[1], Input::EndSignal));
    }
}
