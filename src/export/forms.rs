//! The forms reflect can fill: the ones compiled in, each replaced by a
//! copy of the same name in the config folder's `forms` folder when there
//! is one and it reads without errors (a body changed its form before
//! reflect did).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::form::{self, Form};
use crate::content::diagnostic::Diagnostic;
use crate::content::source;
use crate::paths::Paths;

pub const CPD: &str = "cpd-swe";
pub const NMC: &str = "nmc-reflective-account";

const BUILTIN: [(&str, &str); 2] = [
    (CPD, include_str!("../../templates/forms/cpd-swe.toml")),
    (
        NMC,
        include_str!("../../templates/forms/nmc-reflective-account.toml"),
    ),
];

/// The forms in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    pub cpd: Form,
    pub nmc: Form,
    /// The copies from the forms folder in use instead of built-in ones.
    pub replaced: Vec<PathBuf>,
}

impl Forms {
    /// The forms compiled into reflect.
    pub fn builtin() -> &'static Forms {
        static FORMS: OnceLock<Forms> = OnceLock::new();
        FORMS.get_or_init(|| Forms {
            cpd: builtin(CPD),
            nmc: builtin(NMC),
            replaced: Vec::new(),
        })
    }

    /// The built-in forms, each replaced by a good copy in the forms
    /// folder; with every problem found in the copies.
    pub fn load(paths: &Paths) -> (Forms, Vec<Diagnostic>) {
        let mut forms = Forms::builtin().clone();
        let mut diagnostics = Vec::new();
        for (id, slot) in [(CPD, &mut forms.cpd), (NMC, &mut forms.nmc)] {
            let path = file_of(&paths.forms_dir(), id);
            if !path.exists() {
                continue;
            }
            let (copy, problems) = read(&path, id);
            diagnostics.extend(problems);
            if let Some(copy) = copy {
                *slot = copy;
                forms.replaced.push(path);
            }
        }
        (forms, diagnostics)
    }
}

/// `forms/ID.toml`.
pub fn file_of(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.toml"))
}

/// The built-in files by name, for `reflect new --forms`.
pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILTIN.into_iter()
}

fn builtin(id: &str) -> Form {
    BUILTIN
        .iter()
        .find(|(name, _)| *name == id)
        .and_then(|(_, text)| form::parse(Path::new(id), text).0)
        .unwrap_or_else(|| Form::unknown(id))
}

/// A copy of form `id`, if it reads whole and says it is that form.
fn read(path: &Path, id: &str) -> (Option<Form>, Vec<Diagnostic>) {
    let file = match source::read_file(path) {
        Ok(file) => file,
        Err(problem) => return (None, vec![problem]),
    };
    let (form, mut diagnostics) = form::parse(path, &file.text);
    match form {
        Some(form) if form.id != id => {
            let message = format!("this file says it is form `{}`, not `{id}`", form.id);
            let hint = format!("keep `id = \"{id}\"` in a copy named {id}.toml");
            diagnostics.push(Diagnostic::error(path, message).hint(hint));
            (None, diagnostics)
        }
        form => (form, diagnostics),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::form::Source;

    #[test]
    fn the_built_in_forms_read_without_problems() {
        for (id, text) in BUILTIN {
            let (form, diagnostics) = form::parse(Path::new(id), text);
            assert!(diagnostics.is_empty(), "{id}: {diagnostics:?}");
            let form = form.expect("form");
            assert_eq!(form.id, id);
            assert!(form.source.starts_with("https://"), "{id}");
            assert!(!form.rules.is_empty() && form.limits.is_some(), "{id}");
            // No limit is known for either; none is made up.
            assert!(!form.has_limits(), "{id}");
        }
        let forms = Forms::builtin();
        let cpd: Vec<_> = forms.cpd.fields.iter().flat_map(|f| &f.from).collect();
        for source in [
            Source::Activity,
            Source::Date,
            Source::Answers,
            Source::Peer,
        ] {
            assert!(cpd.contains(&&source), "{source:?}");
        }
        assert_eq!(forms.nmc.fields.len(), 4, "the NMC form's four prompts");
        assert!(forms.nmc.fields[3].label.contains("the Code"));
    }

    #[test]
    fn a_good_copy_in_the_forms_folder_replaces_a_built_in_form_and_a_bad_one_does_not() {
        let dir = tempfile::tempdir().expect("tmp");
        let paths = Paths::at(dir.path());
        std::fs::create_dir_all(paths.forms_dir()).expect("mkdir");
        let copy = BUILTIN[0].1.replacen(
            "from = [\"answers\"]",
            "limit = 2000\nfrom = [\"answers\"]",
            1,
        );
        std::fs::write(file_of(&paths.forms_dir(), CPD), copy).expect("write");
        let broken = BUILTIN[1].1.replacen("[form]", "[form", 1);
        std::fs::write(file_of(&paths.forms_dir(), NMC), broken).expect("write");
        let (forms, diagnostics) = Forms::load(&paths);
        assert!(forms.cpd.has_limits());
        assert_eq!(forms.nmc, Forms::builtin().nmc);
        assert_eq!(forms.replaced, [file_of(&paths.forms_dir(), CPD)]);
        assert!(!diagnostics.is_empty());
        assert!(
            diagnostics
                .iter()
                .all(|d| d.message.contains("not valid TOML"))
        );
        let renamed = BUILTIN[1]
            .1
            .replacen("id = \"nmc-reflective-account\"", "id = \"other\"", 1);
        std::fs::write(file_of(&paths.forms_dir(), NMC), renamed).expect("write");
        let (_, diagnostics) = Forms::load(&paths);
        assert!(
            diagnostics[0]
                .message
                .contains("not `nmc-reflective-account`")
        );
    }
}
