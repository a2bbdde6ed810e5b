//! `reflect export --format supervision|cpd|nmc|text`, run as a user would
//! run it: the real binary, two reflections in a temporary config folder
//! (an earlier one with an action still open), every format read back.

use std::fs;
use std::path::Path;

mod support;
use support::cli::{reflect, text};

const EARLIER: &str = r#"format = 1
id = "2026-11-13-161500-parental-mental-health"
started = "2026-11-13T16:15:00Z"
updated = "2026-11-13T16:45:00Z"
pack = "panel-2023-24"
theme = "parental-mental-health"
audience = "practitioner"

[[action]]
text = "Ask the adult mental health team about joint visits"
due = "2026-12-10"

[[action]]
text = "Read the think-family guidance"
done = true
"#;

const LATEST: &str = r#"format = 2
id = "2026-12-01-100000-child-mental-health"
started = "2026-12-01T10:00:00Z"
updated = "2026-12-01T10:40:00Z"
pack = "panel-2023-24"
theme = "child-mental-health"
audience = "practitioner"
notes = "Bring the chronology to supervision."

[[answer]]
question = "panel-2023-24/child-mental-health/formal-diagnosis"
question_text = "When working with a child with mental health needs, do you ensure you check and accurately record if they have a formal diagnosis? Do you feel confident raising questions about the diagnosis if it is unclear or if the child's presentation and behaviour appear inconsistent with the diagnosis?"
text = "I check the records and ask the GP, and I write down who told me what, because a diagnosis passed on by word of mouth is easy to get wrong.\nI note when it is unclear."
flagged = true
updated = "2026-12-01T10:20:00Z"

[[action]]
text = "Read the CAMHS referral guidance"
due = "2026-12-20"

[handin]
activity = "Reading and reflecting on a published review"
peer = true
peer_role = "my team manager"
peer_learning = "We agreed to ask for diagnoses in writing."
nature = "cpd"
code_themes = ["prioritise-people", "preserve-safety"]
"#;

const ANSWER: &str = "I check the records and ask the GP, and I write down who told me what, because a diagnosis passed on by word of mouth is easy to get wrong.";

/// A config folder with the two reflections.
fn two_reflections() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("reflections");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(
        dir.join("2026-11-13-161500-parental-mental-health.toml"),
        EARLIER,
    )
    .expect("write");
    fs::write(
        dir.join("2026-12-01-100000-child-mental-health.toml"),
        LATEST,
    )
    .expect("write");
    home
}

/// `reflect export --format FORMAT`, which must work and warn of nothing.
fn export(home: &Path, format: &str) -> String {
    let out = reflect(home, &["export", "--format", format]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{format}: {}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stderr), "", "{format}: nothing to warn about");
    text(&out.stdout)
}

fn has(doc: &str, needle: &str) {
    assert!(doc.contains(needle), "missing {needle:?} in:\n{doc}");
}

#[test]
fn supervision_is_the_default_and_starts_with_the_earlier_open_actions() {
    let home = two_reflections();
    let sheet = export(home.path(), "supervision");
    assert_eq!(text(&reflect(home.path(), &["export"]).stdout), sheet);
    has(&sheet, "# Supervision preparation");
    has(
        &sheet,
        "## Actions from earlier reflections\n\n- [ ] Ask the adult mental health team about joint visits (by 10 December 2026): from the reflection of 13 November 2026 on Safeguarding pre-school children with parents with mental health needs\n",
    );
    assert!(
        !sheet.contains("think-family guidance"),
        "a done action is not carried"
    );
    let at = |needle: &str| sheet.find(needle).expect(needle);
    assert!(at("Actions from earlier reflections") < at("## Questions"));
    has(
        &sheet,
        "- [ ] Read the CAMHS referral guidance (by 20 December 2026)",
    );
    // The earlier reflection's own sheet has nothing earlier than it.
    let older = reflect(
        home.path(),
        &["export", "2026-11-13-161500-parental-mental-health"],
    );
    assert!(!text(&older.stdout).contains("from earlier reflections"));
}

#[test]
fn cpd_fills_social_work_englands_fields_from_the_reflection() {
    let home = two_reflections();
    let cpd = export(home.path(), "cpd");
    for needle in [
        "Social Work England CPD record",
        "https://www.socialworkengland.org.uk/cpd/record-cpd/",
        "At least one of them must include peer reflection",
        "do not say how many characters",
        "[1] Type of CPD\n",
        "Reading and reflecting on a published review\n(44 characters)",
        "[2] A short description of the activity and why it is relevant to you\nReflected on the theme \u{201c}Safeguarding children with mental health needs\u{201d}",
        "answering 1 of its 4 reflective questions for practitioners.",
        "[3] Date\n",
        "1 December 2026\n(15 characters)",
        "[4] What you learnt from doing the activity\n\u{201c}When working with a child",
        "- Read the CAMHS referral guidance (by 20 December 2026)",
        "Bring the chronology to supervision.",
        "Discussed with my team manager.\nWe agreed to ask for diagnoses in writing.",
    ] {
        has(&cpd, needle);
    }
    has(&cpd, &format!("{ANSWER}\nI note when it is unclear."));
    assert!(
        !cpd.contains("**") && !cpd.contains("## "),
        "no Markdown:\n{cpd}"
    );
}

#[test]
fn nmc_has_the_four_prompts_and_the_codes_themes() {
    let home = two_reflections();
    let nmc = export(home.path(), "nmc");
    for needle in [
        "NMC reflective account",
        "https://www.nmc.org.uk/revalidation/requirements/written-reflective-accounts/",
        "[1] What was the nature of the CPD activity and/or practice-related feedback and/or event or experience in your practice?\nA CPD activity.\n",
        "[2] What did you learn from the CPD activity and/or feedback and/or event or experience in your practice?\n",
        "[3] How did you change or improve your practice as a result?\n",
        "[4] How is this relevant to the Code?\n",
        "Prioritise people\nPreserve safety\n",
        "it sets no character limits",
    ] {
        has(&nmc, needle);
    }
    assert!(
        !nmc.contains("Practise effectively\n"),
        "only the chosen themes:\n{nmc}"
    );
}

#[test]
fn text_has_no_markdown_and_keeps_paragraphs_whole_for_a_web_form() {
    let home = two_reflections();
    let plain = export(home.path(), "text");
    has(
        &plain,
        "Supervision preparation\n\nDate: Tuesday 1 December 2026\n",
    );
    has(
        &plain,
        "Actions from earlier reflections\n- Ask the adult mental health team",
    );
    has(&plain, " (to discuss in supervision)\n");
    // The long first line of the answer is one line; the writer's break stays.
    has(&plain, &format!("\n{ANSWER}\nI note when it is unclear.\n"));
    has(
        &plain,
        "Actions\n- Read the CAMHS referral guidance (by 20 December 2026)\n",
    );
    for mark in ["**", "##", "- [", "*(", "  \n"] {
        assert!(!plain.contains(mark), "Markdown {mark:?} in:\n{plain}");
    }
}

/// A tester gave the peer's role but left "Reflected on with a peer" unsaid:
/// the role they typed was left out of the CPD record.
#[test]
fn a_peers_role_given_is_on_the_record_though_with_a_peer_was_left_unsaid() {
    let home = two_reflections();
    let file = home
        .path()
        .join("reflections/2026-12-01-100000-child-mental-health.toml");
    fs::write(&file, LATEST.replace("peer = true\n", "")).expect("write");
    let cpd = export(home.path(), "cpd");
    has(
        &cpd,
        "Discussed with my team manager.\nWe agreed to ask for diagnoses in writing.",
    );
}

#[test]
fn a_reflection_without_details_says_what_to_add() {
    let home = two_reflections();
    let cpd = reflect(
        home.path(),
        &[
            "export",
            "2026-11-13-161500-parental-mental-health",
            "--format",
            "cpd",
        ],
    );
    let cpd = text(&cpd.stdout);
    has(
        &cpd,
        "[The type of CPD: add it in reflect's review (d), or write it here.]\n(0 characters)",
    );
    has(&cpd, "[If you discussed this with a peer");
    let nmc = reflect(
        home.path(),
        &[
            "export",
            "2026-11-13-161500-parental-mental-health",
            "--format",
            "nmc",
        ],
    );
    has(
        &text(&nmc.stdout),
        "[Choose the Code's themes in reflect's review (d).]",
    );
}

/// A field filled from two things the reflection has neither of says what
/// to add once, not once for each.
#[test]
fn a_field_with_nothing_to_fill_it_says_so_once() {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("reflections");
    fs::create_dir_all(&dir).expect("mkdir");
    let bare = EARLIER.split("[[action]]").next().expect("head");
    fs::write(
        dir.join("2026-11-13-161500-parental-mental-health.toml"),
        bare,
    )
    .expect("write");
    let cpd = text(&reflect(home.path(), &["export", "--format", "cpd"]).stdout);
    assert_eq!(
        cpd.matches("[No actions or notes yet.]").count(),
        1,
        "{cpd}"
    );
}

/// A copy of the CPD form in the forms folder, with a limit someone
/// found: the field past it is warned of on stderr (naming the field and
/// the numbers, never the text) and marked in the file.
#[test]
fn a_field_past_the_forms_limit_is_warned_of_on_stderr_and_in_the_file() {
    let home = two_reflections();
    let forms = home.path().join("forms");
    fs::create_dir_all(&forms).expect("mkdir");
    let form = include_str!("../templates/forms/cpd-swe.toml")
        .replacen(
            "from = [\"answers\"]",
            "limit = 100\nfrom = [\"answers\"]",
            1,
        )
        .replacen(
            "from = [\"activity\"]",
            "limit = 500\nfrom = [\"activity\"]",
            1,
        );
    fs::write(forms.join("cpd-swe.toml"), form).expect("write");
    let file = home.path().join("cpd.txt");
    let out = reflect(
        home.path(),
        &[
            "export",
            "--format",
            "cpd",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(
        warnings,
        [
            "reflect: warning: Social Work England CPD record: \u{201c}What you learnt from doing the activity\u{201d} is 461 characters; the form takes 100 (361 too many)"
        ],
        "{stderr}"
    );
    assert!(
        !stderr.contains("ask the GP"),
        "a warning quotes no text: {stderr}"
    );
    has(&stderr, &format!("wrote {}", file.display()));
    let written = fs::read_to_string(&file).expect("written");
    has(
        &written,
        "(461 characters: 361 more than the form takes, which is 100)",
    );
    has(&written, "(44 of 500 characters)");
    assert!(
        !written.contains("do not say how many characters"),
        "limits are known now"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Within the limit: no warning.
    let out = reflect(home.path(), &["export", "--format", "nmc"]);
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn check_reads_copies_of_the_forms_and_paths_shows_their_folder() {
    let home = two_reflections();
    let forms = home.path().join("forms");
    fs::create_dir_all(&forms).expect("mkdir");
    let form = include_str!("../templates/forms/nmc-reflective-account.toml").replacen(
        "from = [\"answers\"]",
        "from = [\"answer\"]",
        1,
    );
    fs::write(forms.join("nmc-reflective-account.toml"), form).expect("write");
    let out = reflect(home.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    has(
        &stderr,
        "nmc-reflective-account.toml:30:9: error: unknown source `answer` in `from`",
    );
    has(&stderr, "hint: did you mean `answers`?");
    // The export uses the built-in form meanwhile, and says why.
    let out = reflect(home.path(), &["export", "--format", "nmc"]);
    assert_eq!(out.status.code(), Some(0));
    has(
        &text(&out.stderr),
        "has problems, so the built-in form is used; see `reflect check`",
    );
    has(&text(&out.stdout), "[2] What did you learn");
    let paths = text(&reflect(home.path(), &["paths"]).stdout);
    has(&paths, &format!("forms           {}", forms.display()));
}

#[test]
fn format_is_for_reflections_only_and_must_be_known() {
    let home = two_reflections();
    let out = reflect(home.path(), &["export", "--group", "--format", "cpd"]);
    assert_eq!(out.status.code(), Some(2));
    has(&text(&out.stderr), "cannot be used with");
    let out = reflect(home.path(), &["export", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    has(
        &text(&out.stderr),
        "possible values: supervision, cpd, nmc, text",
    );
}

#[test]
fn new_forms_writes_copies_that_check_accepts_and_never_overwrites_them() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(home.path(), &["new", "--forms"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let forms = home.path().join("forms");
    for name in ["cpd-swe.toml", "nmc-reflective-account.toml"] {
        has(
            &text(&out.stdout),
            &format!("wrote {}", forms.join(name).display()),
        );
    }
    let check = reflect(home.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    has(
        &text(&check.stdout),
        "cpd-swe.toml is used instead of the built-in form",
    );
    fs::write(forms.join("cpd-swe.toml"), "# mine\n").expect("write");
    let again = reflect(home.path(), &["new", "--forms"]);
    assert_eq!(again.status.code(), Some(1));
    has(&text(&again.stderr), "already exists; it was left as it is");
    assert_eq!(
        fs::read_to_string(forms.join("cpd-swe.toml")).expect("read"),
        "# mine\n"
    );
}

/// A tester pasted terminal escape codes into an answer, and `reflect
/// export` printed them raw, so the terminal ran them (a new title, a
/// cleared screen). An export in any format holds none.
#[test]
fn an_export_never_carries_escape_codes_to_the_terminal() {
    let home = two_reflections();
    let file = home
        .path()
        .join("reflections/2026-12-01-100000-child-mental-health.toml");
    let planted = LATEST.replace(
        "I note when it is unclear.",
        r"I note it\u001B]0;HACKED\u0007\u001B[2J when \u001B[31mit is unclear\u0007.",
    );
    fs::write(&file, planted).expect("write");
    for format in ["supervision", "cpd", "nmc", "text"] {
        let doc = export(home.path(), format);
        assert!(
            !doc.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{format}: {doc:?}"
        );
        assert!(!doc.contains("HACKED") && !doc.contains("[2J"), "{format}");
    }
    has(
        &export(home.path(), "text"),
        "I note it when it is unclear.",
    );
}
