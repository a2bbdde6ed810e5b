//! Where the person is: the screen on show, the box over it, and where
//! Esc goes back to.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The pack's overview, from home.
    Overview,
    /// The pack's conclusion, from the overview or the review; Esc goes back
    /// to `from`.
    Conclusion {
        from: ConclusionFrom,
    },
    /// A theme's summary, key data, learning and questions.
    Theme,
    Walkthrough,
    /// The actions list; Esc goes back to `from`.
    Actions {
        from: Back,
    },
    Review,
}

/// Where Esc goes back to from the actions list, and from the notes: the
/// review, scrolled as it was, when they were opened from it, else the
/// walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Back {
    #[default]
    Walkthrough,
    Review {
        scroll: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConclusionFrom {
    Overview,
    Review { scroll: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeFocus {
    Themes,
    Reflections,
}

/// A box over the screen, and what is selected in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// Over the walkthrough: earlier reflections' answers to the question.
    EarlierAnswers,
    /// Over the review: choosing what to export the reflection as.
    Export,
    /// Over the review: the hand-in details.
    Details { selected: usize },
    /// Over the review: the open actions of earlier reflections.
    EarlierActions { selected: usize },
    /// Over the actions: delete the one at `index`?
    ConfirmDelete { index: usize },
}
