//! Validation rules, layering and the built-in pack, tested without a disk
//! where possible and with temporary folders where not.

use std::fs;
use std::path::{Path, PathBuf};

use super::parse::parse_file;
use super::*;

const GOOD: &str = r#"[pack]
id = "p"
title = "A pack"

[[theme]]
id = "t"
title = "A theme"
learning = ["One point."]

[[theme.question]]
id = "q1"
audience = "practitioner"
text = "First?"

[[theme.question]]
id = "q2"
audience = "leader"
text = "Second?"
"#;

/// Problems in one file as `line:col: message` strings.
fn problems(text: &str) -> Vec<String> {
    let (_, diagnostics) = parse_file(Path::new("f.toml"), text);
    diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
}

fn hints(text: &str) -> Vec<String> {
    let (_, diagnostics) = parse_file(Path::new("f.toml"), text);
    diagnostics.into_iter().flat_map(|d| d.hints).collect()
}

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

// ---- files and folders -----------------------------------------------------

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }
    dir
}

fn load(dir: &Path) -> Library {
    Library::load(&[Layer::folder("test", dir, true)])
}

fn messages(library: &Library) -> Vec<String> {
    library
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn empty_non_utf8_and_deep_files_are_reported_and_the_rest_loads() {
    let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let dir = folder(&[
        ("good.toml", GOOD.as_bytes()),
        ("empty.toml", b"  \n"),
        ("latin1.toml", b"[pack]\nid = \"caf\xe9\"\n"),
        ("deep.toml", deep.as_bytes()),
        ("notes.txt", b"ignored"),
        (".hidden.toml", b"ignored too"),
    ]);
    let library = load(dir.path());
    assert_eq!(library.packs.len(), 1);
    let found = messages(&library);
    assert!(
        found.contains(&"this file is empty".to_owned()),
        "{found:?}"
    );
    assert!(found.contains(&"this file is not UTF-8 text".to_owned()));
    assert!(found.iter().any(|m| m.contains("nested more than 32 deep")));
    let latin1 = library
        .diagnostics
        .iter()
        .find(|d| d.path.ends_with("latin1.toml"))
        .expect("latin1");
    assert_eq!((latin1.line, latin1.column), (2, 10));
}

#[test]
fn huge_files_are_refused() {
    let huge = format!("{GOOD}\n# {}\n", "x".repeat(1_100_000));
    let dir = folder(&[("huge.toml", huge.as_bytes())]);
    assert!(messages(&load(dir.path()))[0].contains("larger than 1 MiB"));
}

#[test]
fn a_pack_can_span_files_in_name_order() {
    let part = "part_of = \"p\"\n[[theme]]\nid = \"t2\"\ntitle = \"T2\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[
        ("main.toml", GOOD.as_bytes()),
        ("sub/more.toml", part.as_bytes()),
    ]);
    let library = load(dir.path());
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    let ids: Vec<&str> = library.packs[0]
        .themes
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["t", "t2"]);
}

#[test]
fn part_of_an_unknown_pack_suggests_one() {
    let part = "part_of = \"pp\"\n[[theme]]\nid = \"t2\"\ntitle = \"T2\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[
        ("main.toml", GOOD.as_bytes()),
        ("more.toml", part.as_bytes()),
    ]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (
            1,
            11,
            "`part_of` names pack `pp`, which is not in this folder"
        )
    );
    assert_eq!(d.hints, ["did you mean `p`?"]);
}

#[test]
fn duplicate_theme_ids_across_files_name_both() {
    let part = "part_of = \"p\"\n[[theme]]\nid = \"t\"\ntitle = \"Again\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[("a.toml", GOOD.as_bytes()), ("b.toml", part.as_bytes())]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert!(d.path.ends_with("b.toml"));
    assert_eq!((d.line, d.column), (3, 6));
    assert!(d.hints[0].contains("a.toml:6:6"), "{:?}", d.hints);
    assert_eq!(library.packs[0].themes.len(), 1);
}

#[test]
fn the_same_pack_id_twice_in_a_folder_names_both_files() {
    let dir = folder(&[("a.toml", GOOD.as_bytes()), ("b.toml", GOOD.as_bytes())]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert_eq!((d.line, d.column), (2, 6));
    assert!(d.path.ends_with("b.toml") && d.hints[0].contains("a.toml"));
}

#[test]
fn a_later_layer_replaces_a_pack_with_the_same_id_and_says_so() {
    let changed = GOOD.replace("First?", "Changed?");
    let first = folder(&[("p.toml", GOOD.as_bytes())]);
    let second = folder(&[("p.toml", changed.as_bytes())]);
    let layers = [
        Layer::folder("team folder", first.path(), true),
        Layer::folder("my folder", second.path(), true),
    ];
    let library = Library::load(&layers);
    assert_eq!(library.packs.len(), 1);
    assert_eq!(library.packs[0].themes[0].questions[0].text, "Changed?");
    assert_eq!(
        library.notices,
        ["pack `p` from my folder replaces the one from team folder"]
    );
}

#[test]
fn a_broken_file_in_one_layer_leaves_the_others() {
    let broken = folder(&[("p.toml", b"[pack]\nid = ")]);
    let library = Library::load(&[Layer::builtin(), Layer::folder("mine", broken.path(), true)]);
    assert_eq!(library.packs.len(), 1);
    assert!(library.has_errors());
}

#[test]
fn a_missing_optional_folder_is_fine_and_a_named_one_is_not() {
    let missing = PathBuf::from("/nonexistent/reflect-test");
    assert!(
        Library::load(&[Layer::folder("optional", &missing, false)])
            .unreadable
            .is_empty()
    );
    assert_eq!(
        Library::load(&[Layer::folder("named", &missing, true)])
            .unreadable
            .len(),
        1
    );
}

// ---- the built-in pack -----------------------------------------------------

#[test]
fn the_builtin_pack_loads_cleanly_with_the_panels_counts() {
    let library = Library::load(&[Layer::builtin()]);
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    let pack = library.pack("panel-2023-24").expect("built-in pack");
    let counts: Vec<(&str, usize, usize, usize, usize)> = pack
        .themes
        .iter()
        .map(|t| {
            let p = t.questions_for(Audience::Practitioner).count();
            let l = t.questions_for(Audience::Leader).count();
            (t.id.as_str(), t.key_data.len(), t.learning.len(), p, l)
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("child-mental-health", 3, 6, 4, 4),
            ("parental-mental-health", 3, 7, 3, 5),
            ("extrafamilial-harm", 3, 6, 4, 6),
        ]
    );
}

#[test]
fn the_builtin_pack_carries_figures_source_and_licence() {
    let library = Library::load(&[Layer::builtin()]);
    let pack = &library.packs[0];
    let figures: Vec<&str> = pack
        .overview
        .figures
        .iter()
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(figures, ["485", "330", "82"]);
    assert_eq!(
        pack.overview.period.as_deref(),
        Some("1 April 2023 to 31 March 2024")
    );
    assert_eq!(
        pack.licence.as_deref(),
        Some("Open Government Licence v3.0")
    );
    assert_eq!(pack.copyright.as_deref(), Some("Crown copyright"));
    assert_eq!(pack.published.as_deref(), Some("2024-12-12"));
    assert!(
        pack.conclusion
            .as_ref()
            .is_some_and(|c| c.text.contains("benchmark their local context"))
    );
    assert!(
        pack.themes
            .iter()
            .all(|t| t.calls_on.is_some() && t.statement.is_some())
    );
}

#[test]
fn the_new_pack_template_passes_check() {
    let dir = folder(&[("new.toml", crate::cli::new::TEMPLATE.as_bytes())]);
    let library = load(dir.path());
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    assert_eq!(library.packs[0].themes[0].questions.len(), 3);
}
