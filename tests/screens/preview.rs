//! The first frame of home is drawn from the content index's preview:
//! it must be the very frame the full content draws, so nothing jumps
//! when the full content arrives a moment later.

use std::fmt::Write;

use reflect::app::{Action, App, update};
use reflect::content::index::{self, Key};
use reflect::content::{Audience, Layer, Library};

use super::drawing::draw;
use super::fixtures::{library, now, two_reflections};

/// The built-in pack and a team's pack of 40 themes after it.
fn with_team_pack(folder: &std::path::Path) -> Library {
    let mut text = String::from(
        "[pack]\nid = \"team\"\ntitle = \"Team pack\"\nsource = \"Our team\"\nlicence = \"CC BY 4.0\"\n\n[overview]\ntext = \"Ours.\"\n",
    );
    for t in 0..40 {
        let _ = write!(
            text,
            "\n[[theme]]\nid = \"t-{t}\"\ntitle = \"Team theme {t} with a title long enough to wrap on a narrow screen\"\nsummary = \"Summary {t}.\"\nkey_data = [\"Point {t}.\"]\n\n[[theme.question]]\nid = \"q\"\naudience = \"practitioner\"\ntext = \"What now?\"\n\n[[theme.question]]\nid = \"l\"\naudience = \"leader\"\ntext = \"What then?\"\n"
        );
    }
    std::fs::write(folder.join("team.toml"), text).expect("write pack");
    let library = Library::load(&[Layer::builtin(), Layer::folder("team", folder, true)]);
    assert!(!library.has_errors(), "{:?}", library.diagnostics);
    assert_eq!(library.packs.len(), 2);
    library
}

/// The preview as a start-up on a screen of `rows` reads it.
fn from_index(library: &Library, rows: u16) -> Library {
    let key = Key::of(&[Layer::builtin()]).expect("the built-in pack's key");
    let text = index::encode(&key, library);
    index::decode(&text, &key, usize::from(rows)).expect("the index reads back")
}

fn home(library: Library, audience: Audience, history: bool) -> App {
    let mut app = App::new(library, Vec::new(), audience, now());
    let history = if history {
        two_reflections()
    } else {
        Vec::new()
    };
    update(&mut app, Action::HistoryLoaded(history));
    app
}

#[test]
fn home_from_the_index_is_the_frame_the_full_content_draws() {
    let folder = tempfile::tempdir().expect("temp");
    for full in [library(), with_team_pack(folder.path())] {
        for (width, height) in [(100, 30), (80, 24), (300, 100), (40, 12), (1, 1)] {
            let preview = from_index(&full, height);
            for audience in Audience::ALL {
                for history in [false, true] {
                    let expected = draw(&home(full.clone(), audience, history), width, height);
                    let drawn = draw(&home(preview.clone(), audience, history), width, height);
                    assert_eq!(
                        drawn,
                        expected,
                        "{width}x{height}, {audience:?}, history {history}, {} packs",
                        full.packs.len()
                    );
                }
            }
        }
    }
}
