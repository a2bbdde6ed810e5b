//! Exports shaped for what people hand in: the supervision sheet
//! (Markdown), a Social Work England CPD record, an NMC reflective account,
//! and the sheet as plain text for pasting into a web form.
//!
//! One pipeline for the command line and the app: choose a format, render
//! text (with warnings where a field passes its form's limit), then write
//! or print it. Rendering is pure; writing is the caller's.
//!
//! Not here: the forms' fields (data, `templates/forms/`), where files go
//! (`runtime`, `cli::export`).

mod fill;
pub mod form;
pub mod forms;
mod plain;
mod record;

use crate::carry::Carried;
use crate::content::Library;
use crate::store::Reflection;
pub use forms::Forms;

/// What to export a reflection as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The supervision preparation sheet, in Markdown (the default).
    Supervision,
    /// Social Work England's CPD record.
    Cpd,
    /// The NMC's reflective account.
    Nmc,
    /// The supervision sheet as plain text.
    Text,
}

impl Format {
    /// What it is called in messages: "the CPD record saved to …".
    pub fn name(self) -> &'static str {
        match self {
            Format::Supervision => "supervision sheet",
            Format::Cpd => "CPD record",
            Format::Nmc => "NMC reflective account",
            Format::Text => "plain text sheet",
        }
    }

    /// The file an export from the app is saved as.
    pub fn file_name(self, id: &str) -> String {
        match self {
            Format::Supervision => format!("supervision-{id}.md"),
            Format::Text => format!("supervision-{id}.txt"),
            Format::Cpd => format!("cpd-{id}.txt"),
            Format::Nmc => format!("nmc-{id}.txt"),
        }
    }
}

/// Everything an export is made from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub reflection: &'a Reflection,
    /// Open actions of earlier reflections (see [`crate::carry`]).
    pub earlier: &'a [Carried<'a>],
    pub library: &'a Library,
    pub forms: &'a Forms,
}

/// An export's text, and what the person should know before handing it
/// in (fields longer than the form takes). Warnings never quote the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub warnings: Vec<String>,
}

pub fn render(format: Format, input: &Input<'_>) -> Rendered {
    let sheet = match format {
        Format::Supervision => crate::sheet::markdown,
        Format::Text => plain::sheet,
        Format::Cpd => return record::render(&input.forms.cpd, input).printable(),
        Format::Nmc => return record::render(&input.forms.nmc, input).printable(),
    };
    // The sheets have no limits to warn of.
    Rendered {
        text: sheet(input.reflection, input.earlier, input.library),
        warnings: Vec::new(),
    }
    .printable()
}

/// Whether an export in `format` carries what `source` fills: the sheets
/// carry no hand-in details; a form carries what its fields ask for.
pub fn carries(format: Format, forms: &Forms, source: form::Source) -> bool {
    let form = match format {
        Format::Supervision | Format::Text => return false,
        Format::Cpd => &forms.cpd,
        Format::Nmc => &forms.nmc,
    };
    form.fields.iter().any(|field| field.from.contains(&source))
}

impl Rendered {
    /// An export is printed to a terminal or opened in one: a control
    /// character in an answer (pasted before pastes were cleaned, or put
    /// in the file by hand) must not act on it.
    fn printable(self) -> Rendered {
        let text = match crate::text::without_controls(&self.text) {
            std::borrow::Cow::Borrowed(_) => self.text,
            std::borrow::Cow::Owned(cleaned) => cleaned,
        };
        Rendered { text, ..self }
    }
}

/// Where the reflection's fields pass a form's character limits, for
/// every form (the review shows these).
pub fn limit_warnings(input: &Input<'_>) -> Vec<String> {
    [&input.forms.cpd, &input.forms.nmc]
        .into_iter()
        .flat_map(|form| record::warnings(form, input))
        .collect()
}
