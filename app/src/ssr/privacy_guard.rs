//! The privacy guard: before a post or a consultation is saved, it looks
//! for what may identify a minor (DiTu's guidance, and recital 38 GDPR:
//! children's data deserve specific protection). It only warns: the author
//! removes what it found or confirms that it may stay. It errs on the side
//! of silence where text is ordinary in this field: legal citations
//! ("art. 32 TU", "l. 47/2017"), hearing and deadline dates, initials with
//! an age ("M., 16") and nationalities all pass.
//!
//! Every rule is a regular expression over the text, compiled once.

use std::sync::LazyLock;

use regex::Regex;

pub use crate::domain::Identifying;

/// One passage to look at again, with where it is in the text (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: Identifying,
    pub start: usize,
    pub end: usize,
    pub excerpt: String,
}

fn rule(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|error| panic!("privacy guard pattern {pattern}: {error}"))
}

/// Months, in Italian and English, for written-out dates.
const MONTHS: &str = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|\
                      january|february|march|april|may|june|july|august|september|october|november|december";

static FISCAL_CODE: LazyLock<Regex> = LazyLock::new(|| {
    // Surname, name, year, month letter, day, place, check letter; digits
    // may be replaced by LMNPQRSTUV (omocodia). Or 11 digits after the word.
    rule(
        r"(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b|(?:codice fiscale|c\.\s?f\.|cf|tax code)\W{0,3}\d{11}\b",
    )
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| rule(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"));

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // International (+39 …), Italian mobiles (3xx …) and landlines (0x …),
    // in groups separated by spaces, dots or dashes: never a law's
    // "number/year", whose groups are too short.
    rule(
        r"(?:\+|\b00)\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b|\b3\d{2}[\s.-]?\d{3}[\s.-]?\d{3,4}\b|\b0\d{1,3}[\s.-]?\d{6,8}\b|\b0\d{1,3}[\s.-]\d{3,4}[\s.-]\d{3,4}\b",
    )
});

static BIRTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    rule(&format!(
        r"(?i)\b(?:nat[oaie]|nascita|born|birth|d\.?o\.?b\.?)\b[^.;\n]{{0,25}}?(?:\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}(?:°|º)?\s+(?:{MONTHS})\s+\d{{4}}\b|\b(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)"
    ))
});

static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // A code with digits after a word for a document: permits, passports,
    // identity cards, the police's CUI.
    rule(
        r"(?i)\b(?:permesso(?:\s+di\s+soggiorno)?|p\.?d\.?s\.?|passaporto|passport|carta\s+d'identit[àa]|identity\s+card|residence\s+permit|permit|cui|documento|document)\b(?:\s+(?:n\.?|nr\.?|num\.?|numero|number|no\.?|#))?(?:\s+(?:is|è|was|era))?\s*[:.]?\s*([A-Z]{0,3}\s?\d[A-Z0-9]{5,11})\b",
    )
});

static STREET_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    rule(
        r"\b(?i:via|viale|piazza|p\.zza|piazzale|corso|c\.so|largo|vicolo|strada|contrada|borgo|lungo[a-z]+)\s+\p{Lu}[\p{L}'.]*(?:\s+[\p{L}'.]+){0,3}?,?\s*(?i:n\.?\s*|nr\.?\s*|civico\s+)?\d{1,4}(?:/?[a-z])?\b|\b\d{1,5}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive)\b",
    )
});

static NAME_WITH_AGE: LazyLock<Regex> = LazyLock::new(|| {
    rule(
        r"\b(?P<name>\p{Lu}\p{Ll}{2,})(?:\s+(?P<surname>\p{Lu}\p{Ll}{2,}))?\s*(?:,\s*|\(\s*|\s+(?:di|ha|aged|is|,)\s+)(?P<age>\d{1,2})\s*(?:\)|anni\b|years?(?:\s*-?\s*old)?\b|y\.?o\.?\b|enne\b)|\b(?:\d{1,2}\s*(?:anni|enne|-?year-old)|(?:sedic|quindic|diciassett|quattordic|tredic|dodic|diciott)enne)\s+(?:di\s+nome|chiamat[oa]|named|called)\s+(?P<later>\p{Lu}\p{Ll}{2,})",
    )
});

static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    rule(r"\b(?i:si\s+chiama|chiamat[oa]|di\s+nome|named|called|(?:his|her|whose)\s+name\s+is)\s+(?P<name>\p{Lu}\p{Ll}{2,})")
});

/// Capitalised words that stand before an age without naming anyone:
/// words that open a sentence, people's roles, places, nationalities.
const NOT_NAMES: &[&str] = &[
    // Italian and English function words and openings.
    "Il",
    "Lo",
    "La",
    "Gli",
    "Le",
    "Un",
    "Uno",
    "Una",
    "Nel",
    "Nella",
    "Dal",
    "Dalla",
    "Con",
    "Per",
    "Tra",
    "Fra",
    "Dopo",
    "Prima",
    "Circa",
    "Oggi",
    "Ieri",
    "Ora",
    "Già",
    "Solo",
    "Anche",
    "Quasi",
    "Sono",
    "Aveva",
    "Avrà",
    "Compie",
    "Ragazzo",
    "Ragazza",
    "Minore",
    "Bambino",
    "Bambina",
    "Figlio",
    "Figlia",
    "Fratello",
    "Sorella",
    "Tutore",
    "Tutrice",
    "Età",
    "The",
    "And",
    "Aged",
    "Boy",
    "Girl",
    "Child",
    "Minor",
    "Son",
    "Daughter",
    "Brother",
    "Sister",
    "Guardian",
    "Age",
    "About",
    "Nearly",
    "Almost",
    "Only",
    "Now",
    "Today",
    "Since",
    "After",
    "Before",
    "Over",
    "Under",
    // Institutions and places often written before an age limit.
    "Tribunale",
    "Procura",
    "Questura",
    "Comune",
    "Regione",
    "Commissione",
    "Court",
    "Milano",
    "Brescia",
    "Lombardia",
    "Italia",
    "Italy",
    "Europa",
    "Europe",
    "Africa",
    "Asia",
    // Nationalities common among unaccompanied minors in Italy.
    "Egiziano",
    "Egiziana",
    "Tunisino",
    "Tunisina",
    "Albanese",
    "Gambiano",
    "Gambiana",
    "Ivoriano",
    "Ivoriana",
    "Guineano",
    "Guineana",
    "Bengalese",
    "Pakistano",
    "Pakistana",
    "Afghano",
    "Afghana",
    "Ucraino",
    "Ucraina",
    "Marocchino",
    "Marocchina",
    "Senegalese",
    "Maliano",
    "Maliana",
    "Nigeriano",
    "Nigeriana",
    "Eritreo",
    "Eritrea",
    "Somalo",
    "Somala",
    "Kosovaro",
    "Kosovara",
    "Egyptian",
    "Tunisian",
    "Albanian",
    "Gambian",
    "Ivorian",
    "Guinean",
    "Bangladeshi",
    "Pakistani",
    "Afghan",
    "Ukrainian",
    "Moroccan",
    "Senegalese",
    "Malian",
    "Nigerian",
    "Eritrean",
    "Somali",
    "Kosovar",
    // Months and days.
    "Gennaio",
    "Febbraio",
    "Marzo",
    "Aprile",
    "Maggio",
    "Giugno",
    "Luglio",
    "Agosto",
    "Settembre",
    "Ottobre",
    "Novembre",
    "Dicembre",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `text` with every passage [`scan`] finds replaced by `mark`: what an
/// old consultation keeps once anonymised.
pub fn redact(text: &str, mark: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for finding in scan(text) {
        out.push_str(&text[at..finding.start]);
        out.push_str(mark);
        at = finding.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What in `text` may identify a minor, in the order it appears; where two
/// rules find the same passage, the first rule listed wins.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut found: Vec<Finding> = Vec::new();
    let mut add = |kind: Identifying, start: usize, end: usize| {
        if found.iter().all(|f| end <= f.start || start >= f.end) {
            found.push(Finding { kind, start, end, excerpt: text[start..end].to_owned() });
        }
    };
    for m in FISCAL_CODE.find_iter(text) {
        add(Identifying::FiscalCode, m.start(), m.end());
    }
    for m in EMAIL.find_iter(text) {
        add(Identifying::EmailAddress, m.start(), m.end());
    }
    for m in BIRTH_DATE.find_iter(text) {
        add(Identifying::BirthDate, m.start(), m.end());
    }
    for captures in DOCUMENT_NUMBER.captures_iter(text) {
        let (whole, number) = (captures.get(0), captures.get(1));
        // A law is cited by number too ("decreto n. 142"): a document number has letters or is long.
        if let (Some(whole), Some(number)) = (whole, number)
            && (number.as_str().chars().any(|c| c.is_ascii_alphabetic())
                || number.as_str().chars().filter(char::is_ascii_digit).count() >= 7)
        {
            add(Identifying::DocumentNumber, whole.start(), whole.end());
        }
    }
    for m in PHONE.find_iter(text) {
        if m.as_str().chars().filter(char::is_ascii_digit).count() >= 8 {
            add(Identifying::PhoneNumber, m.start(), m.end());
        }
    }
    for m in STREET_ADDRESS.find_iter(text) {
        add(Identifying::StreetAddress, m.start(), m.end());
    }
    for captures in NAME_WITH_AGE.captures_iter(text) {
        let Some(whole) = captures.get(0) else { continue };
        // "Oggi Ibrahima (16)": the second capitalised word may be the name.
        let words = ["name", "surname", "later"].map(|group| captures.name(group).map(|n| n.as_str()));
        let names_someone = words.into_iter().flatten().any(|word| !NOT_NAMES.contains(&word));
        let age = captures.name("age").and_then(|a| a.as_str().parse::<u32>().ok());
        let plausible_age = age.is_none_or(|a| (1..=21).contains(&a));
        if plausible_age && names_someone {
            add(Identifying::NameWithAge, whole.start(), whole.end());
        }
    }
    for captures in NAMED.captures_iter(text) {
        if let (Some(whole), Some(name)) = (captures.get(0), captures.name("name"))
            && !NOT_NAMES.contains(&name.as_str())
        {
            add(Identifying::PersonName, whole.start(), whole.end());
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacting_replaces_what_identifies_and_keeps_the_rest() {
        let text = "Ahmed, 16 anni, codice fiscale RSSMRA08C12Z330X: chiamare il 347 123 4567 per l'udienza (art. 19 d.lgs. 142/2015).";
        let redacted = redact(text, "[…]");
        assert!(!redacted.contains("RSSMRA08C12Z330X") && !redacted.contains("347 123 4567") && !redacted.contains("Ahmed"), "{redacted}");
        assert!(redacted.contains("per l'udienza (art. 19 d.lgs. 142/2015)."), "the rest stays: {redacted}");
        assert_eq!(redact("Nessun dato personale qui.", "[…]"), "Nessun dato personale qui.");
    }

    fn kinds(text: &str) -> Vec<Identifying> {
        scan(text).into_iter().map(|f| f.kind).collect()
    }

    /// Texts that identify someone, with what must be found in each.
    const FLAGGED: &[(&str, Identifying)] = &[
        ("Ho conosciuto Ahmed, 16 anni, in comunità.", Identifying::NameWithAge),
        ("Il mio tutelato, Moussa di 15 anni, vuole studiare.", Identifying::NameWithAge),
        ("Fatima ha 17 anni e vive a Milano.", Identifying::NameWithAge),
        ("Oggi Ibrahima (16) ha iniziato la scuola.", Identifying::NameWithAge),
        ("un sedicenne di nome Karim è arrivato ieri", Identifying::NameWithAge),
        ("I met Amadou, 17 years old, last week.", Identifying::NameWithAge),
        ("My ward Sara is 15 years old.", Identifying::NameWithAge),
        ("a 16-year-old named Yusuf", Identifying::NameWithAge),
        ("Mamadou Diallo, 16 anni, è arrivato a giugno.", Identifying::NameWithAge),
        ("ha 16 anni e si chiama Omar", Identifying::PersonName),
        ("his name is Bilal and he likes football", Identifying::PersonName),
        ("Il codice fiscale è RSSMRA09A01Z330K.", Identifying::FiscalCode),
        ("cf: BNCLRA08T41Z3Q0X", Identifying::FiscalCode),
        ("codice fiscale 12345678901", Identifying::FiscalCode),
        ("Chiamatelo al 347 123 4567.", Identifying::PhoneNumber),
        ("telefono +39 02 1234 5678", Identifying::PhoneNumber),
        ("call +44 7700 900123", Identifying::PhoneNumber),
        ("la comunità risponde allo 030 2345678", Identifying::PhoneNumber),
        ("scrivetegli a karim.b2009@gmail.com", Identifying::EmailAddress),
        ("è nato il 03/05/2009 a Conakry", Identifying::BirthDate),
        ("nata il 14 febbraio 2010", Identifying::BirthDate),
        ("data di nascita: 2009-11-30", Identifying::BirthDate),
        ("born on March 3, 2009", Identifying::BirthDate),
        ("DOB 12.04.2008", Identifying::BirthDate),
        ("il permesso di soggiorno n. I12345678 scade", Identifying::DocumentNumber),
        ("passaporto AB1234567", Identifying::DocumentNumber),
        ("CUI 05ABC12", Identifying::DocumentNumber),
        ("his residence permit number is IT0123456", Identifying::DocumentNumber),
        ("abita in via Padova 21, Milano", Identifying::StreetAddress),
        ("la comunità è in viale Monza, 140", Identifying::StreetAddress),
        ("corso Buenos Aires n. 3", Identifying::StreetAddress),
        ("he lives at 221 Baker Street", Identifying::StreetAddress),
    ];

    /// Texts as guardians write them that identify nobody.
    const PASSING: &[&str] = &[
        "Secondo l'art. 32 TU, il permesso per minore età si converte a 18 anni.",
        "La l. 47/2017 ha introdotto i tutori volontari.",
        "L'art. 19 c. 1 d.lgs. 286/1998 vieta il respingimento.",
        "Ai sensi dell'art. 10 l. 47/2017 e dell'art. 28 d.P.R. 394/1999.",
        "Reg. (UE) 2024/1351, art. 25.",
        "Udienza fissata per il 12/03/2027 davanti al Tribunale per i minorenni.",
        "Il permesso scade il 30.06.2027: la Questura ha dato appuntamento.",
        "M., 16, Africa occidentale, comunità nel distretto di Milano.",
        "Un ragazzo egiziano di 16 anni chiede come iscriversi al CPIA.",
        "Egiziano, 16 anni, in seconda accoglienza.",
        "A 17 anni si può chiedere il prosieguo amministrativo fino a 21.",
        "Il Tribunale, 15 giorni dopo, ha nominato il tutore.",
        "The hearing is on 4 May 2027 at 10:30.",
        "A 16-year-old boy from West Africa asked about school enrolment.",
        "Il decreto n. 142 del 2015 regola l'accoglienza.",
        "Nel 2017 la legge è cambiata; dal 2019 molte cose sono diverse.",
        "Ho chiamato il numero verde 800 123 45 della Regione.",
        "La circolare del ministero, prot. 2024/123, spiega la procedura.",
        "Il ragazzo compirà 18 anni a maggio.",
        "Maria, 52 anni, è tutrice da tre anni.",
        "Ne parliamo in via informale, alle 18.",
        "Il Ragazzo, 16 anni, è in comunità.",
    ];

    #[test]
    fn identifying_data_is_found() {
        for (text, kind) in FLAGGED {
            assert!(kinds(text).contains(kind), "{kind:?} not found in {text:?}: {:?}", scan(text));
        }
    }

    #[test]
    fn legal_citations_hearing_dates_and_anonymised_wording_pass() {
        for text in PASSING {
            assert_eq!(scan(text), Vec::new(), "{text:?}");
        }
    }

    #[test]
    fn findings_point_at_the_passage_in_order() {
        let text = "Ahmed, 16 anni: chiamare il 347 123 4567 o scrivere a a.b@example.org.";
        let found = scan(text);
        assert_eq!(
            found.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [Identifying::NameWithAge, Identifying::PhoneNumber, Identifying::EmailAddress]
        );
        for finding in &found {
            assert_eq!(&text[finding.start..finding.end], finding.excerpt);
        }
        assert_eq!(found[1].excerpt, "347 123 4567");
    }
}
