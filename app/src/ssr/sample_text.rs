//! The sentences sample data is written in: a guardian's everyday matters
//! put together at random, the same on every run for the same seed.

use rand::{Rng as _, rngs::StdRng, seq::IndexedRandom as _};

const SUBJECTS: [&str; 10] = [
    "Il tutore",
    "La tutrice",
    "Il ragazzo",
    "La ragazza",
    "L'assistente sociale",
    "La comunità di accoglienza",
    "Il servizio sociale del Comune",
    "Il CPIA",
    "La Questura",
    "Il Tribunale per i minorenni",
];
const VERBS: [&str; 8] =
    ["ha chiesto", "ha rinviato", "deve presentare", "aspetta", "ha fissato", "non ha ancora ricevuto", "ha confermato", "propone"];
const MATTERS: [&str; 12] = [
    "il permesso di soggiorno per minore età",
    "l'iscrizione a scuola",
    "l'udienza di conferma",
    "la tessera sanitaria",
    "il parere per la conversione del permesso",
    "la nomina del tutore",
    "il prosieguo amministrativo",
    "un colloquio con lo psicologo",
    "il passaporto",
    "la domanda di protezione internazionale",
    "il corso di italiano",
    "il tirocinio",
];
const ENDINGS: [&str; 8] = [
    "entro la fine del mese.",
    "dopo l'estate.",
    "con il sostegno della comunità.",
    "come prevede l'art. 32 TU.",
    "come prevede la l. 47/2017.",
    "ma i tempi sono lunghi.",
    "e nessuno sa dire quando.",
    "e chiedo consiglio a chi ci è già passato.",
];

fn sentence(rng: &mut StdRng) -> String {
    let pick = |rng: &mut StdRng, words: &[&'static str]| *words.choose(rng).unwrap_or(&"");
    format!("{} {} {} {}", pick(rng, &SUBJECTS), pick(rng, &VERBS), pick(rng, &MATTERS), pick(rng, &ENDINGS))
}

/// Two to five sentences.
pub fn body(rng: &mut StdRng) -> String {
    let sentences = rng.random_range(2..=5);
    (0..sentences).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

const TITLES: [&str; 4] = ["{}: quanto ci vuole?", "{}: una domanda", "{}: le vostre esperienze", "{}: chi ci è già passato?"];

/// A title about one of the matters: a topic's, a request's subject.
pub fn subject(rng: &mut StdRng) -> String {
    let matter = MATTERS.choose(rng).unwrap_or(&"");
    let capitalised: String = matter.chars().take(1).flat_map(char::to_uppercase).chain(matter.chars().skip(1)).collect();
    TITLES.choose(rng).unwrap_or(&"{}").replace("{}", &capitalised)
}
