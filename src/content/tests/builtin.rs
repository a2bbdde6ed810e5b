//! The built-in pack and the new-pack template.

use super::*;

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
    let dir = folder(&[(
        "new.toml",
        include_str!("../../../templates/new-pack.toml").as_bytes(),
    )]);
    let library = load(dir.path());
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    assert_eq!(library.packs[0].themes[0].questions.len(), 3);
}
