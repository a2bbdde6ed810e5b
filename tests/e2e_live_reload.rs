//! End to end: a team lead edits a question's wording in a `--content`
//! folder while the app shows it; the new wording appears, typed text stays,
//! a broken edit keeps the last good wording and shows the problem.

mod support;

use support::tmux::{self, Tmux};

#[test]
fn an_edit_to_the_wording_shows_while_the_app_runs() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let team = tmux::copy_builtin_pack(home.path());
    let file = team.join("panel-2023-24/1-child-mental-health.toml");
    let original = std::fs::read_to_string(&file).expect("read the copy");

    let tmux = Tmux::new("reload");
    let args = format!(
        "--content {} start --theme child-mental-health",
        team.display()
    );
    tmux.start(home.path(), &args, (100, 30));
    tmux.wait_for("Question 1 of 4");
    tmux.type_text("half-written answer KEEP-ME");
    // Typed under the original wording: the edit comes after it is on screen.
    tmux.wait_for("KEEP-ME");

    let edited = original.replace("do you ensure you check", "do you CHANGED-WORDING check");
    assert_ne!(edited, original);
    std::fs::write(&file, &edited).expect("edit");
    let screen = tmux.wait_for("CHANGED-WORDING");
    assert!(screen.contains("KEEP-ME"), "{screen}");

    std::fs::write(
        &file,
        edited.replace("audience = \"leader\"", "audiance = \"leader\""),
    )
    .expect("break");
    let screen = tmux.wait_for("Content problem");
    assert!(
        screen.contains("CHANGED-WORDING"),
        "the last good wording stays: {screen}"
    );

    std::fs::write(&file, &original).expect("fix");
    let screen = tmux.wait_until_gone("Content problem");
    assert!(!screen.contains("CHANGED-WORDING"), "{screen}");
    assert!(screen.contains("KEEP-ME"), "{screen}");
    tmux.keys(&["C-q"]);
    tmux.wait_for("EXITED 0");
}

#[test]
fn an_edit_shows_on_the_group_screen_in_place() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let team = tmux::copy_builtin_pack(home.path());
    let file = team.join("panel-2023-24/3-extrafamilial-harm.toml");
    let original = std::fs::read_to_string(&file).expect("read the copy");

    let tmux = Tmux::new("group-reload");
    let args = format!(
        "--content {} group --theme extrafamilial-harm",
        team.display()
    );
    tmux.start(home.path(), &args, (100, 30));
    tmux.wait_for("1 / ");
    while !tmux.screen().contains("Question 1 of 4") {
        tmux.keys(&["Right"]);
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            !tmux.screen().contains("Summary"),
            "walked past the questions"
        );
    }
    let edited = original.replace(
        "Are you confident that you can recognise",
        "GROUP-EDIT: can you recognise",
    );
    assert_ne!(edited, original);
    std::fs::write(&file, edited).expect("edit");
    let screen = tmux.wait_for("GROUP-EDIT");
    assert!(
        screen.contains("Question 1 of 4"),
        "still on the same question: {screen}"
    );
    tmux.keys(&["C-q"]);
    tmux.wait_for("EXITED 0");
}
