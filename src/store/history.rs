//! Reading the history quickly: summaries from the index for files that
//! have not changed since it was written, the rest read; and the full
//! records, after which the index is brought up to date.

use super::error::StoreError;
use super::index;
use super::record::Access;
use super::record_dir::RecordDir;
use super::reflection::Reflection;
use super::scan::{self, HasUpdated, LoadReport};
use super::summary::Summary;

impl HasUpdated for Summary {
    fn when(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.updated
    }
    fn key(&self) -> &str {
        &self.id
    }
}

/// The summaries the first frame is drawn from.
pub struct FirstScreen {
    pub report: LoadReport<Summary>,
    /// How many reflections there are, when `report` holds only some.
    pub total: Option<usize>,
}

impl RecordDir<Reflection> {
    /// A summary of every reflection, newest first: from the index where a
    /// file's length and time are what the index says, else read from the
    /// file (damaged files are handled as by `load_all`).
    pub fn summaries(&self) -> Result<LoadReport<Summary>, StoreError> {
        let mut known = index::read(self.dir());
        let (dir, access) = (self.dir(), self.access());
        scan::load_with(dir, access, |report, path, id, stamp| {
            if let Some(summary) = known.remove(id).filter(|s| s.stamp == stamp) {
                report.records.push(summary);
                return;
            }
            let mut one = LoadReport::empty();
            scan::load_one(&mut one, dir, path, id, access);
            report
                .records
                .extend(one.records.iter().map(|r| Summary::of(r, stamp)));
            report.moved_aside.append(&mut one.moved_aside);
            report.unreadable.append(&mut one.unreadable);
        })
    }

    /// What the home screen's first frame needs: from the index alone when
    /// there is one (`total` then counts them all, though `report` holds
    /// only the first screen's part), else as `summaries`. The full records,
    /// read next, correct an index that is out of date.
    pub fn first_screen(&self, newest: usize) -> Result<FirstScreen, StoreError> {
        if let Some(head) = index::read_head(self.dir(), newest) {
            let mut report = LoadReport::empty();
            report.records = head.summaries;
            return Ok(FirstScreen {
                report,
                total: Some(head.total),
            });
        }
        Ok(FirstScreen {
            report: self.summaries()?,
            total: None,
        })
    }

    /// Every reflection in full; the index is then rewritten to match what
    /// was read (when this handle may write).
    pub fn load_all_and_index(&self) -> Result<LoadReport<Reflection>, StoreError> {
        let report = self.load_all()?;
        if self.access() == Access::Write {
            let summaries: Vec<Summary> = report
                .records
                .iter()
                .filter_map(|r| report.stamps.get(&r.id).map(|s| Summary::of(r, *s)))
                .collect();
            // Only a shortcut: without it the next start reads every file.
            let _ = index::write(self.dir(), &summaries);
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Audience;
    use chrono::DateTime;

    fn reflection(id: &str, answer: &str) -> Reflection {
        let t = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").expect("date");
        let mut r = Reflection::new(id, t, "p", "t", Audience::Practitioner);
        r.answer_mut_or_insert("p/t/q", "Q", t).text = answer.into();
        r
    }

    /// A file changed after the index was written is read again; one that
    /// did not change is taken from the index, even if (as here, to prove
    /// it) its line says something else.
    #[test]
    fn the_index_is_used_only_for_files_it_still_describes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = RecordDir::<Reflection>::open(tmp.path()).expect("dir");
        dir.save(&reflection("kept", "words")).expect("save");
        dir.save(&reflection("changed", "")).expect("save");
        assert_eq!(dir.load_all_and_index().expect("load").records.len(), 2);
        let text = std::fs::read_to_string(index::path(dir.dir())).expect("index");
        let text = text.replace("\tp/t/q", "\tp/t/from-the-index");
        std::fs::write(index::path(dir.dir()), text).expect("edit");
        dir.save(&reflection("changed", "now answered, and longer"))
            .expect("save");
        let summaries = dir.summaries().expect("summaries").records;
        let by_id = |id: &str| {
            summaries
                .iter()
                .find(|s| s.id == id)
                .expect("summary")
                .clone()
        };
        assert_eq!(
            by_id("kept").answered,
            "p/t/from-the-index",
            "from the index"
        );
        assert_eq!(by_id("changed").answered, "p/t/q", "read again");
        std::fs::remove_file(index::path(dir.dir())).expect("remove");
        assert_eq!(
            dir.summaries().expect("summaries").records.len(),
            2,
            "no index: read all"
        );
    }
}
