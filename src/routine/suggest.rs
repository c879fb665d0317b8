//! "Did you mean …": the known names closest to a misspelt one.

/// Up to `limit` candidates close to `word`, closest first: a small edit distance (typos,
/// swapped letters, case), then names that contain it or that it contains.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let word_len = word.chars().count();
    let mut ranked: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let len = lower.chars().count();
            // One edit in three letters, rounded up: `hods` is two edits from `hold`.
            let allowed = len.div_ceil(3).max(1);
            // The length gap bounds the distance from below, which also spares a quadratic
            // comparison with a huge word.
            let distance = if word_len.abs_diff(len) <= allowed {
                strsim::damerau_levenshtein(&word, &lower)
            } else {
                usize::MAX
            };
            if distance <= allowed {
                Some((distance, candidate))
            } else if word_len >= 3 && len >= 3 && (lower.contains(&word) || word.contains(&lower))
            {
                Some((usize::MAX, candidate))
            } else {
                None
            }
        })
        .collect();
    ranked.sort();
    ranked.dedup_by(|a, b| a.1 == b.1);
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, name)| name)
        .collect()
}

/// `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
pub(crate) fn quoted_choice(names: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("\"{}\"", n.as_ref()))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: &[&str] = &[
        "name", "cue", "hold", "reps", "release", "breath", "cycles", "sides",
    ];

    #[test]
    fn typos_find_the_field() {
        assert_eq!(closest("cylces", STEP.iter().copied(), 1), ["cycles"]);
        assert_eq!(closest("Name", STEP.iter().copied(), 1), ["name"]);
        assert_eq!(closest("breathe", STEP.iter().copied(), 1), ["breath"]);
        assert_eq!(closest("side", STEP.iter().copied(), 1), ["sides"]);
        assert_eq!(closest("holdtime", STEP.iter().copied(), 1), ["hold"]);
    }

    #[test]
    fn unrelated_words_find_nothing() {
        assert!(closest("duration", STEP.iter().copied(), 3).is_empty());
        assert!(closest("x", STEP.iter().copied(), 3).is_empty());
        assert!(closest("", STEP.iter().copied(), 3).is_empty());
    }

    #[test]
    fn routine_names_rank_typos_before_partial_matches() {
        let names = [
            "morning-back",
            "desk-break",
            "lifter-back",
            "belly-breathing",
        ];
        assert_eq!(closest("mornin-back", names, 3), ["morning-back"]);
        assert_eq!(closest("back", names, 3), ["lifter-back", "morning-back"]);
    }

    #[test]
    fn choices_read_as_a_sentence() {
        assert_eq!(quoted_choice(&["a"]), "\"a\"");
        assert_eq!(quoted_choice(&["a", "b"]), "\"a\" or \"b\"");
        assert_eq!(quoted_choice(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
        assert_eq!(quoted_choice(&[] as &[&str]), "");
    }
}
