//! Positions of values and keys, repeated keys, and robustness on broken text.

use super::*;

fn spot(line: usize, column: usize) -> Option<Spot> {
    Some(Spot { line, column })
}

const TEXT: &str = r#"{
  "name": "Ünïcödé \"quoted\" \\",
  "steps": [
    { "name": "a", "breath": { "inhale": 4, "exhale": 6 } },
    {"hold": [1, [2]], "x\ny": {}}
  ]
}"#;

#[test]
fn values_and_keys_have_line_and_column() {
    let positions = Positions::scan(TEXT);
    assert_eq!(positions.value(""), spot(1, 1));
    assert_eq!(positions.key("name"), spot(2, 3));
    assert_eq!(positions.value("name"), spot(2, 11));
    assert_eq!(positions.key("steps"), spot(3, 3));
    assert_eq!(positions.value("steps"), spot(3, 12));
    assert_eq!(positions.value("steps[0]"), spot(4, 5));
    assert_eq!(positions.value("steps[0].breath.exhale"), spot(4, 55));
    assert_eq!(positions.key("steps[0].breath.exhale"), spot(4, 45));
    assert_eq!(positions.value("steps[1].hold[1][0]"), spot(5, 19));
    assert_eq!(positions.key("steps[1][\"x\\ny\"]"), spot(5, 24));
    assert!(positions.duplicates().is_empty());
}

#[test]
fn columns_count_characters_not_bytes() {
    let positions = Positions::scan("{\"ñé\": \"日本\", \"b\": 1}");
    assert_eq!(positions.value("[\"ñé\"]"), spot(1, 8));
    assert_eq!(positions.key("b"), spot(1, 14));
    assert_eq!(positions.value("b"), spot(1, 19));
}

#[test]
fn repeated_keys_are_reported_with_both_places() {
    let positions = Positions::scan("{\"a\": 1,\n \"b\": {\"c\": 1, \"\\u0063\": 2},\n \"a\": 3}");
    assert_eq!(
        positions.duplicates(),
        [
            Duplicate {
                object: "b".into(),
                key: "c".into(),
                at: Spot {
                    line: 2,
                    column: 16
                },
                first: Spot { line: 2, column: 8 },
            },
            Duplicate {
                object: "".into(),
                key: "a".into(),
                at: Spot { line: 3, column: 2 },
                first: Spot { line: 1, column: 2 },
            },
        ]
    );
    // Like serde_json, the last one counts.
    assert_eq!(positions.value("a"), spot(3, 7));
}

#[test]
fn paths_quote_keys_that_are_not_plain_words() {
    assert_eq!(member("", "steps"), "steps");
    assert_eq!(member("steps[0]", "hold_out"), "steps[0].hold_out");
    assert_eq!(member("steps[0]", "a b"), "steps[0][\"a b\"]");
    assert_eq!(member("", ""), "[\"\"]");
    assert_eq!(element("steps", 3), "steps[3]");
}

#[test]
fn broken_text_never_hangs_or_panics() {
    for text in [
        "",
        "{",
        "[",
        "\"",
        "\"\\",
        "{\"a\"",
        "{\"a\":",
        "}}]]",
        "[,,,]",
        "{:::}",
        "\u{e9}",
        "{\"a\" 1 2 3}",
        "[1 2 \"x]",
        "{{{{",
        "nul",
        "[\"\\\u{e9}\"]",
    ] {
        Positions::scan(text);
    }
    Positions::scan(&"[".repeat(100_000));
    Positions::scan(&"{\"a\":".repeat(100_000));
}
