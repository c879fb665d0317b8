use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn breathing_in_fills_exactly_over_the_phase() {
    assert!(close(level(PhaseKind::Inhale, 0.0).unwrap(), 0.0));
    assert!(close(level(PhaseKind::Inhale, 0.5).unwrap(), 0.5));
    assert!(close(level(PhaseKind::Inhale, 1.0).unwrap(), 1.0));
    let quarter = level(PhaseKind::Inhale, 0.25).unwrap();
    assert!(quarter > 0.0 && quarter < 0.25, "eases in: {quarter}");
}

#[test]
fn breathing_out_empties_and_holds_stay_still() {
    assert!(close(level(PhaseKind::Exhale, 0.0).unwrap(), 1.0));
    assert!(close(level(PhaseKind::Exhale, 1.0).unwrap(), 0.0));
    assert_eq!(level(PhaseKind::HoldIn, 0.3), Some(1.0));
    assert_eq!(level(PhaseKind::HoldOut, 0.7), Some(0.0));
    assert_eq!(level(PhaseKind::Hold, 0.5), None);
    assert!(moves(PhaseKind::Inhale) && !moves(PhaseKind::HoldIn));
}

#[test]
fn the_disc_grows_with_the_level() {
    let sizes: Vec<u32> = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(lit_16x8)
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    assert!(sizes[0] > 0, "never quite empty");
}

#[test]
fn a_full_disc_is_round_and_fills_its_square() {
    assert_eq!(
        disc(1.0, 8, 4),
        vec![
            " ▄████▄ ", //
            "▟██████▙",
            "▜██████▛",
            " ▀████▀ ",
        ]
    );
}

#[test]
fn the_bar_grows_from_the_middle_by_half_cells() {
    assert_eq!(bar(0.0, 6), "  ▐▌  ");
    assert_eq!(bar(0.5, 6), " ▐██▌ ");
    assert_eq!(bar(1.0, 6), "██████");
}

#[test]
fn frames_fall_on_fixed_instants_of_the_phase() {
    let ms = Duration::from_millis;
    assert_eq!(frame_at_or_after(ms(0), ms(0)), FRAME);
    assert_eq!(frame_at_or_after(ms(10), ms(0)), FRAME);
    assert_eq!(frame_at_or_after(ms(101), ms(0)), ms(150));
    assert_eq!(frame_at_or_after(ms(100), ms(100)), ms(150), "never now");
}

/// Samples a moving phase finely and checks that `next_change` names exactly the
/// moments the picture changes.
fn check_changes(kind: PhaseKind, form: Form) -> usize {
    let steps = 200;
    let shape_at = |ratio: f64| form.shape(level(kind, ratio).unwrap());
    let mut ratio = 0.0;
    let mut changes = 0;
    while let Some(next) = next_change(kind, ratio, form) {
        assert!(next >= ratio, "{kind:?} {form:?}: {next} after {ratio}");
        let before = shape_at(ratio);
        // Unchanged until just before `next`, changed just after it.
        for i in 1..steps {
            let probe = ratio + (next - ratio) * f64::from(i) / f64::from(steps) * 0.999;
            assert_eq!(shape_at(probe), before, "{kind:?} {form:?} at {probe}");
        }
        let after = (next + 1e-9).min(1.0);
        assert_ne!(shape_at(after), before, "{kind:?} {form:?} at {next}");
        ratio = after;
        changes += 1;
        assert!(changes < 10_000);
    }
    assert_eq!(
        shape_at(ratio),
        shape_at(1.0),
        "no change left after {ratio}"
    );
    changes
}

#[test]
fn the_next_change_of_the_picture_is_found_exactly() {
    for form in [
        Form::Disc {
            width: 26,
            height: 13,
        },
        Form::Disc {
            width: 8,
            height: 4,
        },
        Form::Bar { width: 20 },
    ] {
        for kind in [PhaseKind::Inhale, PhaseKind::Exhale] {
            assert!(check_changes(kind, form) > 3, "{kind:?} {form:?}");
        }
    }
    assert_eq!(
        next_change(PhaseKind::HoldIn, 0.5, Form::Bar { width: 9 }),
        None
    );
}

#[test]
fn the_shape_number_follows_the_picture() {
    let form = Form::Disc {
        width: 16,
        height: 8,
    };
    for level in [0.0, 0.3, 0.77, 1.0] {
        assert_eq!(form.shape(level), lit_16x8(level));
    }
    assert_eq!(Form::Bar { width: 6 }.shape(0.5), 3);
}

/// Quadrants lit in a 16×8 disc at `level`, counted from its glyphs.
fn lit_16x8(level: f64) -> u32 {
    disc(level, 16, 8)
        .iter()
        .flat_map(|row| row.chars())
        .map(quadrants_lit)
        .sum()
}

/// How many quadrants of a cell a glyph lights.
fn quadrants_lit(glyph: char) -> u32 {
    match glyph {
        '█' => 4,
        '▛' | '▜' | '▙' | '▟' => 3,
        '▀' | '▄' | '▌' | '▐' | '▚' | '▞' => 2,
        '▘' | '▝' | '▖' | '▗' => 1,
        _ => 0,
    }
}

/// Lit quadrants in each quadrant row of a disc picture, top to bottom.
fn quadrant_rows(rows: &[String]) -> Vec<u32> {
    let bits = |glyph: char| QUADRANTS.iter().position(|&q| q == glyph).unwrap_or(0);
    rows.iter()
        .flat_map(|row| {
            let upper = row.chars().map(|g| (bits(g) >> 2).count_ones()).sum();
            let lower = row.chars().map(|g| (bits(g) & 3).count_ones()).sum();
            [upper, lower]
        })
        .collect()
}

#[test]
fn the_disc_has_no_bump_at_its_top_or_bottom() {
    // A bump: the outermost row of the disc a sliver on top of a much wider one.
    for (width, height) in [(26, 13), (40, 20), (16, 8), (90, 45)] {
        for step in 0..=200 {
            let level = f64::from(step) / 200.0;
            let rows = quadrant_rows(&disc(level, width, height));
            let lit: Vec<u32> = rows.into_iter().filter(|&n| n > 0).collect();
            let (top, bottom) = (lit[0], lit[lit.len() - 1]);
            assert_eq!(top, bottom, "symmetric at {level}");
            if let Some(&inner) = lit.get(1).filter(|_| lit.len() > 2) {
                assert!(
                    f64::from(top) >= 0.3 * f64::from(inner),
                    "{width}x{height} at {level}: a row of {top} on a row of {inner}"
                );
            }
        }
    }
}
