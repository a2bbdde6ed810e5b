//! The data sets: 1,000 realistic reflections on the built-in pack, a pack
//! of 500 themes x 20 questions, and one reflection whose first answer is
//! 5,000 lines long. Generated afresh in temp folders on every run, from a
//! fixed seed, so every run measures the same bytes.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use reflect::content::{Audience, Layer, Library};
use reflect::store::{Action, RecordDir, Reflection, new_reflection_id};

pub const REFLECTIONS: usize = 1_000;
pub const THEMES: usize = 500;
pub const QUESTIONS_PER_THEME: usize = 20;
pub const LONG_LINES: usize = 5_000;
/// The theme `reflect start --theme` opens for the key test.
pub const LONG_THEME: &str = "child-mental-health";
pub const LONG_ID: &str = "2026-11-20-093000-child-mental-health";
/// Ends the long answer's last line. No other screen shows this character,
/// so when it reaches the terminal the long answer is on screen.
pub const LONG_END: &str = "∎∎∎";

/// Deterministic prose: realistic word and sentence lengths, no real names.
pub struct Prose {
    state: u64,
    words: Vec<&'static str>,
}

/// Common short words appear several times, as in running English text.
const WORDS: &str = "\
    the the the the a a a to to to of of and and and I I I it it is is was was in \
    in on at for we we she he they that that this not be had \
    the child family mother father school health visitor worker plan risk need needs \
    support referral assessment meeting notes was were had have not and but with \
    about when after before because agency agencies police GP CAMHS early help \
    threshold waiting list months weeks visit home voice of to in on we I they she \
    he it that this what how why could should would might asked heard noticed \
    recorded shared information diagnosis anxiety low mood self-harm missing episode \
    education attendance strategy discussion supervision manager team multi-agency \
    partners escalated concern concerns consent capacity lived experience daily life \
    contingency follow up outcome changed again too long quickly slowly clearly safe \
    safety relationship trust engagement appointment missed brought carer \
    grandmother sibling younger older teenager bedroom phone online friends \
    exploitation neglect harm protect protective factors";

impl Prose {
    pub fn new(seed: u64) -> Prose {
        Prose {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            words: WORDS.split_whitespace().collect(),
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One sentence of `words` words, capitalised, with a full stop.
    pub fn sentence(&mut self, words: usize) -> String {
        let mut out = String::new();
        for i in 0..words {
            let pick = self.below(self.words.len());
            let word = self.words[pick];
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        out
    }

    /// About `words` words in sentences of 6 to 20 words, in paragraphs.
    pub fn text(&mut self, words: usize) -> String {
        let mut out = String::new();
        let mut written = 0;
        while written < words {
            let n = (6 + self.below(15)).min(words - written).max(1);
            if !out.is_empty() {
                out.push_str(if self.below(4) == 0 { "\n\n" } else { " " });
            }
            out.push_str(&self.sentence(n));
            written += n;
        }
        out
    }
}

/// (pack, theme, [(question id, text)]) of one built-in theme.
type ThemeQuestions = (String, String, Vec<(String, String)>);

/// The built-in pack's themes and their questions for `audience`.
fn builtin_questions(audience: Audience) -> Vec<ThemeQuestions> {
    let library = Library::load(&[Layer::builtin()]);
    library
        .themes()
        .map(|(pack, theme)| {
            let questions = theme
                .questions_for(audience)
                .map(|q| (q.id.clone(), q.text.clone()))
                .collect();
            (pack.id.clone(), theme.id.clone(), questions)
        })
        .collect()
}

/// 1,000 finished reflections over the last three years, on the built-in
/// pack's themes and questions, ~500 words of answers each (plus a few
/// notes and actions). Returns the bytes written.
pub fn write_reflections(dir: &Path, now: DateTime<FixedOffset>) -> u64 {
    let records = RecordDir::<Reflection>::open(dir).expect("open reflections folder");
    let practitioner = builtin_questions(Audience::Practitioner);
    let leader = builtin_questions(Audience::Leader);
    let mut prose = Prose::new(1);
    for i in 0..REFLECTIONS {
        let (audience, themes) = if i % 4 == 3 {
            (Audience::Leader, &leader)
        } else {
            (Audience::Practitioner, &practitioner)
        };
        let (pack, theme, questions) = &themes[i % themes.len()];
        let started = now - Duration::hours(26 * (REFLECTIONS - i) as i64);
        let id = new_reflection_id(started, theme);
        let mut reflection = Reflection::new(id, started, pack, theme, audience);
        let per_answer = 480 / questions.len();
        for (n, (question, text)) in questions.iter().enumerate() {
            let key = format!("{pack}/{theme}/{question}");
            let at = started + Duration::minutes(10 * (n as i64 + 1));
            let answer = reflection.answer_mut_or_insert(&key, text, at);
            let words = per_answer - 20 + prose.below(40);
            answer.text = prose.text(words);
            answer.flagged = prose.below(5) == 0;
        }
        if i % 3 == 0 {
            reflection.notes = prose.text(40);
        }
        for _ in 0..prose.below(3) {
            reflection.actions.push(Action {
                text: prose.sentence(9),
                due: Some((started + Duration::days(14)).date_naive()),
                done: prose.below(2) == 0,
            });
        }
        reflection.updated = started + Duration::minutes(55);
        records.save(&reflection).expect("save reflection");
    }
    folder_bytes(dir)
}

/// One unfinished reflection on `child-mental-health` (practitioner) whose
/// answer to question 1 is 5,000 lines; questions 2 to 4 are unanswered.
///
/// The resume rule (`Sessions::find`) takes the newest unfinished
/// reflection on the theme, so `reflect start` resumes this one; it opens
/// on the first *unanswered* question (2), so the bench presses Shift-Tab
/// to bring the long answer into the editor, cursor at its end.
pub fn write_long_answer(dir: &Path, now: DateTime<FixedOffset>) -> String {
    let records = RecordDir::<Reflection>::open(dir).expect("open reflections folder");
    let (pack, theme, questions) = builtin_questions(Audience::Practitioner)
        .into_iter()
        .find(|(_, theme, _)| theme == LONG_THEME)
        .expect("the built-in pack has child-mental-health");
    let (question, text) = &questions[0];
    let mut prose = Prose::new(7);
    let mut lines: Vec<String> = (0..LONG_LINES - 1)
        .map(|_| match prose.below(8) {
            0 => String::new(),
            _ => {
                let words = 3 + prose.below(20);
                prose.sentence(words)
            }
        })
        .collect();
    lines.push(format!("Where I stopped {LONG_END} "));
    let key = format!("{pack}/{theme}/{question}");
    let mut reflection = Reflection::new(LONG_ID, now, &pack, &theme, Audience::Practitioner);
    reflection
        .answer_mut_or_insert(&key, text, now)
        .text
        .clone_from(&lines.join("\n"));
    records.save(&reflection).expect("save the long reflection");
    key
}

/// The text of the long answer as the app last saved it.
pub fn long_answer_text(dir: &Path, key: &str) -> Option<String> {
    let records = RecordDir::<Reflection>::open(dir).ok()?;
    let reflection = records.load(LONG_ID).ok()??;
    reflection.answer(key).map(|a| a.text.clone())
}

/// 500 themes x 20 questions (half for practitioners, half for leaders):
/// a main file and ten `part_of` files of 50 themes (each well under the
/// 1 MiB a content file may have). Returns the bytes written.
pub fn write_large_pack(dir: &Path) -> u64 {
    std::fs::create_dir_all(dir).expect("mkdir content");
    let mut prose = Prose::new(3);
    let main = format!(
        "[pack]\nid = \"bench\"\ntitle = \"Benchmark pack: {THEMES} themes\"\nsummary = {:?}\nsource = \"Generated by benches/perf\"\n\n[overview]\ntext = {:?}\n",
        prose.text(60),
        prose.text(120),
    );
    std::fs::write(dir.join("bench.toml"), main).expect("write pack");
    for part in 0..THEMES / 50 {
        let mut text = String::from("part_of = \"bench\"\n");
        for t in part * 50..(part + 1) * 50 {
            let _ = write!(
                text,
                "\n[[theme]]\nid = \"theme-{t}\"\ntitle = \"Theme {t}: {}\"\nsummary = {:?}\nkey_data = [{:?}, {:?}]\nlearning = [{:?}, {:?}, {:?}]\n",
                prose.sentence(5).trim_end_matches('.'),
                prose.text(60),
                prose.text(25),
                prose.text(25),
                prose.text(40),
                prose.text(40),
                prose.text(40),
            );
            for q in 0..QUESTIONS_PER_THEME {
                let audience = if q % 2 == 0 { "practitioner" } else { "leader" };
                let _ = write!(
                    text,
                    "\n[[theme.question]]\nid = \"q-{q}\"\naudience = \"{audience}\"\ntext = {:?}\n",
                    format!(
                        "{} {}?",
                        prose.sentence(12),
                        prose.sentence(10).trim_end_matches('.')
                    ),
                );
            }
        }
        std::fs::write(dir.join(format!("part-{part:02}.toml")), text).expect("write part");
    }
    folder_bytes(dir)
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("list folder")
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
