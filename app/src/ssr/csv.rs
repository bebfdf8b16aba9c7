//! CSV files for spreadsheets: the statistics and the training progress
//! exports. Lines end in CRLF, as RFC 4180 says.

/// `rows` (the first is the header) as a CSV file.
pub fn table(rows: &[Vec<String>]) -> String {
    rows.iter().map(|fields| fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n").collect()
}

/// A field quoted when it must be; one that a spreadsheet would run as a
/// formula (a name starting with `=`) is made plain text first.
fn field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field.to_owned() };
    if field.contains([',', '"', '\n', '\r']) { format!("\"{}\"", field.replace('"', "\"\"")) } else { field }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(field("Rossi, Anna"), "\"Rossi, Anna\"");
        assert_eq!(field("Il \"giurista\""), "\"Il \"\"giurista\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("12.5"), "12.5");
        assert_eq!(table(&[vec!["a".into(), "b c".into()], vec!["1".into(), "2".into()]]), "a,b c\r\n1,2\r\n");
    }
}
