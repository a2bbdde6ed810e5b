//! All of the Panel's words reach a screen. Every screen of the app is
//! drawn (scrolled to its end, every question, every learning point, every
//! group slide) and every sentence of the built-in pack's text is found on
//! one of them; and the quiet line naming the source is on each kind of
//! screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reflect::app::{Action, App, Effect, OpenedGroup, OpenedSession, SessionAccess, update};
use reflect::content::{Audience, Layer, Library, Pack, attribution};
use reflect::group::{GroupAudience, new_record};
use reflect::store::Reflection;
use reflect::ui::{Palette, view};

const SIZE: (u16, u16) = (100, 30);

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("date")
}

/// What a screen says, as running text: rows joined, borders dropped,
/// spaces collapsed, so a sentence wrapped over rows reads whole.
fn said(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
    let mut limits = None;
    terminal
        .draw(|frame| limits = Some(view(app, frame.buffer_mut(), Palette::new(false))))
        .expect("draw");
    update(app, Action::ScrollLimit(limits.expect("drawn")));
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push(' ');
    }
    flatten(&text.replace(|c: char| "│┌┐└┘─".contains(c), " "))
}

fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let modifiers = if matches!(code, KeyCode::Char(c) if c.is_uppercase()) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    update(app, Action::Key(KeyEvent::new(code, modifiers)))
}

/// Every scroll position of the screen on show, from the top to its end.
fn scrolled_through(app: &mut App, seen: &mut Vec<String>) {
    seen.push(said(app));
    while app.scroll < app.scroll_limits.text {
        press(app, KeyCode::Char('j'));
        seen.push(said(app));
    }
}

fn app() -> App {
    let mut app = App::new(
        Library::load(&[Layer::builtin()]),
        Vec::new(),
        Audience::Practitioner,
        now(),
    );
    update(&mut app, Action::Resize(SIZE.0, SIZE.1));
    app
}

fn private_screens(seen: &mut Vec<String>) {
    let mut app = app();
    let themes = app.library.themes().count();
    for _ in 0..themes {
        seen.push(said(&mut app));
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('o'));
    scrolled_through(&mut app, seen);
    press(&mut app, KeyCode::Char('c'));
    scrolled_through(&mut app, seen);
    for theme in 0..themes {
        for audience in Audience::ALL {
            theme_and_walkthrough(theme, audience, seen);
        }
    }
}

/// A theme's screen for `audience`, then each of its questions in the
/// walkthrough with every learning point beside it.
fn theme_and_walkthrough(index: usize, audience: Audience, seen: &mut Vec<String>) {
    let mut app = app();
    app.selected_theme = index;
    app.audience = audience;
    press(&mut app, KeyCode::Enter);
    scrolled_through(&mut app, seen);
    let (pack, theme) = app.library.themes().nth(index).expect("theme");
    let reflection = Reflection::new("r", now(), &pack.id, &theme.id, audience);
    let opened = OpenedSession {
        reflection,
        access: SessionAccess::Editable,
        resumed: false,
        show_review: false,
    };
    let count = theme.questions_for(audience).count();
    let points = theme.learning.len();
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    press(&mut app, KeyCode::Esc);
    for _ in 0..count {
        for _ in 0..points.max(1) {
            seen.push(said(&mut app));
            press(&mut app, KeyCode::Char('l'));
        }
        press(&mut app, KeyCode::Tab);
    }
    seen.push(said(&mut app));
}

/// Every slide of the group view, for each audience.
fn group_slides(seen: &mut Vec<String>) {
    for index in 0..3 {
        for audience in [GroupAudience::Practitioner, GroupAudience::Leader] {
            let mut app = app();
            app.group_only = true;
            let (pack, theme) = app.library.themes().nth(index).expect("theme");
            let request = reflect::app::GroupRequest {
                pack: pack.id.clone(),
                theme: theme.id.clone(),
                audience,
            };
            let record = new_record(pack, theme, now());
            update(
                &mut app,
                Action::GroupOpened(Box::new(OpenedGroup {
                    request,
                    record,
                    notices: Vec::new(),
                })),
            );
            let slides = app.group.as_ref().map_or(0, |g| g.slides().len());
            for _ in 0..slides {
                seen.push(said(&mut app));
                press(&mut app, KeyCode::Right);
            }
        }
    }
}

/// The pack's text fields, cut into sentences.
fn sentences(pack: &Pack) -> Vec<String> {
    let overview = &pack.overview;
    let mut texts: Vec<&String> = [
        &pack.summary,
        &pack.link_text,
        &overview.statement,
        &overview.text,
        &overview.questions_intro,
    ]
    .into_iter()
    .flatten()
    .collect();
    texts.extend(overview.figures.iter().map(|f| &f.label));
    if let Some(conclusion) = &pack.conclusion {
        texts.extend([&conclusion.title, &conclusion.text]);
    }
    for theme in &pack.themes {
        texts.push(&theme.title);
        texts.extend(
            [
                &theme.summary,
                &theme.statement,
                &theme.statement_heading,
                &theme.calls_on,
            ]
            .into_iter()
            .flatten(),
        );
        texts.extend(theme.key_data.iter().chain(&theme.learning));
        for question in &theme.questions {
            texts.push(&question.text);
            texts.extend(&question.prompts);
        }
    }
    texts.iter().flat_map(|t| split_sentences(t)).collect()
}

fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            current.push_str(word);
            current.push(' ');
            if word.ends_with(['.', '?', '!', ':']) {
                out.push(current.trim().to_owned());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_owned());
        }
    }
    out
}

#[test]
fn every_sentence_of_the_panel_reaches_a_screen() {
    let mut seen = Vec::new();
    private_screens(&mut seen);
    group_slides(&mut seen);
    let everything = seen.join(" ¶ ");
    let library = Library::load(&[Layer::builtin()]);
    let pack = &library.packs[0];
    let all = sentences(pack);
    assert!(all.len() > 140, "{} sentences", all.len());
    let missing: Vec<&String> = all
        .iter()
        .filter(|s| !everything.contains(&flatten(s)))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} never on screen: {missing:#?}",
        missing.len(),
        all.len()
    );
    let link = pack.url.as_deref().expect("the pack has a link");
    assert!(everything.contains(link), "the link to the full report");
}

#[test]
fn every_kind_of_screen_names_the_source() {
    let library = Library::load(&[Layer::builtin()]);
    let quiet = flatten(&attribution::quiet_line(&library.packs[0]));
    let mut app = app();
    let mut screens = vec![("home", said(&mut app))];
    press(&mut app, KeyCode::Char('o'));
    screens.push(("overview", said(&mut app)));
    press(&mut app, KeyCode::Char('c'));
    screens.push(("conclusion", said(&mut app)));
    let mut seen = Vec::new();
    theme_and_walkthrough(0, Audience::Practitioner, &mut seen);
    screens.push(("theme", seen[0].clone()));
    screens.push(("walkthrough", seen[seen.len() - 2].clone()));
    let mut slides = Vec::new();
    group_slides(&mut slides);
    screens.push(("group title slide", slides[0].clone()));
    let closing = slides
        .iter()
        .take_while(|s| !s.contains("What the group agreed"))
        .last();
    screens.push(("group closing slide", closing.cloned().unwrap_or_default()));
    for (name, screen) in screens {
        assert!(
            screen.contains(&quiet),
            "{name} does not name the source:\n{screen}"
        );
    }
}
