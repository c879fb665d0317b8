//! The full-screen front end: keys to actions, UI-only state (help, the resume lead-in,
//! the summary), and drawing only when something visible changed.

use std::io;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::{Position, Rect};

use super::format::{ceil_secs, until_tick};
use super::help::Help;
use super::keys::{Key, key};
use super::pacer;
use super::player::PlayerView;
use super::practice::{self, Practice};
use super::rating::{Answer, Rating};
use super::safety::Store;
use super::summary::{BackTo, Ended, Summary, SummaryView};
use super::theme::Theme;
use super::ticks::Ticker;
use crate::config::Voice;
use crate::history::asking::Asking;
use crate::runtime::{Action, Frontend, Input};
use crate::session::{Command, Event, PhaseKind, Session, Stamped, Status};

/// The "get ready" count before a paused hold goes on again.
pub const LEAD_IN: Duration = Duration::from_secs(3);
/// What `+` and `-` add to and take from the countdown.
pub const STEP: Duration = Duration::from_secs(10);
/// How many of a full frame's fixes are copied out of it and written at a time.
const FIXES_AT_ONCE: usize = 256;
/// How long a notice (no sound device) stays on screen: long enough to read, then gone.
pub const NOTICE_FOR: Duration = Duration::from_secs(6);

/// How the full screen starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: Theme,
    pub muted: bool,
    /// A line about the program itself, e.g. that there is no sound device: shown for a
    /// few seconds as the routine starts (or as it is unmuted), then gone.
    pub notice: Option<String>,
    /// There is no sound device: unmuting brings the notice back instead of sound.
    pub silent: bool,
    /// Started from the picker: the summary's `q` goes back to the list.
    pub back_to: Option<BackTo>,
    /// The spoken guidance's level; `None` when the run has no speech at all.
    pub voice: Option<Voice>,
    /// Show the safety note before the routine starts, and record the day in this store.
    pub safety: Option<(Store, String)>,
    /// The stiffness prompt, the streak and a resume offer (empty: none of them).
    pub practice: Practice,
}

/// What fills the screen.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Playing,
    Summary(Summary),
}

/// Stops the process for Ctrl-Z and takes the terminal back afterwards.
pub type Suspend = Box<dyn FnMut() -> io::Result<()>>;

pub struct Player<'t, B: Backend> {
    terminal: &'t mut Terminal<B>,
    theme: Theme,
    muted: bool,
    notice: Option<String>,
    /// Driver time until which the notice shows, while it does.
    notice_until: Option<Duration>,
    /// The notice was shown as the routine started (a restart doesn't show it again).
    notice_said: bool,
    silent: bool,
    back_to: Option<BackTo>,
    voice: Option<Voice>,
    screen: Screen,
    help: bool,
    /// Driver time at which the resume lead-in ends, while it runs.
    lead_in_until: Option<Duration>,
    suspend: Suspend,
    suspend_requested: bool,
    /// Driver time of the latest start, for the summary's paused time.
    started_at: Duration,
    /// What was last drawn; a wake-up that would draw the same thing draws nothing.
    drawn: Option<Look>,
    dirty: bool,
    draws: u64,
    /// How many of the draws were full frames.
    full_draws: u64,
    /// Draws every change of the time as a full frame: what ticks must look like.
    #[cfg(test)]
    no_ticks: bool,
    /// The pacer's form as last drawn (it depends on the screen's size and layout).
    pacer_form: Option<pacer::Form>,
    /// Moves the pacer alone between full frames, which then change at most once a second.
    painter: pacer::Painter,
    /// The cells of the pacer's frame, kept from frame to frame.
    cells: Vec<pacer::paint::Write>,
    /// The places a full frame must put right after ratatui's diff, kept from frame to frame.
    fixes: Vec<Position>,
    /// Draws what the seconds change between full frames, which then come only when more
    /// than the time changed.
    ticker: Ticker,
    /// The screen's area at the last full frame.
    area: Option<Rect>,
    /// The streak and ratings for the summary.
    practice: Practice,
    /// The stiffness prompt on the summary, while it waits for an answer.
    after: Option<Rating>,
    /// Said on the summary once the prompt was skipped for the last time.
    practice_note: Option<&'static str>,
}

/// Everything that decides what the screen shows, coarsely: when it is unchanged, so is
/// the screen.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    screen: Screen,
    help: bool,
    muted: bool,
    notice: bool,
    status: Status,
    step: usize,
    phase: usize,
    kind: PhaseKind,
    phase_len: Duration,
    phase_secs: u64,
    total_secs: u64,
    lead_in_secs: Option<u64>,
    /// The pacer's picture, during breathing.
    pacer: Option<u32>,
    /// The sound device was lost mid-routine.
    sound_lost: bool,
}

impl<'t, B: Backend> Player<'t, B>
where
    B::Error: Send + Sync + 'static,
{
    pub fn new(terminal: &'t mut Terminal<B>, options: Options, suspend: Suspend) -> Self {
        Player {
            terminal,
            theme: options.theme,
            muted: options.muted,
            notice: options.notice,
            notice_until: None,
            notice_said: false,
            silent: options.silent,
            back_to: options.back_to,
            voice: options.voice,
            screen: Screen::Playing,
            help: false,
            lead_in_until: None,
            suspend,
            suspend_requested: false,
            started_at: Duration::ZERO,
            drawn: None,
            dirty: true,
            draws: 0,
            full_draws: 0,
            #[cfg(test)]
            no_ticks: false,
            pacer_form: None,
            painter: pacer::Painter::default(),
            cells: Vec::new(),
            fixes: Vec::new(),
            ticker: Ticker::default(),
            area: None,
            practice: options.practice,
            after: None,
            practice_note: None,
        }
    }

    /// Whether the sound is off now (it starts as `Options::muted` and `m` toggles it).
    pub fn muted(&self) -> bool {
        self.muted
    }

    /// How many frames were drawn so far.
    pub fn draws(&self) -> u64 {
        self.draws
    }

    /// The pacer's form and its picture now, during breathing; made once a wake-up, for the
    /// look and then for the cells that moved.
    fn pacer_picture(
        &self,
        session: &Session,
        now: Duration,
    ) -> Option<(pacer::Form, pacer::Picture)> {
        self.pacer(session, now)
            .map(|(form, level)| (form, form.picture(level)))
    }

    fn look(&self, session: &Session, now: Duration, pacer: Option<&pacer::Picture>) -> Look {
        let progress = session.progress(now);
        Look {
            screen: self.screen.clone(),
            help: self.help,
            muted: self.muted,
            notice: self.notice_until.is_some(),
            status: progress.status,
            step: progress.step,
            phase: progress.phase,
            kind: session.current_phase().kind,
            phase_len: progress.phase_len,
            phase_secs: ceil_secs(progress.phase_left),
            total_secs: ceil_secs(progress.total_left),
            lead_in_secs: self
                .lead_in_until
                .map(|end| ceil_secs(end.saturating_sub(now))),
            pacer: pacer.map(pacer::Picture::shape),
            sound_lost: crate::audio::health::lost(),
        }
    }

    /// The pacer's form as last drawn, and its level now.
    fn pacer(&self, session: &Session, now: Duration) -> Option<(pacer::Form, f64)> {
        let level = pacer::level(
            session.current_phase().kind,
            session.progress(now).phase_ratio(),
        )?;
        Some((self.pacer_form?, level))
    }

    /// The notice line now: lost sound is news until it comes back, the start's notice only
    /// for a while.
    fn notice_now(&self) -> Option<String> {
        let lost = crate::audio::health::lost().then_some(crate::audio::health::LOST_NOTICE);
        let notice = self
            .notice
            .as_deref()
            .filter(|_| self.notice_until.is_some());
        lost.or(notice).map(str::to_string)
    }

    /// The player view of `session` now, with what the front end itself knows.
    fn view<'s>(
        &self,
        session: &'s Session,
        notice: Option<&'s str>,
        now: Duration,
    ) -> PlayerView<'s> {
        let mut view = PlayerView::new(session, now);
        view.theme = self.theme;
        view.muted = self.muted;
        view.notice = notice;
        view.silent = self.silent;
        view.voice = self.voice.is_some();
        view.lead_in = self.lead_in_until.map(|end| end.saturating_sub(now));
        view
    }

    fn draw(&mut self, session: &Session, now: Duration) -> anyhow::Result<()> {
        let theme = self.theme;
        let notice = self.notice_now();
        let view = matches!(self.screen, Screen::Playing)
            .then(|| self.view(session, notice.as_deref(), now));
        let Player {
            terminal,
            screen,
            help,
            painter,
            ticker,
            practice,
            after,
            practice_note,
            cells,
            fixes,
            ..
        } = self;
        let mut pacer_form = None;
        let mut fixes = std::mem::take(fixes);
        fixes.clear();
        // ratatui's `draw`, step by step, so that the cells it did not see change can be
        // written from the frame after its diff, a few at a time, instead of copied out first
        // (a phase change on a large screen puts right thousands).
        terminal.autoresize()?;
        let mut frame = terminal.get_frame();
        let area = frame.area();
        let mut spot = None;
        let mut ticking = None;
        match (&*screen, &view) {
            (Screen::Playing, Some(view)) => {
                spot = view.pacer_spot(area);
                pacer_form = spot.map(|(area, _, _)| pacer::Form::of(area));
                frame.render_widget(view, area);
                // Under the help nothing may change alone.
                ticking = (!*help).then(|| view.ticking(area, true));
            }
            (Screen::Summary(summary), _) => {
                let extras = practice::SummaryExtras {
                    practice,
                    after: after.as_ref(),
                    note: *practice_note,
                    finished: summary.ended == super::summary::Ended::Finished,
                    theme,
                };
                let area = extras.render_below(area, frame.buffer_mut());
                frame.render_widget(&SummaryView { summary, theme }, area);
            }
            (Screen::Playing, None) => {}
        }
        if *help {
            frame.render_widget(&Help { theme }, area);
        }
        painter.framed(spot.filter(|_| !*help), &mut fixes);
        ticker.framed(frame.buffer_mut(), ticking, &mut fixes);
        terminal.flush()?;
        for some in fixes.chunks(FIXES_AT_ONCE) {
            cells.clear();
            let frame = terminal.current_buffer_mut();
            cells.extend(
                some.iter()
                    .filter_map(|&at| Some((at.x, at.y, frame.cell(at)?.clone()))),
            );
            draw_cells(terminal, cells)?;
        }
        terminal.hide_cursor()?;
        terminal.swap_buffers();
        terminal.backend_mut().flush()?;
        self.fixes = fixes;
        self.draws += 1;
        self.full_draws += 1;
        self.pacer_form = pacer_form;
        self.area = Some(area);
        Ok(())
    }

    /// A frame in which only the time changed (and perhaps the pacer): the changed cells of
    /// the header, the digits and the gauges go straight to the terminal.
    fn tick(
        &mut self,
        session: &Session,
        now: Duration,
        moved: Option<(pacer::Form, pacer::Picture)>,
        turn: bool,
    ) -> anyhow::Result<()> {
        let Some(area) = self.area else {
            return self.draw(session, now);
        };
        let notice = self.notice_now();
        let view = self.view(session, notice.as_deref(), now);
        // A turn may recolour the pacer; a second leaves it as it is.
        let style = turn
            .then(|| view.pacer_spot(area))
            .flatten()
            .map(|(_, style, _)| style);
        let ticked = self.ticker.ticked(view.ticking(area, turn));
        let Some(mut cells) = ticked else {
            return self.draw(session, now);
        };
        let Player {
            painter, terminal, ..
        } = self;
        let moved = match (moved, style) {
            (Some((form, picture)), Some(style)) if turn => {
                let flush = |some: &[pacer::paint::Write]| draw_cells(terminal, some);
                painter.turned_into((form, picture, style), &mut cells, FIXES_AT_ONCE, flush)?
            }
            (Some((form, picture)), _) => painter.moved_into(form, picture, &mut cells),
            (None, _) => true,
        };
        write_cells(self.terminal, &cells)?;
        if !moved {
            // What ticked is on the screen before the full frame, so the ticker's idea of
            // the screen stays true.
            return self.draw(session, now);
        }
        self.draws += 1;
        Ok(())
    }

    /// A frame in which only the pacer changed: its changed cells go straight to the
    /// terminal, a few dozen instead of the whole screen rendered and compared.
    fn move_pacer(
        &mut self,
        session: &Session,
        now: Duration,
        picture: Option<(pacer::Form, pacer::Picture)>,
    ) -> anyhow::Result<()> {
        // One list for every frame: a frame makes none of its own.
        let mut cells = std::mem::take(&mut self.cells);
        cells.clear();
        let moved = picture
            .is_some_and(|(form, picture)| self.painter.moved_into(form, picture, &mut cells));
        let written = match moved {
            true => write_cells(self.terminal, &cells).map_err(anyhow::Error::from),
            false => self.draw(session, now),
        };
        self.cells = cells;
        if moved && written.is_ok() {
            self.draws += 1;
        }
        written
    }

    fn playing_key(&mut self, session: &Session, key: Key, now: Duration) -> Vec<Action> {
        let command = |command| vec![Action::Session(command)];
        match key {
            Key::TogglePause => {
                let paused = matches!(session.status(), Status::Paused { .. });
                if self.lead_in_until.take().is_some() {
                    // A second Space during the count stays paused.
                    Vec::new()
                } else if !paused {
                    command(Command::Pause)
                } else if !needs_lead_in(session.current_phase().kind) {
                    command(Command::Resume)
                } else {
                    self.lead_in_until = Some(now + LEAD_IN);
                    Vec::new()
                }
            }
            Key::Next => command(Command::Next),
            Key::Back => command(Command::Back),
            Key::More => command(Command::AddTime(STEP)),
            Key::Less => command(Command::TakeTime(STEP)),
            Key::ToggleMute => {
                self.muted = !self.muted;
                if !self.muted && self.silent {
                    // Unmuted with no device: say again that nothing will sound.
                    self.notice_until = Some(now + NOTICE_FOR);
                }
                vec![Action::ToggleMute]
            }
            Key::CycleVoice => {
                let Some(voice) = self.voice else {
                    return Vec::new();
                };
                let next = match voice {
                    Voice::Off => Voice::Names,
                    Voice::Names => Voice::Full,
                    Voice::Full => Voice::Off,
                };
                self.voice = Some(next);
                // The notice line says what the key did, for a few seconds.
                self.notice = Some(voice_notice(next).to_string());
                self.notice_until = Some(now + NOTICE_FOR);
                vec![Action::CycleVoice]
            }
            // Stopping shows the summary of what was done; Ctrl-C leaves at once.
            Key::Quit | Key::Escape => command(Command::Quit),
            Key::Interrupt => vec![Action::Session(Command::Quit), Action::Exit],
            Key::Suspend => self.suspend_now(),
            Key::ToggleHelp | Key::Enter | Key::Restart | Key::Other => Vec::new(),
        }
    }

    /// The summary's stiffness prompt was answered.
    fn rated_after(&mut self, answer: Answer) -> Vec<Action> {
        self.after = None;
        let asking = self.practice.asking.as_ref();
        match answer {
            Answer::Rated(rating) => {
                self.practice.notes.set_after(Some(rating));
                asking.iter().for_each(|asking| asking.answered());
            }
            Answer::Skipped => {
                if asking.is_some_and(Asking::skipped) {
                    self.practice_note = Some(crate::history::asking::STOPPED);
                }
            }
            Answer::Quit => return vec![Action::Exit],
        }
        Vec::new()
    }

    /// Ctrl-Z: pause first, so the time spent stopped is not routine time; the suspend
    /// itself happens in `wake`, once the pause has been applied.
    fn suspend_now(&mut self) -> Vec<Action> {
        self.suspend_requested = true;
        self.lead_in_until = None;
        vec![Action::Session(Command::Pause)]
    }
}

impl<B: Backend> Player<'_, B> {
    /// The summary, once the routine has finished or been stopped.
    fn end(
        &mut self,
        session: &Session,
        stamped: &Stamped,
        now: Duration,
        ended: Ended,
        completed: usize,
        skipped: usize,
    ) {
        let plan = session.plan();
        let wall = now.saturating_sub(self.started_at);
        self.lead_in_until = None;
        self.notice_until = None;
        self.screen = Screen::Summary(Summary {
            title: plan.routine.title.clone(),
            ended,
            taken: stamped.t,
            paused: wall.saturating_sub(stamped.t),
            completed,
            skipped,
            steps: plan.step_count(),
            back_to: self.back_to,
        });
    }
}

impl Look {
    /// Whether `other` differs from this look in the seconds shown (and perhaps the pacer's
    /// picture) alone, on the playing screen with nothing over it.
    fn but_time(&self, other: &Look) -> bool {
        self.screen == Screen::Playing
            && !self.help
            && self.lead_in_secs.is_some() == other.lead_in_secs.is_some()
            && Look {
                phase_secs: other.phase_secs,
                total_secs: other.total_secs,
                lead_in_secs: other.lead_in_secs,
                pacer: other.pacer,
                ..self.clone()
            } == *other
    }

    /// Whether `other` is this look at a breath's turn: another phase of the same breathing
    /// step (in to out, into a hold, the next breath) and perhaps other seconds, on the
    /// playing screen with nothing over it. The rows of the turn tick with the seconds.
    fn but_turn(&self, other: &Look) -> bool {
        self.phase != other.phase
            && self.step == other.step
            && self.kind.is_breathing()
            && other.kind.is_breathing()
            && Look {
                phase: other.phase,
                kind: other.kind,
                phase_len: other.phase_len,
                ..self.clone()
            }
            .but_time(other)
    }

    /// Whether `other` differs from this look in the pacer's picture alone.
    fn but_pacer(&self, other: &Look) -> bool {
        self.pacer != other.pacer
            && Look {
                pacer: other.pacer,
                ..self.clone()
            } == *other
    }
}

/// Writes cells to the terminal behind ratatui's back (the pacer's own frames).
fn write_cells<B: Backend>(
    terminal: &mut Terminal<B>,
    cells: &[pacer::paint::Write],
) -> Result<(), B::Error> {
    if cells.is_empty() {
        return Ok(());
    }
    draw_cells(terminal, cells)?;
    terminal.backend_mut().flush()
}

/// Hands `cells` to the backend, which writes them when it is next flushed.
fn draw_cells<B: Backend>(
    terminal: &mut Terminal<B>,
    cells: &[pacer::paint::Write],
) -> Result<(), B::Error> {
    terminal
        .backend_mut()
        .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
}

/// What the notice line says after `v`.
fn voice_notice(voice: Voice) -> &'static str {
    match voice {
        Voice::Off => "Voice off (v: names)",
        Voice::Names => "Voice: names (v: full)",
        Voice::Full => "Voice: full, with each step's cue (v: off)",
    }
}

/// Whether resuming into this phase first counts down: holds and breaths go on at once
/// when resumed, while getting ready, releasing, switching and resting are already a time
/// to get ready.
fn needs_lead_in(kind: PhaseKind) -> bool {
    kind == PhaseKind::Hold || kind.is_breathing()
}

/// Blanks the screen and makes the next draw write every cell, for when the terminal's
/// contents can't be trusted (back from a suspend, a new loop on the same screen).
/// `Terminal::clear` would do, but it asks the terminal for the cursor position, and that
/// answer never comes while the key reader holds crossterm's input.
pub fn refresh<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    // An empty frame makes ratatui's idea of the screen empty, then the screen is made so.
    terminal.draw(|_| {})?;
    terminal.backend_mut().clear()?;
    terminal.backend_mut().flush()
}

impl<B: Backend> Frontend for Player<'_, B>
where
    B::Error: Send + Sync + 'static,
{
    fn show(&mut self, session: &Session, events: &[Stamped], now: Duration) -> anyhow::Result<()> {
        for stamped in events {
            match stamped.event {
                Event::Start => {
                    self.after = None;
                    self.started_at = now;
                    self.lead_in_until = None;
                    self.screen = Screen::Playing;
                    // Said once: as the routine first starts, not again at each `r`.
                    if self.notice.is_some() && !self.muted && !self.notice_said {
                        self.notice_until = Some(now + NOTICE_FOR);
                        self.notice_said = true;
                    }
                }
                Event::Resume => self.lead_in_until = None,
                // A skip or a back while counting in to a resume: the new step starts paused,
                // not half resumed.
                Event::Skip { .. } | Event::Back { .. } => self.lead_in_until = None,
                Event::Done { completed, skipped } => {
                    if self.practice.asks() && self.practice.notes.after().is_none() {
                        self.after = Some(Rating::default());
                    }
                    self.end(session, stamped, now, Ended::Finished, completed, skipped)
                }
                Event::Quit { completed, skipped } => {
                    self.end(session, stamped, now, Ended::Stopped, completed, skipped)
                }
                _ => {}
            }
        }
        // A phase's start changes only what the look follows (the phase, its kind and
        // length, the step), which decides what to draw; anything else draws anew.
        if (events.iter()).any(|stamped| !matches!(stamped.event, Event::Phase { .. })) {
            self.dirty = true;
        }
        Ok(())
    }

    fn handle(&mut self, session: &Session, input: Input, now: Duration) -> Vec<Action> {
        if let (Input::Key(event), Screen::Summary(_), Some(rating)) =
            (&input, &self.screen, &mut self.after)
        {
            // The stiffness prompt takes the keys until it is answered or skipped.
            self.dirty = true;
            return match rating.handle(event) {
                Some(answer) => self.rated_after(answer),
                None => Vec::new(),
            };
        }
        let key = match input {
            Input::Key(event) => key(&event),
            Input::Resize(..) => {
                self.dirty = true;
                None
            }
            Input::Line(_) => None,
        };
        let Some(key) = key else {
            return Vec::new();
        };
        self.dirty = true;
        match key {
            Key::ToggleHelp => {
                self.help = !self.help;
                return Vec::new();
            }
            Key::Escape if self.help => {
                self.help = false;
                return Vec::new();
            }
            Key::Suspend => return self.suspend_now(),
            _ => {}
        }
        match self.screen {
            Screen::Playing => self.playing_key(session, key, now),
            Screen::Summary(_) => match key {
                Key::Restart | Key::Enter => vec![Action::Restart],
                Key::Quit | Key::Escape | Key::Interrupt => vec![Action::Exit],
                _ => Vec::new(),
            },
        }
    }

    fn wake_at(&self, session: &Session, now: Duration) -> Option<Duration> {
        if self.screen != Screen::Playing {
            return None;
        }
        let notice = self.notice_until;
        if let Some(end) = self.lead_in_until {
            let left = end.saturating_sub(now);
            return [Some(now + until_tick(left).min(left)), notice]
                .into_iter()
                .flatten()
                .min();
        }
        if session.status() != Status::Running {
            return notice;
        }
        let progress = session.progress(now);
        // The pacer's next frame: the first frame instant at which its picture changes.
        let pacer = self.pacer(session, now).and_then(|(form, _)| {
            let kind = session.current_phase().kind;
            let ratio = pacer::next_change(kind, progress.phase_ratio(), form)?;
            let at =
                pacer::frame_at_or_after(progress.phase_len.mul_f64(ratio), progress.phase_elapsed);
            Some(at.saturating_sub(progress.phase_elapsed))
        });
        [
            Some(until_tick(progress.phase_left)),
            Some(until_tick(progress.total_left)),
            pacer,
        ]
        .into_iter()
        .flatten()
        .min()
        .map(|wait| now + wait)
        .into_iter()
        .chain(notice)
        .min()
    }

    fn wake(&mut self, session: &Session, now: Duration) -> anyhow::Result<Vec<Action>> {
        let mut actions = Vec::new();
        if self.suspend_requested && session.status() != Status::Running {
            self.suspend_requested = false;
            (self.suspend)()?;
            refresh(self.terminal)?;
            self.dirty = true;
        }
        if crate::audio::health::take_missing() {
            // A muted run was unmuted, and only then did it look for a device.
            self.silent = true;
            self.notice = Some(crate::audio::health::NO_DEVICE.to_string());
            self.notice_until = Some(now + NOTICE_FOR);
            self.dirty = true;
        }
        if self.notice_until.is_some_and(|end| now >= end) {
            self.notice_until = None;
        }
        if self.lead_in_until.is_some_and(|end| now >= end) {
            self.lead_in_until = None;
            actions.push(Action::Session(Command::Resume));
        }
        let picture = self.pacer_picture(session, now);
        let look = self.look(session, now, picture.as_ref().map(|(_, picture)| picture));
        if self.dirty || self.drawn.as_ref() != Some(&look) {
            #[cfg(test)]
            let ticks = !self.no_ticks;
            #[cfg(not(test))]
            let ticks = true;
            let drawn = self.drawn.as_ref().filter(|_| !self.dirty);
            if drawn.is_some_and(|drawn| drawn.but_pacer(&look)) {
                self.move_pacer(session, now, picture)?;
            } else if let Some(drawn) =
                drawn.filter(|drawn| ticks && (drawn.but_time(&look) || drawn.but_turn(&look)))
            {
                let turn = drawn.phase != look.phase;
                let moved = picture.filter(|_| turn || drawn.pacer != look.pacer);
                self.tick(session, now, moved, turn)?;
            } else {
                self.draw(session, now)?;
            }
            self.drawn = Some(look);
            self.dirty = false;
        }
        Ok(actions)
    }
}

#[cfg(test)]
mod pacer_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tick_tests;
