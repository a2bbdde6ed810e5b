//! The check on a table of true and false cases, with the built-in
//! content's words as the words that never count and 2026 as this year.
//!
//! A true case names what must be found (its kind and exact text); a false
//! case must give no finding at all. Cases the check gets wrong today are
//! kept, marked `Miss` or `FalseAlarm`, so the table shows its limits; the
//! counts of right answers may only go up.

use super::*;
use crate::content::{Layer, Library};

/// Every finding in `text`, in order, each line read on its own (a line
/// is a paragraph in the editor), as the app's marks read an answer.
fn scan(text: &str, cx: &Context<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        found.extend(scan_line(line, cx).into_iter().map(|f| Finding {
            span: f.span.start + offset..f.span.end + offset,
            kind: f.kind,
        }));
        offset += line.len() + 1;
    }
    found
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    Right,
    /// A true case it does not find yet.
    Miss,
    /// A false case it marks.
    FalseAlarm,
}

use Known::{FalseAlarm, Miss, Right};

/// A text, what must be found in it, and whether it is right today.
type TrueCase = (&'static str, &'static [(Kind, &'static str)], Known);

#[rustfmt::skip]
const TRUE_CASES: &[TrueCase] = &[
    ("NHS number 943 476 5919 on the referral", &[(Kind::NhsNumber, "943 476 5919")], Right),
    ("her NHS no. is 4010232137", &[(Kind::NhsNumber, "4010232137")], Right),
    ("They live near LS6 3AB now.", &[(Kind::Postcode, "LS6 3AB")], Right),
    ("moved to the flat in M1 1AE", &[(Kind::Postcode, "M1 1AE")], Right),
    ("postcode sw1a 1aa", &[(Kind::Postcode, "sw1a 1aa")], Right),
    ("EC1A1BB", &[(Kind::Postcode, "EC1A1BB")], Right),
    ("DOB 12/03/2015", &[(Kind::BirthDate, "12/03/2015")], Right),
    ("born on 3rd March 2019", &[(Kind::BirthDate, "3rd March 2019")], Right),
    ("d.o.b. 01.02.2011", &[(Kind::BirthDate, "01.02.2011")], Right),
    ("Mum (born 1989) said", &[(Kind::BirthDate, "1989")], Right),
    ("her date of birth is 14 February 2012", &[(Kind::BirthDate, "14 February 2012")], Right),
    ("Jo, 21/07/2008, attends", &[(Kind::BirthDate, "21/07/2008")], Right),
    ("a 7-year-old boy", &[(Kind::Age, "7-year-old")], Right),
    ("she is 14 years old", &[(Kind::Age, "14 years old")], Right),
    ("aged 14, he", &[(Kind::Age, "aged 14")], Right),
    ("the 18-month-old was", &[(Kind::Age, "18-month-old")], Right),
    ("a girl aged seven", &[(Kind::Age, "aged seven")], Right),
    ("15yo", &[(Kind::Age, "15yo")], Right),
    ("he was 3 years of age", &[(Kind::Age, "3 years of age")], Right),
    ("Mum's mobile is 07700 900123", &[(Kind::Phone, "07700 900123")], Right),
    ("call dad on 0161 496 0000", &[(Kind::Phone, "0161 496 0000")], Right),
    ("+44 7700 900456", &[(Kind::Phone, "+44 7700 900456")], Right),
    ("(020) 7946 0958", &[(Kind::Phone, "(020) 7946 0958")], Right),
    ("emailed jo.bloggs@example.com", &[(Kind::Email, "jo.bloggs@example.com")], Right),
    ("from sarah_k@school.sch.uk", &[(Kind::Email, "sarah_k@school.sch.uk")], Right),
    ("lives at 12 Acacia Road with", &[(Kind::Address, "12 Acacia Road")], Right),
    ("Flat 4, 27 Station Street", &[(Kind::Address, "Flat 4, 27 Station Street")], Right),
    ("the house at 3 Mill Lane", &[(Kind::Address, "3 Mill Lane")], Right),
    ("9 Kings Court", &[(Kind::Address, "9 Kings Court")], Right),
    ("I spoke to Sarah about school.", &[(Kind::Name, "Sarah")], Right),
    ("Poppy's school rang", &[(Kind::Name, "Poppy")], Right),
    ("Tyler disclosed that", &[(Kind::Name, "Tyler")], Right),
    ("Mrs Patel was worried", &[(Kind::Name, "Mrs Patel")], Right),
    ("Kai and his brother Leo", &[(Kind::Name, "Kai"), (Kind::Name, "Leo")], Right),
    ("a boy called Zoltan", &[(Kind::Name, "Zoltan")], Right),
    ("Grace's mum rang", &[(Kind::Name, "Grace")], Right),
    ("Mark said he felt unsafe", &[(Kind::Name, "Mark")], Right),
    ("Dr Okafor, the GP, rang", &[(Kind::Name, "Dr Okafor")], Right),
    ("Amelia Kowalczyk", &[(Kind::Name, "Amelia Kowalczyk")], Right),
    ("the Khan family", &[(Kind::Name, "Khan")], Right),
    ("Muhammad's teacher", &[(Kind::Name, "Muhammad")], Right),
    ("Olivia, 15, told me", &[(Kind::Name, "Olivia")], Right),
    ("Frank Smith visited", &[(Kind::Name, "Frank Smith")], Right),
    ("met with Chelsea at school", &[(Kind::Name, "Chelsea")], Right),
    ("Isla said", &[(Kind::Name, "Isla")], Right),
    ("Baby Jayden", &[(Kind::Name, "Jayden")], Right),
    ("Isabella told me", &[(Kind::Name, "Isabella")], Right),
    ("I saw Jordan on Tuesday", &[(Kind::Name, "Jordan")], Right),
    ("Mr and Mrs Ahmed", &[(Kind::Name, "Mrs Ahmed")], Right),
    ("her sister, Freya", &[(Kind::Name, "Freya")], Right),
    ("Ms O'Brien", &[(Kind::Name, "Ms O'Brien")], Right),
    ("Harrison-Smith", &[(Kind::Name, "Harrison-Smith")], Right),
    ("born in the spring of 2015", &[(Kind::BirthDate, "2015")], Right),
    // Known misses.
    ("sarah said she was scared", &[(Kind::Name, "sarah")], Miss),
    ("SARAH SAID SHE WAS SCARED", &[(Kind::Name, "SARAH")], Miss),
    ("I spoke to Jill", &[(Kind::Name, "Jill")], Miss),
    ("lives on Acacia Road", &[(Kind::Address, "Acacia Road")], Miss),
    ("the family at number 12", &[(Kind::Address, "number 12")], Miss),
    ("Zephyrine said no", &[(Kind::Name, "Zephyrine")], Miss),
    // "April" is a word of the built-in content, so it never counts.
    ("April told me", &[(Kind::Name, "April")], Miss),
];

/// Texts that must give no finding at all.
#[rustfmt::skip]
const FALSE_CASES: &[(&str, Known)] = &[
    ("Frank discussions with the family helped.", Right),
    ("May I ask what support is in place?", Right),
    ("We met on 3 March to review the plan.", Right),
    ("The meeting on 12 March 2026 went well.", Right),
    ("Hope is what kept her going.", Right),
    ("Grace periods for rent arrears", Right),
    ("Will the plan change?", Right),
    ("Mark the date in the diary.", Right),
    ("She moved to Chelsea last year.", Right),
    ("The family lives in Preston.", Right),
    ("A referral to Great Ormond Street.", Right),
    ("Down syndrome was diagnosed early.", Right),
    ("The Fraser guidelines apply.", Right),
    ("She is Gillick competent.", Right),
    ("Parkinson's disease in the grandparent", Right),
    ("Using Gibbs' reflective cycle", Right),
    ("Signs of Safety framework", Right),
    ("The ICPC is on Tuesday.", Right),
    ("In May we held a strategy meeting.", Right),
    ("Since June, attendance is better.", Right),
    ("Children aged under 5 were seen.", Right),
    ("Young people aged 14 to 17", Right),
    ("Over 5 years of practice", Right),
    ("The 15-year-olds in the cohort", Right),
    ("NSPCC helpline 0808 800 5000", Right),
    ("Call 999 or 111", Right),
    ("Section 47 enquiries began", Right),
    ("Vitamin B12 levels", Right),
    ("The M25 was closed", Right),
    ("COVID 19 lockdowns", Right),
    ("3 Family Court hearings", Right),
    ("St Thomas' Hospital", Right),
    ("Victoria Road clinic", Right),
    ("Early Help Hub", Right),
    ("The Young Carers service", Right),
    ("Christian faith matters to the family", Right),
    ("Black and minority ethnic families", Right),
    ("White British children", Right),
    ("Brown envelope letters", Right),
    ("the Munro review", Right),
    ("Lord Laming's report", Right),
    ("Edinburgh Postnatal Depression Scale", Right),
    ("version 1.2.3 of the form", Right),
    ("a score of 12/30", Right),
    ("2 out of 3 children", Right),
    ("Between 2015 and 2019 the service changed.", Right),
    ("On 12/03/2026 we visited.", Right),
    ("the strategy meeting on 12/03/2019", Right),
    ("in Year 9", Right),
    ("the CAMHS team", Right),
    ("Ofsted report due in April", Right),
    ("Summer holidays are hard.", Right),
    ("The Panel's briefing", Right),
    ("Amber warning on the app", Right),
    ("reading Winnicott on holding", Right),
    ("Her bloods were taken at 10.30", Right),
    ("Rich discussion in supervision", Right),
    ("Ivy Lane Surgery", Right),
    ("Jordan Primary School", Right),
    ("The council on 0300 123 1234", Right),
    ("a training day on 14/06/2022", Right),
    // Known false alarms.
    ("We discussed Florence Nightingale's legacy", FalseAlarm),
    ("the Harry Potter books", FalseAlarm),
    ("Sarah Mills Children's Centre was busy", FalseAlarm),
];

fn findings(text: &str, words: &Words) -> Vec<(Kind, String)> {
    let cx = Context {
        ignore: words,
        year: 2026,
    };
    scan(text, &cx)
        .into_iter()
        .map(|f| (f.kind, text[f.span].to_owned()))
        .collect()
}

#[test]
fn the_table_of_true_and_false_cases() {
    let words = Words::of_library(&Library::load(&[Layer::builtin()]));
    let mut wrong = Vec::new();
    let mut true_right = 0;
    for &(text, want, known) in TRUE_CASES {
        let got = findings(text, &words);
        let found = want
            .iter()
            .all(|(k, t)| got.contains(&(*k, (*t).to_owned())));
        true_right += usize::from(found);
        if found != (known == Right) {
            wrong.push(format!(
                "true case {text:?} ({}): got {got:?}",
                label(known)
            ));
        }
    }
    let mut false_right = 0;
    for &(text, known) in FALSE_CASES {
        let got = findings(text, &words);
        false_right += usize::from(got.is_empty());
        if got.is_empty() != (known == Right) {
            wrong.push(format!(
                "false case {text:?} ({}): got {got:?}",
                label(known)
            ));
        }
    }
    println!(
        "true cases found: {true_right} of {}; false cases left alone: {false_right} of {}",
        TRUE_CASES.len(),
        FALSE_CASES.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(TRUE_CASES.len() >= 40 && FALSE_CASES.len() >= 40);
    assert!(
        true_right >= 53 && false_right >= 61,
        "{true_right}, {false_right}"
    );
}

fn label(known: Known) -> &'static str {
    match known {
        Right => "expected right",
        Miss => "a known miss",
        FalseAlarm => "a known false alarm",
    }
}

/// Findings are on character boundaries, in order and apart, whatever the
/// text: every char boundary of a text full of odd characters as a cut.
#[test]
fn spans_are_sound_on_odd_unicode() {
    let words = Words::none();
    let cx = Context {
        ignore: &words,
        year: 2026,
    };
    let text = "Zoë Smith, 👩‍👧 LS6 3AB\u{202e}07700 900123\u{0301} ＳＷ１Ａ １ＡＡ aged 7\u{feff} ٣ May’s e\u{301}\t@x.co";
    let mut cuts: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    cuts.push(text.len());
    for &cut in &cuts {
        for piece in [&text[..cut], &text[cut..]] {
            let found = scan(piece, &cx);
            for pair in found.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start, "{piece:?}");
            }
            for f in &found {
                assert!(piece.get(f.span.clone()).is_some(), "{piece:?} {f:?}");
            }
        }
    }
    let found: Vec<Kind> = scan(text, &cx).iter().map(|f| f.kind).collect();
    assert!(
        found.contains(&Kind::Postcode) && found.contains(&Kind::Age),
        "{found:?}"
    );
}
