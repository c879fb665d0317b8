//! The long help texts (`--help`): what a person needs to know without the README.

/// `supple --help`, after the list of commands.
pub const MAIN: &str = "\
Examples:
  supple                       pick a routine full screen
  supple list                  every routine, its length and where it comes from
  supple show desk-break       a routine's steps, before you start
  supple run desk-break        play it (keys: `supple run --help`)
  supple new my-back           write your own routine, then `supple edit my-back`

Where your files live (XDG_CONFIG_HOME defaults to ~/.config, XDG_DATA_HOME to ~/.local/share):
  your routines    $XDG_CONFIG_HOME/supple/routines/NAME.json, played as `supple run NAME`;
                   one named like a built-in routine is played instead of it
  settings         $XDG_CONFIG_HOME/supple/config.json: mute, volume, voice, speech_voice,
                   speech_rate, log, ask_stiffness, break_every, break_routine (all optional;
                   a field supple cannot read is reported and left at its default)
  cue sounds       $XDG_CONFIG_HOME/supple/sounds/ (WAV files that replace the built-in tones)
  history          $XDG_DATA_HOME/supple/history.jsonl (one line per session)

When standard output is not a terminal, `supple` lists the routines and `supple run` prints
plain lines (as with --plain).

Exit status: 0 when a command did its job (a routine finished or you quit it); 2 for a mistake
on the command line or an unknown or invalid routine, with a message saying why; 1 for
anything else (a file that cannot be written, say).";

/// `supple run --help`, after the options.
pub const RUN: &str = "\
Keys in the full-screen player:
  Space            pause / resume (while paused, no countdown moves)
  n or Right       skip to the next step
  b or Left        back: restart this step, or go to the previous one in its first 3 seconds
  + / -            add / take away 10 seconds on the countdown now running
  m                mute / unmute
  ?                show / hide the keys
  q, Esc, Ctrl-C   quit

When standard output is not a terminal (a pipe, a file, a log), run prints plain lines as with
--plain, unless --json is given.

With --plain or --json, standard input is read one command a line: pause, resume, next, back,
quit, each doing what its key does. The end of the input changes nothing: the routine runs on.

--json prints one JSON object a line, as each event happens: start, phase, pause, resume, skip,
back, done, quit (and say, for spoken guidance). Each has \"event\" (its kind) and \"t\" (seconds
of routine time, pauses left out).

Ranges: --speed 0.01 to 1000 (1 is real time, 10 previews ten times faster); --volume 0 to 100;
--before 0 to 10.

Exit status: 0 when the routine finished or you quit it; 2 for a mistake on the command line or
an unknown or invalid routine; 1 for anything else.";

/// `supple new --help`.
pub const NEW: &str = "\
Without --from, the new routine is a template with one step of each kind: a hold with sides,
a hold repeated with a release between reps, a breathing step and a rest, each with a cue.
Change it to your moves, keep what you need, and play it:

  supple new back-sheet          prints the new file's path
  supple edit back-sheet         opens it in your editor and checks it when you save
  supple run back-sheet

The file's \"$schema\" line lets editors that know JSON Schema (VS Code, JetBrains, Helix,
Neovim with a JSON language server) complete and check fields as you type; supple keeps the
schema beside your routine folder. `supple schema` prints it.

An existing routine is never overwritten. The name becomes the file name, so it cannot hold
a / or \\ or start with a dot.";

/// `supple edit --help`.
pub const EDIT: &str = "\
The editor is $VISUAL, else $EDITOR, else nano, else vi. It may have arguments. A graphical
editor must be told to wait until the file is closed, or supple checks the file before you
have written anything:
  VISUAL=\"code --wait\"   VISUAL=\"subl --wait\"   VISUAL=\"zed --wait\"   VISUAL=\"kate --block\"

You edit a copy. When the editor exits, supple checks it: a valid routine replaces the old
one. If it has problems, each is shown with its line and column, and supple asks:
  e  edit again (the default): back to the editor, with everything you typed
  k  keep it as it is, problems and all (`supple validate` shows them again)
  d  discard this edit: the routine stays as it was

A built-in routine is first copied to your routine folder; your copy is then played instead
of the built-in one (delete the file to get the built-in one back).";

/// `supple completions --help`.
pub const COMPLETIONS: &str = "\
Completes commands, options and routine names (the built-in ones and yours, looked up as you
press Tab). To install:
  bash   supple completions bash > ~/.local/share/bash-completion/completions/supple
  zsh    supple completions zsh > ~/.zfunc/_supple   (with fpath+=(~/.zfunc) before compinit)
  fish   supple completions fish > ~/.config/fish/completions/supple.fish";
