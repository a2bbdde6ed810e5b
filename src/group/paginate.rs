//! Cutting a section's items into pages that fit the screen.
//!
//! Items are kept whole when they can be: an item that does not fit on the
//! current page starts a new one, and only an item taller than a whole page
//! is split across pages. Nothing is ever dropped.

/// One line of a slide, already wrapped to the text column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub tone: Tone,
    pub centred: bool,
}

/// What a line is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Body,
    Question,
    Prompt,
    Muted,
}

impl TextLine {
    pub fn new(text: impl Into<String>, tone: Tone, centred: bool) -> Self {
        TextLine {
            text: text.into(),
            tone,
            centred,
        }
    }

    pub fn blank() -> Self {
        TextLine::new("", Tone::Body, false)
    }
}

/// Where a page starts: which item, and which of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Mark {
    pub item: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub start: Mark,
    pub lines: Vec<TextLine>,
}

/// Pages of at most `capacity` lines and `max_items` items each, items
/// separated by a blank line. With no room at all (`capacity` 0) everything
/// goes on one page, as there is nothing sensible to cut.
pub fn paginate(items: &[Vec<TextLine>], capacity: usize, max_items: usize) -> Vec<Page> {
    if capacity == 0 {
        let lines = items.iter().flatten().cloned().collect();
        return vec![new_page(Mark::default(), lines)];
    }
    let mut pager = Pager {
        pages: Vec::new(),
        current: new_page(Mark::default(), Vec::new()),
        items_here: 0,
        capacity,
        max_items: max_items.max(1),
    };
    for (index, item) in items.iter().enumerate() {
        pager.add(index, item);
    }
    pager.finish()
}

fn new_page(start: Mark, lines: Vec<TextLine>) -> Page {
    Page { start, lines }
}

struct Pager {
    pages: Vec<Page>,
    current: Page,
    items_here: usize,
    capacity: usize,
    max_items: usize,
}

impl Pager {
    fn add(&mut self, item: usize, lines: &[TextLine]) {
        let mut line = 0;
        while line < lines.len() {
            let used = self.current.lines.len();
            let gap = usize::from(used > 0);
            let rest = lines.len() - line;
            let full = used + gap + rest > self.capacity || self.items_here >= self.max_items;
            if used > 0 && full {
                self.turn(Mark { item, line });
                continue;
            }
            if gap == 1 {
                self.current.lines.push(TextLine::blank());
            }
            let take = rest.min(self.capacity - self.current.lines.len());
            self.current
                .lines
                .extend_from_slice(&lines[line..line + take]);
            self.items_here += 1;
            line += take;
            if line < lines.len() {
                self.turn(Mark { item, line });
            }
        }
    }

    fn turn(&mut self, start: Mark) {
        let done = std::mem::replace(&mut self.current, new_page(start, Vec::new()));
        self.pages.push(done);
        self.items_here = 0;
    }

    fn finish(mut self) -> Vec<Page> {
        if !self.current.lines.is_empty() || self.pages.is_empty() {
            self.pages.push(self.current);
        }
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: usize, tag: &str) -> Vec<TextLine> {
        (0..n)
            .map(|i| TextLine::new(format!("{tag}{i}"), Tone::Body, false))
            .collect()
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn whole_items_move_to_the_next_page() {
        let pages = paginate(&[item(2, "a"), item(2, "b"), item(2, "c")], 5, 10);
        assert_eq!(pages.len(), 2);
        assert_eq!(texts(&pages[0]), ["a0", "a1", "", "b0", "b1"]);
        assert_eq!(texts(&pages[1]), ["c0", "c1"]);
        assert_eq!(pages[1].start, Mark { item: 2, line: 0 });
    }

    #[test]
    fn a_few_items_per_page_at_most() {
        let items: Vec<_> = (0..5).map(|i| item(1, &i.to_string())).collect();
        let pages = paginate(&items, 100, 2);
        let counts: Vec<usize> = pages.iter().map(|p| p.lines.len()).collect();
        assert_eq!(counts, [3, 3, 1]);
    }

    #[test]
    fn tall_items_split_and_nothing_is_lost() {
        let pages = paginate(&[item(1, "a"), item(7, "b")], 3, 10);
        let all: Vec<&str> = pages
            .iter()
            .flat_map(texts)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(all, ["a0", "b0", "b1", "b2", "b3", "b4", "b5", "b6"]);
        assert!(pages.iter().all(|p| p.lines.len() <= 3));
        assert_eq!(pages[2].start, Mark { item: 1, line: 3 });
    }

    #[test]
    fn no_room_means_one_page() {
        let pages = paginate(&[item(3, "a")], 0, 1);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].lines.len(), 3);
        assert_eq!(paginate(&[], 4, 1).len(), 1);
    }
}
