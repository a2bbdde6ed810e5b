//! Validation rules for a single file: syntax, keys, fields, types, ids,
//! dates and unicode positions.

use super::*;
use crate::content::parse::is_slug;

#[test]
fn a_good_file_has_no_problems() {
    assert!(problems(GOOD).is_empty());
}

#[test]
fn syntax_errors_are_located() {
    let found = problems("[pack\nid = \"p\"\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("1:6: this is not valid TOML"),
        "{found:?}"
    );
}

#[test]
fn unknown_keys_are_all_reported_with_suggestions() {
    let text = GOOD.replace("learning =", "lerning =").replace(
        "[[theme.question]]\nid = \"q2\"",
        "[[theme.qestion]]\nid = \"q2\"",
    );
    let found = problems(&text);
    assert!(
        found.contains(&"8:1: unknown key `lerning` in [[theme]]".to_owned()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("15:9: unknown key `qestion`")),
        "{found:?}"
    );
    let hints = hints(&text);
    assert!(hints.contains(&"did you mean `learning`?".to_owned()));
    assert!(hints.contains(&"did you mean `question`?".to_owned()));
}

#[test]
fn missing_required_fields_point_at_their_table() {
    let text = GOOD.replace("text = \"Second?\"\n", "");
    assert_eq!(
        problems(&text),
        ["15:1: missing `text` in [[theme.question]]"]
    );
    let text = GOOD.replace("title = \"A pack\"\n", "");
    assert_eq!(problems(&text), ["1:1: missing `title` in [pack]"]);
}

#[test]
fn empty_text_is_an_error() {
    let text = GOOD.replace("\"First?\"", "\"\"\"\n   \"\"\"");
    assert_eq!(
        problems(&text),
        ["13:8: `text` in [[theme.question]] is empty"]
    );
    let text = GOOD.replace("\"One point.\"", "\" \"");
    assert_eq!(problems(&text), ["8:13: an item of `learning` is empty"]);
}

/// A tester's pack held ESC [2J: `reflect check` passed it and `reflect
/// list` cleared the screen. Control characters are said and left out;
/// tabs become spaces (they were dropped, joining words).
#[test]
fn control_characters_are_said_and_left_out_and_tabs_become_spaces() {
    let text = GOOD
        .replace("\"First?\"", "\"First\\u001b[2J?\\u0007\"")
        .replace("\"One point.\"", "\"One\\tpoint.\"");
    assert_eq!(
        problems(&text),
        [
            "13:14: `text` in [[theme.question]] holds a control character (U+001B), which a terminal acts on rather than shows; it is left out"
        ],
        "pointing at the character itself"
    );
    let (parsed, _) = parse_file(Path::new("f.toml"), &text);
    let theme = &parsed.expect("parsed").themes[0].theme;
    assert_eq!(theme.questions[0].text, "First?", "the sequence goes whole");
    assert_eq!(theme.learning, ["One point."]);
}

/// A tester's BEL, on the third line of a long question, was said at the
/// question's first; a bidi override (it shows words in another order)
/// was not said at all.
#[test]
fn a_control_character_is_said_where_it_is_written() {
    let text = GOOD.replace(
        "\"First?\"",
        "\"\"\"\nOne line,\nand then a \\u0007 bell.\"\"\"",
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("15:12: "), "{found:?}");
    let text = GOOD.replace("\"Second?\"", "\"Sec\\u202Eond?\"");
    let found = problems(&text);
    assert!(found[0].contains("(U+202E)"), "{found:?}");
    let (parsed, _) = parse_file(Path::new("f.toml"), &text);
    let theme = &parsed.expect("parsed").themes[0].theme;
    assert_eq!(theme.questions[1].text, "Second?");
}

#[test]
fn wrong_types_are_named() {
    let text = GOOD.replace("text = \"First?\"", "text = 42");
    assert_eq!(
        problems(&text),
        ["13:8: `text` in [[theme.question]] should be text, found a number"]
    );
    let text = GOOD.replace("learning = [\"One point.\"]", "learning = \"One point.\"");
    assert_eq!(
        problems(&text),
        ["8:12: `learning` should be a list of text, found text"]
    );
}

#[test]
fn unknown_audience_suggests_the_right_one() {
    let text = GOOD.replace("\"leader\"", "\"leeder\"");
    assert_eq!(problems(&text), ["17:12: unknown audience `leeder`"]);
    assert!(hints(&text).contains(&"did you mean `leader`?".to_owned()));
}

#[test]
fn duplicate_question_ids_name_the_first() {
    let text = GOOD.replace("id = \"q2\"", "id = \"q1\"");
    assert_eq!(
        problems(&text),
        ["16:6: duplicate question id `q1` in this theme"]
    );
    assert!(hints(&text)[0].contains("line 11, column 6"));
}

#[test]
fn ids_must_be_slugs() {
    let text = GOOD.replace("id = \"t\"", "id = \"My Theme\"");
    assert_eq!(problems(&text), ["6:6: `My Theme` is not a valid theme id"]);
    assert!(hints(&text).contains(&"for example `my-theme`".to_owned()));
    assert!(is_slug("child-mental-health") && !is_slug("a--b") && !is_slug("-a") && !is_slug("é"));
    // A tester's 200-letter id was said whole, with a hint that missed
    // the real rule (its length).
    let long = "a".repeat(200);
    let text = GOOD.replace("id = \"t\"", &format!("id = \"{long}\""));
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].len() < 100, "the id is cut: {found:?}");
    assert!(
        hints(&text)
            .iter()
            .any(|h| h.contains("at most 64 characters"))
    );
}

#[test]
fn a_theme_without_questions_is_an_error() {
    let text = "[pack]\nid = \"p\"\ntitle = \"P\"\n[[theme]]\nid = \"t\"\ntitle = \"T\"\n";
    assert_eq!(problems(text), ["4:1: theme `t` has no questions"]);
}

#[test]
fn a_file_must_say_what_it_is() {
    assert_eq!(
        problems("[overview]\ntext = \"x\"\n"),
        ["0:0: this file has no `[pack]` table and no `part_of` key"]
    );
}

#[test]
fn dates_are_checked() {
    let text = GOOD.replace(
        "title = \"A pack\"",
        "title = \"A pack\"\npublished = \"12/12/2024\"",
    );
    assert_eq!(
        problems(&text),
        ["4:13: `published` should be a date like 2024-12-12, found `12/12/2024`"]
    );
    let text = GOOD.replace(
        "title = \"A pack\"",
        "title = \"A pack\"\npublished = 2024-12-12",
    );
    assert!(problems(&text).is_empty());
}

#[test]
fn odd_unicode_is_carried_through() {
    let text = GOOD.replace("First?", "Café e\u{301} 👩🏽‍⚕️ مرحبا שלום?");
    let (parsed, diagnostics) = parse_file(Path::new("f.toml"), &text);
    assert!(diagnostics.is_empty());
    let question = &parsed.expect("parsed").themes[0].theme.questions[0];
    assert_eq!(question.text, "Café e\u{301} 👩🏽‍⚕️ مرحبا שלום?");
}

#[test]
fn columns_count_characters_after_unicode() {
    let text = GOOD.replace("title = \"A theme\"", "title = \"Thème\" ; oops");
    assert!(
        problems(&text)[0].starts_with("7:17:"),
        "{:?}",
        problems(&text)
    );
}

/// A question may name the theme's learning points it relates to; `check`
/// finds a number with no learning point, one named twice, and a wrong type.
#[test]
fn learning_links_name_real_learning_points() {
    let linked = GOOD.replace("text = \"First?\"", "text = \"First?\"\nlearning = [1]");
    assert!(problems(&linked).is_empty(), "{:?}", problems(&linked));
    let (file, _) = parse_file(Path::new("f.toml"), &linked);
    let file = file.expect("parsed");
    let question = &file.themes[0].theme.questions[0];
    assert_eq!(question.learning, [0], "stored from 0");
    let wrong = GOOD.replace(
        "text = \"First?\"",
        "text = \"First?\"\nlearning = [1, 2, 1, \"3\"]",
    );
    let mut found = problems(&wrong);
    found.sort();
    assert_eq!(
        found,
        [
            "14:16: there is no learning point 2",
            "14:19: learning point 1 is named twice",
            "14:22: an item of `learning` should be a number, found text",
        ],
        "{found:?}"
    );
    assert!(hints(&wrong).contains(&"this theme lists 1 learning points: use 1 to 1".to_owned()));
}

#[test]
fn a_pack_may_suggest_reflective_prompts_by_their_id() {
    let text = GOOD.replace(
        "title = \"A pack\"\n",
        "title = \"A pack\"\nreflective_prompts = \"gibbs\"\n",
    );
    assert!(problems(&text).is_empty(), "{:?}", problems(&text));
    let (parsed, _) = parse_file(Path::new("f.toml"), &text);
    match parsed.map(|p| p.role) {
        Some(super::parse::FileRole::Main(header)) => {
            assert_eq!(header.pack.prompts.as_deref(), Some("gibbs"))
        }
        _ => panic!("not a main file"),
    }
    let text = GOOD.replace(
        "title = \"A pack\"\n",
        "title = \"A pack\"\nreflective_prompts = \"drisoll\"\n",
    );
    assert_eq!(problems(&text), ["4:22: unknown set of prompts `drisoll`"]);
    assert!(hints(&text).contains(&"did you mean `driscoll`?".to_owned()));
}
