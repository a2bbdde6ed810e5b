//! Measuring, cleaning and wrapping text for the screen, keeping someone's
//! own lines from being read as Markdown's structure, and finding a place
//! in a file's text to report.
//!
//! The group view's pagination and drawing both wrap with [`wrap`], so a
//! slide never holds more lines than the screen it was paginated for can
//! show. Widths are
//! terminal cells (wide characters count two), measured the way ratatui
//! measures them.

use std::ops::Range;

use ratatui::text::Span;

mod human;
pub use human::{megabytes, shell_quoted};

/// The ellipsis drawn wherever text had to be cut.
pub const ELLIPSIS: &str = "…";

/// Width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Whether two texts say the same words: a question only re-wrapped (its
/// lines broken elsewhere, spaces doubled) is not a new wording.
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// `text` made safe to draw: tabs become spaces, and other control
/// characters are dropped, because on a real terminal they could move the
/// cursor or change colours. Line breaks are kept when `keep_newlines`.
pub fn clean(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' if keep_newlines => Some('\n'),
            '\t' | '\n' => Some(' '),
            '\r' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// `text` without what a terminal acts on rather than shows: escape
/// sequences whole (colours, titles, cursor moves) and other control
/// characters, keeping line breaks and tabs. For text that comes from
/// outside (a paste) or goes out to a terminal (an export).
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let kept = |c: char| !c.is_control() || matches!(c, '\n' | '\t');
    if text.chars().all(kept) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            c if kept(c) => out.push(c),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The rest of an escape sequence after its ESC: a CSI (`[` up to a final
/// letter), an OSC (`]` up to BEL or ESC `\`), or one character. None
/// reaches past the end of its line, so a broken one cannot swallow text.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let in_line = |c: &char| *c != '\n';
    match chars.next_if(in_line) {
        Some('[') => {
            while let Some(c) = chars.next_if(in_line) {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next_if(in_line) {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Word-wrap `text` to lines of at most `max` cells, as byte ranges of
/// `text`. Each `\n` starts a new line; a word longer than a line is broken
/// between characters; the spaces at a break are dropped. Nothing is ever
/// lost except those spaces. A width of 0 gives no lines at all.
pub fn wrap_ranges(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    if max == 0 {
        return lines;
    }
    let mut offset = 0;
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, offset, max, &mut lines);
        offset += paragraph.len() + 1;
    }
    lines
}

/// [`wrap_ranges`] as owned strings.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_ranges(text, max)
        .into_iter()
        .map(|r| text.get(r).unwrap_or_default().to_string())
        .collect()
}

fn wrap_paragraph(text: &str, offset: usize, max: usize, lines: &mut Vec<Range<usize>>) {
    let mut line: Option<(Range<usize>, usize)> = None;
    for word in words(text) {
        let word_width = width(&text[word.clone()]);
        let word = word.start + offset..word.end + offset;
        if let Some((range, used)) = &mut line {
            // The spaces kept between words count as they are typed.
            let gap = width(&text[range.end - offset..word.start - offset]);
            if *used + gap + word_width <= max {
                range.end = word.end;
                *used += gap + word_width;
                continue;
            }
        }
        if let Some((range, _)) = line.take() {
            lines.push(range);
        }
        line = Some(place_word(text, offset, word, max, lines));
    }
    match line {
        Some((range, _)) => lines.push(range),
        None => lines.push(offset..offset),
    }
}

/// Start a line with `word`, breaking it first if it is wider than a line;
/// returns the unfinished last line and its width.
fn place_word(
    text: &str,
    offset: usize,
    word: Range<usize>,
    max: usize,
    lines: &mut Vec<Range<usize>>,
) -> (Range<usize>, usize) {
    let mut start = word.start;
    let mut used = 0;
    for (i, c) in text[word.start - offset..word.end - offset].char_indices() {
        let at = word.start + i;
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max && used > 0 {
            lines.push(start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    (start..word.end, used)
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (start, c.is_whitespace()) {
                (None, false) => start = Some(i),
                (Some(s), true) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

/// `text` cut to at most `max` cells, ending in "…" when anything was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push_str(ELLIPSIS);
    }
    out
}

/// 1-based line and character column of a byte offset (clamped to the
/// text and to a character boundary).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A line of someone's own text, to stand in a Markdown block as words: a
/// start Markdown reads as structure (a heading, a quote, a code fence, a
/// rule or a heading's underline, HTML) is escaped, so an answer that
/// begins a line with `#` or three backticks neither makes a heading of
/// it nor turns the rest of the sheet into code.
pub fn markdown_words(line: &str) -> std::borrow::Cow<'_, str> {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let structure = body.starts_with(['#', '>', '<'])
        || body.starts_with("```")
        || body.starts_with("~~~")
        || is_rule_or_underline(body);
    if indent <= 3 && structure {
        std::borrow::Cow::Owned(format!("{}\\{body}", &line[..indent]))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// `---`, `* * *`, `___` (a rule), or `===` / `-` alone (the line above
/// becomes a heading).
fn is_rule_or_underline(body: &str) -> bool {
    let mut marks = body.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    let rest: Vec<char> = marks.collect();
    let same = rest.iter().all(|&c| c == first);
    match first {
        '-' | '=' => same,
        '*' | '_' => same && rest.len() >= 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_words_escape_only_what_markdown_reads_as_structure() {
        let escaped = [
            ("# Not a heading", "\\# Not a heading"),
            ("  ## Notes", "  \\## Notes"),
            ("```", "\\```"),
            ("~~~ code?", "\\~~~ code?"),
            ("> quote", "\\> quote"),
            ("<div>", "\\<div>"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("-", "\\-"),
            ("* * *", "\\* * *"),
            ("___", "\\___"),
        ];
        for (line, safe) in escaped {
            assert_eq!(super::markdown_words(line), safe, "{line:?}");
        }
        for words in [
            "- a list item",
            "1. first",
            "**bold** start",
            "a # in the middle",
            "    # indented",
            "",
            "**",
            "-- almost",
        ] {
            assert_eq!(super::markdown_words(words), words, "{words:?}");
        }
    }

    use super::*;

    /// What a tester pasted: a title change, a screen clear and a colour,
    /// which the export then printed raw to the terminal.
    #[test]
    fn escape_sequences_and_controls_are_taken_out_whole() {
        let pasted = "before\u{1b}]0;HACKED-TITLE\u{7}\u{1b}[2Jafter\u{1b}[31m red\u{1b}[0m";
        assert_eq!(without_controls(pasted), "beforeafter red");
        assert_eq!(
            without_controls("a\u{8}b\u{7f}c\u{9b}d\u{0}e\u{1b}]2;t\u{1b}\\f"),
            "abcdef"
        );
        // Line breaks and tabs stay; a broken sequence ends with its line.
        assert_eq!(without_controls("x\u{1b}[31\ny\tz"), "x\ny\tz");
        assert_eq!(without_controls("x\u{1b}]0;no end\nkept"), "x\nkept");
        assert!(matches!(
            without_controls("plain café\n\tok"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let eq = text
            .find('=')
            .map(|_| text.rfind('=').unwrap_or(0))
            .unwrap_or(0);
        assert_eq!(line_column(text, eq), (2, 4));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        assert_eq!(line_column("é", 1), (1, 1));
        assert_eq!(line_column("ab", 99), (1, 3));
    }

    #[test]
    fn line_column_counts_chars() {
        assert_eq!(line_column("abc", 0), (1, 1));
        assert_eq!(line_column("a\nbé c", 6), (2, 4));
        assert_eq!(line_column("a\n", 99), (2, 1));
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn wraps_words_within_the_width() {
        let text = "Keeping the voice of the child central in plans";
        let lines = wrap(text, 12);
        assert_eq!(
            lines,
            [
                "Keeping the",
                "voice of the",
                "child",
                "central in",
                "plans"
            ]
        );
        assert!(lines.iter().all(|l| width(l) <= 12));
    }

    #[test]
    fn nothing_but_break_spaces_is_lost() {
        let text = "a  longwordthatkeepsgoing b\nc\n\nd é 世界世界世界";
        for max in 1..30 {
            let lines = wrap(text, max);
            assert!(
                lines.iter().all(|l| width(l) <= max.max(2)),
                "{max} {lines:?}"
            );
            let joined: String = lines.concat().split_whitespace().collect();
            let expected: String = text.split_whitespace().collect();
            assert_eq!(joined, expected, "width {max}");
        }
    }

    #[test]
    fn paragraphs_and_empty_text_keep_their_lines() {
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert_eq!(wrap("", 5), [""]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn long_words_break() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("x abcdef", 3), ["x", "abc", "def"]);
    }

    #[test]
    fn clean_drops_control_characters() {
        assert_eq!(clean("a\tb\u{1b}[31mc\r\nd", true), "a b[31mc\nd");
        assert_eq!(clean("a\nb", false), "a b");
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("abcdef", 10), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abcdef", 1), "…");
        assert_eq!(truncate("abcdef", 0), "");
    }
}
