//! What supple gives the shell and the system: completion scripts, the man page, the schema.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, Failure};
use crate::routine::{library, schema};

/// A shell supple writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The commands whose first argument is a routine's name.
const ROUTINE_COMMANDS: &[&str] = &["run", "show", "edit", "export-audio"];

/// Options that take a routine's name, and their command: `new --from`, `breaks --routine`
/// (interface.md).
const ROUTINE_OPTIONS: &[(&str, &str)] = &[("new", "from"), ("breaks", "routine")];

/// Prints the completion script for `shell`: clap's for commands and options, and a few
/// lines that ask `supple routine-names` for the routine names as Tab is pressed, so that
/// routines added later complete too.
pub fn completions(shell: Shell, out: &mut impl Write) -> Result<(), Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(generator, &mut command, "supple", &mut script);
    let script = String::from_utf8_lossy(&script);
    let text = match shell {
        Shell::Bash => format!("{script}{}", bash_routines()),
        Shell::Zsh => zsh_with_routines(&script),
        Shell::Fish => format!("{script}{}", fish_routines()),
    };
    out.write_all(text.as_bytes())
        .map_err(anyhow::Error::from)?;
    Ok(())
}

fn bash_routines() -> String {
    let commands = ROUTINE_COMMANDS.join("|");
    let options: Vec<String> = (ROUTINE_OPTIONS.iter())
        .map(|(command, option)| {
            format!("[[ \"${{COMP_WORDS[1]}}\" == {command} && \"$prev\" == --{option} ]]")
        })
        .collect();
    let options = options.join(" \\\n        || ");
    format!(
        r#"
# Routine names, asked of supple itself as Tab is pressed (yours change, built-in ones too).
_supple_routines() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    if [[ $COMP_CWORD -eq 2 && "${{COMP_WORDS[1]}}" =~ ^({commands})$ && "$cur" != -* ]] \
        || {options}; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "$(supple routine-names 2>/dev/null)" -- "$cur"))
        COMPREPLY+=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
        return 0
    fi
    _supple "$@"
}}
if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _supple_routines -o nosort -o bashdefault -o default supple
else
    complete -F _supple_routines -o bashdefault -o default supple
fi
"#
    )
}

/// clap's zsh script gives routine arguments `_default` (files); they get routine names too.
fn zsh_with_routines(script: &str) -> String {
    let mut text = String::new();
    for line in script.lines() {
        let trimmed = line.trim_start();
        let is_routine = trimmed.starts_with("':routine -- ")
            || trimmed.starts_with("':name -- The routine")
            || line.contains(":ROUTINE:_default'");
        if is_routine && line.contains(":_default'") {
            text.push_str(&line.replace(":_default'", ":_supple_routines'"));
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }
    let helper = r#"
(( $+functions[_supple_routines] )) ||
_supple_routines() {
    local -a names
    names=(${(f)"$(supple routine-names 2>/dev/null)"})
    _alternative 'routines:routine:compadd -a names' 'files:routine file:_files -g "*.json"'
}
"#;
    // The helper must exist before `compdef`/the first call at the end of clap's script.
    match text.rfind("if [ \"$funcstack[1]\" = \"_supple\" ]") {
        Some(at) => text.insert_str(at, helper.trim_start()),
        None => text.push_str(helper),
    }
    text
}

fn fish_routines() -> String {
    let names = "(supple routine-names 2>/dev/null)";
    let mut text = format!(
        "\n# Routine names, asked of supple itself as Tab is pressed.\n\
         complete -c supple -n \"__fish_seen_subcommand_from {}\" -a \"{names}\"\n",
        ROUTINE_COMMANDS.join(" ")
    );
    for (command, option) in ROUTINE_OPTIONS {
        text.push_str(&format!(
            "complete -c supple -n \"__fish_seen_subcommand_from {command}\" -l {option} -r -f \
             -a \"{names}\"\n"
        ));
    }
    text
}

/// Prints the man page (roff), made from the same definitions as `--help`: the program's
/// page, then a section per command with its options and long help (the player's keys are
/// in `run`'s), so that one page holds everything.
pub fn man(out: &mut impl Write) -> Result<(), Failure> {
    let mut command = Cli::command();
    command.build();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .map_err(anyhow::Error::from)?;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let name = format!("supple {}", sub.get_name());
        let man = clap_mangen::Man::new(sub.clone().display_name(&name).bin_name(&name));
        let mut section = Vec::new();
        man.render_synopsis_section(&mut section)
            .and_then(|()| man.render_description_section(&mut section))
            .and_then(|()| man.render_options_section(&mut section))
            .map_err(anyhow::Error::from)?;
        if sub.get_after_long_help().is_some() {
            man.render_extra_section(&mut section)
                .map_err(anyhow::Error::from)?;
        }
        let section = String::from_utf8_lossy(&section);
        // The command's own headings become subsections of its section.
        writeln!(page, ".SH \"{}\"", name.to_uppercase()).map_err(anyhow::Error::from)?;
        for line in section.lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(page, ".SS {heading}"),
                None => writeln!(page, "{line}"),
            }
            .map_err(anyhow::Error::from)?;
        }
    }
    out.write_all(&page).map_err(anyhow::Error::from)?;
    Ok(())
}

/// Every routine's name, built-in and the user's, one a line (for completion scripts).
pub fn routine_names(out: &mut impl Write) -> Result<(), Failure> {
    for entry in library::all() {
        // A name with a line break or control character would break the script's word list.
        if entry.name.chars().any(char::is_control) {
            continue;
        }
        writeln!(out, "{}", entry.name).map_err(anyhow::Error::from)?;
    }
    Ok(())
}

/// Prints the JSON Schema of routine files.
pub fn schema(out: &mut impl Write) -> Result<(), Failure> {
    out.write_all(schema::text().as_bytes())
        .map_err(anyhow::Error::from)?;
    Ok(())
}
