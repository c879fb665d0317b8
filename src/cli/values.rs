//! Option values read from the command line, with errors that say what the option takes.

/// `--volume`: a whole percentage.
pub fn percent(text: &str) -> Result<u8, String> {
    whole_in(text, 0, 100)
        .ok_or_else(|| "takes a whole number from 0 to 100 (percent), e.g. 60".into())
}

/// `--before`: a stiffness rating.
pub fn rating(text: &str) -> Result<u8, String> {
    whole_in(text, 0, 10)
        .ok_or_else(|| "takes a whole number from 0 (not stiff) to 10 (as stiff as it gets)".into())
}

/// `--speed`: how many times faster than real time the clock runs.
pub fn speed(text: &str) -> Result<f64, String> {
    let out_of_range = || {
        "takes a number from 0.01 to 1000: how many times faster than real time, e.g. 10"
            .to_string()
    };
    let speed: f64 = text.trim().parse().map_err(|_| out_of_range())?;
    if speed.is_finite() && (0.01..=1000.0).contains(&speed) {
        Ok(speed)
    } else {
        Err(out_of_range())
    }
}

fn whole_in(text: &str, low: u8, high: u8) -> Option<u8> {
    let value: u8 = text.trim().parse().ok()?;
    (low..=high).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_whole_numbers_from_0_to_100() {
        assert_eq!(percent("0"), Ok(0));
        assert_eq!(percent("100"), Ok(100));
        assert_eq!(percent(" 60 "), Ok(60));
        for bad in ["101", "150", "-1", "loud", "60%", "6.5", "", "300"] {
            assert!(percent(bad).unwrap_err().contains("0 to 100"), "{bad}");
        }
    }

    #[test]
    fn ratings_are_whole_numbers_from_0_to_10() {
        assert_eq!(rating("7"), Ok(7));
        for bad in ["11", "-1", "stiff", "2.5"] {
            assert!(rating(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn speeds_range_from_a_hundredth_to_a_thousand() {
        assert_eq!(speed("0.01"), Ok(0.01));
        assert_eq!(speed("1000"), Ok(1000.0));
        for bad in ["0", "1001", "fast", "inf", "NaN", "-2"] {
            assert!(speed(bad).unwrap_err().contains("0.01 to 1000"), "{bad}");
        }
    }
}
