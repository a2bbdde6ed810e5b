//! What the forms people hand in ask that the reflective questions do not:
//! Social Work England's type of CPD and peer reflection, the NMC's kind
//! of account and the themes of the Code. Every part is optional and
//! asked in the review, never required.

use serde::{Deserialize, Serialize};

/// The hand-in details of one reflection (`[handin]` in its file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handin {
    /// The type of CPD, in the person's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Whether it was reflected on with a peer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<bool>,
    /// The peer's role ("my team manager"): a role, never a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_role: Option<String>,
    /// What was learnt from discussing it with the peer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_learning: Option<String>,
    /// What an NMC reflective account is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Nature>,
    /// The themes of the NMC Code it relates to, in the Code's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code_themes: Vec<CodeTheme>,
}

impl Handin {
    pub fn is_empty(&self) -> bool {
        *self == Handin::default()
    }

    /// Whether it was reflected on with a peer: as said, else yes when a
    /// peer's role is given (typing the role says there was one).
    pub fn with_peer(&self) -> Option<bool> {
        let role = self.peer_role.as_deref().map(str::trim);
        self.peer.or(role.filter(|r| !r.is_empty()).map(|_| true))
    }

    /// Adds or removes a theme of the Code, keeping the Code's order.
    pub fn toggle_theme(&mut self, theme: CodeTheme) {
        if self.code_themes.contains(&theme) {
            self.code_themes.retain(|t| *t != theme);
        } else {
            self.code_themes.push(theme);
            self.code_themes.sort();
        }
    }
}

/// The three things the NMC says a reflective account can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nature {
    Cpd,
    Feedback,
    Event,
}

impl Nature {
    pub const ALL: [Nature; 3] = [Nature::Cpd, Nature::Feedback, Nature::Event];

    pub fn label(self) -> &'static str {
        match self {
            Nature::Cpd => "a CPD activity",
            Nature::Feedback => "practice-related feedback",
            Nature::Event => "an event or experience in your practice",
        }
    }

    /// As the person writes it in their own account.
    pub fn written(self) -> &'static str {
        match self {
            Nature::Cpd => "A CPD activity.",
            Nature::Feedback => "Practice-related feedback.",
            Nature::Event => "An event or experience in my practice.",
        }
    }
}

/// The four themes of the NMC Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CodeTheme {
    PrioritisePeople,
    PractiseEffectively,
    PreserveSafety,
    PromoteProfessionalismAndTrust,
}

impl CodeTheme {
    pub fn label(self) -> &'static str {
        match self {
            CodeTheme::PrioritisePeople => "Prioritise people",
            CodeTheme::PractiseEffectively => "Practise effectively",
            CodeTheme::PreserveSafety => "Preserve safety",
            CodeTheme::PromoteProfessionalismAndTrust => "Promote professionalism and trust",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_keep_the_codes_order_and_toggle_off() {
        let mut h = Handin::default();
        assert!(h.is_empty());
        h.toggle_theme(CodeTheme::PreserveSafety);
        h.toggle_theme(CodeTheme::PrioritisePeople);
        assert_eq!(
            h.code_themes,
            [CodeTheme::PrioritisePeople, CodeTheme::PreserveSafety]
        );
        h.toggle_theme(CodeTheme::PreserveSafety);
        assert_eq!(h.code_themes, [CodeTheme::PrioritisePeople]);
        h.toggle_theme(CodeTheme::PrioritisePeople);
        assert!(h.is_empty());
    }
}
