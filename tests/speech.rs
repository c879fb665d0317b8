//! Spoken guidance through the real binary and the library: a stand-in speech program (a
//! script that answers every phrase with the same WAV of known length, named by
//! `SUPPLE_SPEECH_PROGRAM`), the `say` events, the export's speech, and the real espeak-ng
//! when it is installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use supple::audio::render::sample_at;
use supple::audio::{Cue, Sounds, track};
use supple::config::Voice;
use supple::routine::Routine;
use supple::routine::library;
use supple::session::Plan;
use supple::speech::place::{self, GAP, Schedule};
use supple::speech::program::{self, Program};

use common::steered::Steered;

const SHORT: &str = "tests/fixtures/e2e/speech.json";

/// The stand-in answers every phrase with this much speech.
const PHRASE: f64 = 0.4;

/// A folder for one test: isolated settings and cache, and the stand-in program.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: tempfile::tempdir().expect("dir"),
        };
        let wav = home.path("phrase.wav");
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: 22_050,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut writer = hound::WavWriter::create(&wav, spec).expect("wav");
        for i in 0..(PHRASE * 22_050.0) as usize {
            let sample = (i as f64 * 0.07).sin() * 8000.0;
            writer.write_sample(sample as i16).expect("sample");
        }
        writer.finalize().expect("finalize");
        let script = home.path("speak");
        common::script::write_script(
            &script,
            &format!(
                "echo \"$@\" >> {log}\ncat >> {log}\necho >> {log}\ncat {wav}",
                log = home.path("said.log").display(),
                wav = wav.display()
            ),
        );
        // Already shown today: the safety note is not part of what these tests read.
        supple::ui::safety::Store::new(Some(home.path("state").join("supple")))
            .mark_shown(&supple::ui::safety::today());
        home
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn supple(&self, program: Option<&Path>) -> Command {
        let mut command = common::supple_in(self.dir.path());
        let program = program.map_or_else(|| self.path("speak"), Path::to_path_buf);
        command.env(program::ENV, program);
        command
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        common::finish(self.supple(None).args(args))
    }

    /// Renders every phrase (an export does, at once), so that runs find them all in the
    /// cache and choose their words by the rendered lengths from the start.
    fn warm(&self) {
        let (code, _, err) = self.run(&[
            "export-audio",
            SHORT,
            self.path("warm.wav").to_str().expect("path"),
            "--voice",
            "full",
        ]);
        assert_eq!(code, 0, "{err}");
    }

    fn says(&self, args: &[&str]) -> Vec<(f64, String)> {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|line| serde_json::from_str::<Value>(line).expect("json"))
            .filter(|e| e["event"] == "say")
            .map(|e| {
                (
                    e["t"].as_f64().expect("t"),
                    e["text"].as_str().expect("text").into(),
                )
            })
            .collect()
    }
}

fn said(says: &[(f64, String)]) -> Vec<(f64, &str)> {
    says.iter().map(|(t, text)| (*t, text.as_str())).collect()
}

#[test]
fn names_are_said_at_their_moments_and_written_as_say_events() {
    let home = Home::new();
    home.warm();
    let says = home.says(&["run", SHORT, "--json", "--voice", "names", "--speed", "20"]);
    assert_eq!(
        said(&says),
        [
            (0.0, "Speech test. First, reach. Left."),
            // After the switch bell (0.98 s) and a gap: the 5 s hold has even less room.
            (11.13, "Right."),
            (21.65, "Rest. Next, belly breathing."),
            (26.0, "Belly breathing."),
            // The breathing tones ring 1.3 s and 1.5 s first.
            (32.45, "Breathe in."),
            (36.65, "Breathe out."),
            // After the finished chime (2.46 s).
            (43.61, "That's the routine. Well done."),
        ]
    );
}

#[test]
fn voice_off_says_nothing_and_full_adds_each_steps_cue() {
    let home = Home::new();
    home.warm();
    let off = home.says(&["run", SHORT, "--json", "--voice", "off", "--speed", "20"]);
    assert!(off.is_empty(), "{off:?}");
    let full = home.says(&["run", SHORT, "--json", "--voice", "full", "--speed", "20"]);
    let names = home.says(&["run", SHORT, "--json", "--voice", "names", "--speed", "20"]);
    assert_eq!(full.len(), names.len() + 1);
    assert!(
        full.contains(&(6.35, "Reach up tall.".to_string())),
        "{full:?}"
    );
    assert!(
        full.contains(&(32.45, "Breathe in. Let your belly rise.".to_string())),
        "{full:?}"
    );
}

#[test]
fn with_no_speech_program_the_say_events_stay_and_plain_says_why_once() {
    let home = Home::new();
    let nowhere = home.path("nowhere");
    let out = home
        .supple(Some(&nowhere))
        .args(["run", SHORT, "--json", "--voice", "names", "--speed", "50"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .lines()
            .all(|l| serde_json::from_str::<Value>(l).is_ok())
    );
    // Chosen by the estimated lengths: the routine's title does not fit the first prepare.
    let says: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|e| e["event"] == "say")
        .collect();
    assert_eq!(says.len(), 7, "{says:?}");
    assert_eq!(says[0]["text"], "Reach. Left.");
    let plain = home
        .supple(Some(&nowhere))
        // Muted, so that no sound device (this machine's case) is not what the notice says.
        .args([
            "run", SHORT, "--plain", "--mute", "--voice", "names", "--speed", "50",
        ])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&plain.stderr);
    assert_eq!(err.matches("espeak-ng").count(), 1, "{err}");
    assert!(plain.status.success());
}

#[test]
fn an_unknown_speech_voice_is_said_once_and_the_default_voice_speaks_instead() {
    let home = Home::new();
    // Like espeak-ng, the stand-in fails on a voice it does not have.
    let picky = home.path("picky");
    common::script::write_script(
        &picky,
        &format!(
            "case \"$*\" in *nosuch*) echo 'Error: no such voice' >&2; exit 1;; esac\n\
             exec {} \"$@\"",
            home.path("speak").display()
        ),
    );
    let config = home.path("config").join("supple");
    std::fs::create_dir_all(&config).expect("dir");
    // A voice name with a control sequence in it: it must not reach the terminal as one.
    std::fs::write(
        config.join("config.json"),
        r#"{"speech_voice": "nosuch\u001b[2J"}"#,
    )
    .expect("settings");
    let out = home
        .supple(Some(&picky))
        .args(["run", SHORT, "--json", "--speed", "20"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("speech_voice").count(), 1, "{err}");
    let file = config.join("config.json");
    assert!(
        err.contains(&format!("in {} is not a voice picky has", file.display())),
        "{err}"
    );
    assert!(err.contains("`picky --voices`"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("\"say\"").count(), 7, "{stdout}");
    // The phrases were rendered in the program's own voice, not asked for in the unknown one.
    let log = std::fs::read_to_string(home.path("said.log")).expect("rendered");
    assert!(log.contains("--stdout\nRight.\n"), "{log}");
    assert!(!log.contains("nosuch"), "{log}");
    // And a plain run says it once on standard error too.
    let plain = home
        .supple(Some(&picky))
        .args(["run", SHORT, "--plain", "--mute", "--speed", "50"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&plain.stderr);
    assert_eq!(err.matches("speech_voice").count(), 1, "{err}");
}

#[test]
fn a_break_speaks_as_the_same_routine_does_under_run() {
    let home = Home::new();
    home.warm();
    let config = home.path("config").join("supple");
    std::fs::create_dir_all(&config).expect("dir");
    std::fs::write(config.join("config.json"), r#"{"voice": "full"}"#).expect("settings");
    let run = home.says(&["run", SHORT, "--json", "--speed", "60"]);
    assert_eq!(run.len(), 8, "{run:?}");
    // A day at speed 60: the break is due after a second.
    let mut day = Steered::start(
        home.supple(None)
            .args([
                "breaks",
                "--every",
                "1m",
                "--routine",
                SHORT,
                "--json",
                "--speed",
                "60",
            ])
            .stderr(std::process::Stdio::null()),
    );
    let countdown = day.through("due");
    day.send("start");
    let events = day.through("waiting");
    assert!(day.quit().success());
    // The countdown says nothing; the break says what the run says, when it says it.
    assert!(countdown.iter().all(|e| e["event"] != "say"));
    let says: Vec<(f64, String)> = events
        .iter()
        .filter(|e| e["event"] == "say")
        .map(|e| {
            (
                e["t"].as_f64().expect("t"),
                e["text"].as_str().expect("text").into(),
            )
        })
        .collect();
    assert_eq!(says, run);
}

#[test]
fn the_settings_voice_is_the_default_and_mute_alone_says_nothing() {
    let home = Home::new();
    let config = home.path("config").join("supple");
    std::fs::create_dir_all(&config).expect("dir");
    std::fs::write(config.join("config.json"), r#"{"voice": "off"}"#).expect("settings");
    assert!(
        home.says(&["run", SHORT, "--json", "--speed", "50"])
            .is_empty()
    );
    std::fs::remove_file(config.join("config.json")).expect("rm");
    assert_eq!(
        home.says(&["run", SHORT, "--json", "--speed", "50"]).len(),
        7
    );
    assert!(
        home.says(&["run", SHORT, "--json", "--mute", "--speed", "50"])
            .is_empty()
    );
}

#[test]
fn the_export_speaks_each_phrase_where_the_player_says_it() {
    let home = Home::new();
    let wav = home.path("guide.wav");
    let (code, out, err) = home.run(&[
        "export-audio",
        SHORT,
        wav.to_str().expect("path"),
        "--voice",
        "names",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Wrote ") && out.contains("of audio"),
        "{out}"
    );
    let samples: Vec<i16> = hound::WavReader::open(&wav)
        .expect("wav")
        .into_samples()
        .map(|s| s.expect("sample"))
        .collect();
    let says = home.says(&["run", SHORT, "--json", "--voice", "names", "--speed", "20"]);
    for (t, text) in &says {
        let at = sample_at(Duration::from_secs_f64(*t)) as usize;
        // Silence just before (the cue has rung out), the stand-in's tone from its moment.
        if at > 200 {
            let before = &samples[at - 200..at - 10];
            assert!(
                before.iter().all(|s| s.abs() < 50),
                "{text} at {t}: not quiet before"
            );
        }
        let spoken = &samples[at + 300..at + 4410];
        assert!(
            spoken.iter().any(|s| s.abs() > 2000),
            "{text} at {t}: not heard"
        );
    }
    // Each phrase rendered once, with the text on the program's input.
    let log = std::fs::read_to_string(home.path("said.log")).expect("log");
    assert!(log.contains("--stdout\nRight.\n"), "{log}");
}

/// Every valid built-in routine with its plan and its speech placed among the built-in cues.
fn built_in_schedules() -> Vec<(String, Routine, Plan, Schedule)> {
    let sounds = Sounds::builtin();
    (library::all().into_iter())
        .filter_map(|entry| {
            let routine = entry.routine.ok()?;
            let plan = Plan::new(&routine);
            let schedule = place::schedule(&plan, |cue| sounds.len(cue));
            Some((entry.name, routine, plan, schedule))
        })
        .collect()
}

#[test]
fn no_phrase_of_any_built_in_routine_overlaps_a_cue() {
    let sounds = Sounds::builtin();
    for (name, _, plan, schedule) in built_in_schedules() {
        let track = track(&plan);
        let spans: Vec<(Duration, Duration)> = track
            .iter()
            .enumerate()
            .map(|(i, (at, cue))| {
                let end =
                    (*at + sounds.len(*cue)).min(track.get(i + 1).map_or(Duration::MAX, |n| n.0));
                (*at, end)
            })
            .collect();
        for voice in [Voice::Names, Voice::Full] {
            for rate in [None, Some(140)] {
                let len = |text: &str| program::estimate(text, rate);
                let spoken = schedule.spoken(voice, len);
                assert!(!spoken.is_empty(), "{}: nothing said", name);
                for (at, text) in &spoken {
                    let end = *at + len(text);
                    for (start, stop) in &spans {
                        assert!(
                            end + GAP <= *start || *at >= *stop + GAP,
                            "{}: {text:?} at {at:?}..{end:?} overlaps a cue at {start:?}..{stop:?}",
                            name
                        );
                    }
                }
                assert!(
                    spoken
                        .windows(2)
                        .all(|w| w[0].0 + len(&w[0].1) + GAP <= w[1].0),
                    "{}: phrases overlap each other",
                    name
                );
            }
        }
    }
}

#[test]
fn every_built_in_routine_names_each_of_its_steps() {
    for (routine_name, routine, _, schedule) in built_in_schedules() {
        let spoken = schedule.spoken(Voice::Names, |text| program::estimate(text, None));
        for step in &routine.steps {
            let name = step.name.to_lowercase();
            assert!(
                spoken
                    .iter()
                    .any(|(_, text)| text.to_lowercase().contains(&name)),
                "{}: {:?} is never said in {spoken:?}",
                routine_name,
                step.name
            );
        }
    }
}

#[test]
fn the_real_espeak_ng_renders_phrases_that_fit_under_the_ceiling() {
    let Some(espeak) = ["/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
    else {
        println!("skipped: espeak-ng is not installed (.ci/setup installs it)");
        return;
    };
    let program = Program::at(espeak);
    let samples = program.render("Knee to chest. Right leg.").expect("render");
    let len = program::duration(&samples);
    assert!(
        len > Duration::from_millis(800) && len < Duration::from_secs(3),
        "{len:?}"
    );
    let peak = samples.iter().fold(0.0_f32, |m, s| m.max(s.abs()));
    assert!(
        f64::from(peak) <= supple::audio::level::PEAK + 1e-3,
        "{peak}"
    );
    // The estimate the schedule uses before rendering is not far off.
    let estimate = program::estimate("Knee to chest. Right leg.", None);
    assert!(
        estimate.abs_diff(len) < Duration::from_millis(600),
        "{estimate:?} vs {len:?}"
    );
    // A voice it does not have is told apart from one it has, in a few milliseconds.
    let with = |voice: &str| Program {
        voice: Some(voice.into()),
        ..program.clone()
    };
    assert!(with("nosuch").refuses_voice());
    assert!(!with("en-gb").refuses_voice());
    // And the whole short routine through the binary, with the real program.
    let home = Home::new();
    let out = home
        .supple(Some(&program.path))
        .args([
            "export-audio",
            SHORT,
            home.path("real.flac").to_str().expect("p"),
        ])
        .output()
        .expect("runs");
    common::succeeded(&out);
    assert!(
        std::fs::read_dir(home.path("cache").join("supple/speech"))
            .expect("cache")
            .count()
            >= 7
    );
}

#[test]
fn the_flac_export_holds_exactly_the_wav_exports_samples() {
    let home = Home::new();
    let (wav, flac) = (home.path("guide.wav"), home.path("guide.flac"));
    for file in [&wav, &flac] {
        let (code, _, err) = home.run(&["export-audio", SHORT, file.to_str().expect("path")]);
        assert_eq!(code, 0, "{err}");
    }
    let from_wav: Vec<i32> = hound::WavReader::open(&wav)
        .expect("wav")
        .into_samples::<i16>()
        .map(|s| i32::from(s.expect("sample")))
        .collect();
    let mut reader = claxon::FlacReader::open(&flac).expect("flac");
    assert_eq!(reader.streaminfo().sample_rate, 44_100);
    assert_eq!(reader.streaminfo().channels, 1);
    assert_eq!(reader.streaminfo().bits_per_sample, 16);
    let from_flac: Vec<i32> = reader.samples().map(|s| s.expect("sample")).collect();
    assert_eq!(from_flac.len(), from_wav.len());
    assert!(from_flac == from_wav, "the samples differ");
    let (wav_size, flac_size) = (
        std::fs::metadata(&wav).expect("wav").len(),
        std::fs::metadata(&flac).expect("flac").len(),
    );
    assert!(flac_size * 4 < wav_size, "{flac_size} vs {wav_size}");
}

#[test]
fn an_unknown_extension_is_refused_before_anything_is_written() {
    let home = Home::new();
    let target = home.path("guide.mp3");
    let (code, _, err) = home.run(&["export-audio", SHORT, target.to_str().expect("p")]);
    assert_eq!(code, 2);
    assert!(err.contains(".wav or .flac"), "{err}");
    assert!(!target.exists());
}

#[test]
fn ctrl_c_during_an_export_leaves_no_file_at_all() {
    let home = Home::new();
    let out_dir = home.path("out");
    std::fs::create_dir(&out_dir).expect("dir");
    for (signal, name) in [(libc::SIGINT, "guide.flac"), (libc::SIGTERM, "guide.wav")] {
        let target = out_dir.join(name);
        let child = home
            .supple(None)
            .args([
                "export-audio",
                "morning-back",
                target.to_str().expect("p"),
                "--voice",
                "off",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Wait (briefly, by polling the folder) until the temporary file is being written.
        let started = std::time::Instant::now();
        while std::fs::read_dir(&out_dir).expect("dir").count() == 0 {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let pid = i32::try_from(child.id()).expect("pid");
        // SAFETY: kill(2) on the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let out = child.wait_with_output().expect("exit");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("interrupted: nothing was written"), "{err}");
        let left: Vec<_> = std::fs::read_dir(&out_dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

#[test]
fn cues_keep_their_moments_whatever_is_placed_among_them() {
    // Speech never moves a cue: the cue track is the same with every voice level.
    let plan = Plan::new(
        &library::find("morning-back")
            .expect("built in")
            .routine
            .expect("valid"),
    );
    let before = track(&plan);
    let sounds = Sounds::builtin();
    let _ = place::schedule(&plan, |cue: Cue| sounds.len(cue));
    assert_eq!(track(&plan), before);
}

#[test]
fn a_hanging_speech_program_never_holds_up_the_routine() {
    let home = Home::new();
    let hanging = home.path("hang");
    common::script::write_script(&hanging, "exec sleep 3");
    let started = std::time::Instant::now();
    let out = home
        .supple(Some(&hanging))
        .args(["run", SHORT, "--json", "--voice", "names", "--speed", "50"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    // 45 s at speed 50 is under a second, and the chime rings out after; the program's
    // time limit (5 s) is never waited for.
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("\"say\"").count(), 7, "{stdout}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
