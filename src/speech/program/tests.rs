use super::*;
use crate::audio::synth::SAMPLE_RATE;

/// A WAV as espeak-ng writes it to a pipe: 22050 Hz, and a data length it never filled in.
fn streamed_wav(samples: &[i16]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let data_len: u32 = 0x7fff_ffff;
    bytes.extend(b"RIFF");
    bytes.extend(&data_len.wrapping_add(36).to_le_bytes());
    bytes.extend(b"WAVEfmt ");
    bytes.extend(&16u32.to_le_bytes());
    bytes.extend(&1u16.to_le_bytes());
    bytes.extend(&1u16.to_le_bytes());
    bytes.extend(&22_050u32.to_le_bytes());
    bytes.extend(&44_100u32.to_le_bytes());
    bytes.extend(&2u16.to_le_bytes());
    bytes.extend(&16u16.to_le_bytes());
    bytes.extend(b"data");
    bytes.extend(&data_len.to_le_bytes());
    for s in samples {
        bytes.extend(&s.to_le_bytes());
    }
    bytes
}

#[path = "../../../tests/common/script.rs"]
mod stand_in;
use stand_in::write_script;

fn script(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("speak");
    write_script(&path, body);
    path
}

#[test]
fn a_streamed_wav_is_read_to_its_end_at_our_rate() {
    let decoded = decode(&streamed_wav(&[0, 16384, 0, -16384])).expect("decode");
    assert_eq!(decoded.len(), 8, "22050 Hz doubled to {SAMPLE_RATE}");
    assert_eq!(decoded[2], 0.5);
    assert!(decode(b"not a wav").is_err());
}

#[test]
fn silence_is_trimmed_from_both_ends_and_the_rest_levelled_under_the_ceiling() {
    let mut samples = vec![0.0; 1000];
    samples.extend(std::iter::repeat_n(0.1, 500));
    samples.extend(vec![0.001; 1000]);
    let done = finish(&samples);
    assert_eq!(done.len(), 500);
    let peak = done.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
    assert!(f64::from(peak) <= level::PEAK + 1e-4, "{peak}");
    assert!(finish(&[0.0; 10]).is_empty());
}

#[test]
fn the_program_gets_the_text_on_its_input_and_the_settings_as_options() {
    let dir = tempfile::tempdir().expect("dir");
    let program = Program {
        voice: Some("en-gb".into()),
        rate: Some(160),
        ..Program::at(PathBuf::from("espeak-ng"))
    };
    assert_eq!(program.args(), ["--stdout", "-v", "en-gb", "-s", "160"]);
    // The stand-in answers with its arguments and input as the length of a WAV.
    let wav = dir.path().join("out.wav");
    std::fs::write(&wav, streamed_wav(&[8000; 2205])).expect("write");
    let log = dir.path().join("log");
    let path = script(
        dir.path(),
        &format!(
            "echo \"$@\" > {log}; cat >> {log}; cat {wav}",
            log = log.display(),
            wav = wav.display()
        ),
    );
    let program = Program { path, ..program };
    let samples = program.render("-v Rest.").expect("render");
    assert_eq!(samples.len(), 4410);
    let log = std::fs::read_to_string(log).expect("log");
    assert_eq!(log, "--stdout -v en-gb -s 160\n-v Rest.");
}

#[test]
fn a_hanging_program_is_stopped_at_the_time_limit() {
    let dir = tempfile::tempdir().expect("dir");
    let program = Program {
        limit: Duration::from_millis(300),
        ..Program::at(script(dir.path(), "exec sleep 30"))
    };
    let started = std::time::Instant::now();
    let error = program.render("Rest.").unwrap_err();
    assert!(error.contains("longer than"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_failing_or_missing_program_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("dir");
    let failing = Program::at(script(dir.path(), "echo oops >&2; exit 3"));
    assert!(failing.render("Rest.").unwrap_err().contains("failed"));
    let missing = Program::at(dir.path().join("nowhere"));
    assert!(
        missing
            .render("Rest.")
            .unwrap_err()
            .contains("cannot start")
    );
}

#[test]
fn the_program_is_found_on_the_path_or_by_its_path() {
    let dir = tempfile::tempdir().expect("dir");
    let path = script(dir.path(), "true");
    let found = locate(Path::new("speak"), Some(dir.path().as_os_str().into()));
    assert_eq!(found.as_deref(), Some(path.as_path()));
    assert_eq!(locate(&path, None).as_deref(), Some(path.as_path()));
    assert_eq!(locate(Path::new("speak"), Some("/nowhere".into())), None);
    assert_eq!(
        locate(Path::new(""), Some(dir.path().as_os_str().into())),
        None
    );
}

#[test]
fn the_estimate_grows_with_the_text_and_shrinks_with_the_rate() {
    let rest = estimate("Rest.", None);
    assert!(rest > Duration::from_millis(250) && rest < Duration::from_millis(500));
    assert!(estimate("Rest. Next, cat-cow.", None) > rest);
    assert!(estimate("Rest.", Some(350)) < rest);
}

#[test]
fn a_voice_the_program_fails_on_and_speaks_without_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    // Like espeak-ng: exit 1 for a voice it does not have.
    let picky = script(
        dir.path(),
        "case \"$*\" in *nosuch*) echo 'no such voice' >&2; exit 1;; esac; cat >/dev/null",
    );
    let with = |voice: Option<&str>| Program {
        voice: voice.map(str::to_string),
        ..Program::at(picky.clone())
    };
    assert!(with(Some("nosuch")).refuses_voice());
    assert!(!with(Some("en-gb")).refuses_voice());
    assert!(!with(None).refuses_voice());
}

#[test]
fn a_program_that_fails_or_hangs_whatever_the_voice_is_not_blamed_on_the_voice() {
    let dir = tempfile::tempdir().expect("dir");
    let broken = Program {
        voice: Some("en-gb".into()),
        ..Program::at(script(dir.path(), "exit 3"))
    };
    assert!(!broken.refuses_voice());
    let hanging = Program {
        voice: Some("en-gb".into()),
        limit: Duration::from_millis(200),
        ..Program::at(dir.path().join("hang"))
    };
    write_script(&hanging.path, "exec sleep 30");
    let started = std::time::Instant::now();
    assert!(!hanging.refuses_voice());
    assert!(started.elapsed() < Duration::from_secs(5));
}
