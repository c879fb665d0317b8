//! The breaks loop on tokio's clock: it sleeps until the next thing to show or signal,
//! notices sessions played elsewhere, and plays a break in place when asked.

use std::time::Duration;

use jiff::civil::Date;
use tokio::signal::unix::{SignalKind, signal};

use super::alert::Alert;
use super::front::{Front, Offer, Request};
use super::last::LastSession;
use super::machine::{Breaks, Command, Event};
use crate::history::log::RunLog;
use crate::runtime::{Clock, Outcome};

/// How often (driver time) the history is looked at for a session played elsewhere.
pub const POLL: Duration = Duration::from_secs(60);

/// Everything a day of breaks needs besides its front end.
pub struct Day<'a, L: LastSession, A: Alert, C: RunLog> {
    pub every: Duration,
    /// `--speed`: scales the whole day, breaks included.
    pub speed: f64,
    pub offer: Offer,
    pub last: &'a L,
    pub alert: &'a mut A,
    pub cues: &'a mut C,
    /// Today's date, to start the count of breaks again each day.
    pub today: fn() -> Date,
}

/// Runs the day until the user quits or a signal ends it.
pub async fn run<L: LastSession, A: Alert, C: RunLog>(
    front: &mut impl Front,
    day: Day<'_, L, A, C>,
) -> anyhow::Result<Outcome> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let Day {
        every,
        speed,
        offer,
        last,
        alert,
        cues,
        today,
    } = day;

    let clock = Clock::start(speed);
    let mut inputs = front.inputs();
    let mut date = today();
    // Sessions that ended before the day started are not breaks of this day.
    let mut seen = last.latest_end();
    let (mut breaks, events) = Breaks::start(every, clock.now());
    front.show(&breaks, &offer, &events, clock.now())?;

    loop {
        let now = clock.now();
        if today() != date {
            date = today();
            breaks.new_day();
        }
        let latest = last.latest_end();
        if latest > seen {
            seen = latest;
            let events = breaks.break_elsewhere(now);
            front.show(&breaks, &offer, &events, now)?;
        }
        let events = breaks.advance(now);
        signal_due(&events, &offer, alert);
        front.show(&breaks, &offer, &events, now)?;
        if front.wake(&breaks, &offer, now)? == Some(Request::Quit) {
            return Ok(Outcome::Quit);
        }

        let wake = [
            breaks.next_change(now).map(|wait| now + wait),
            front.wake_at(&breaks, now),
            Some(now + POLL),
        ]
        .into_iter()
        .flatten()
        .min()
        // A deadline in the past would spin the loop; a millisecond later is soon enough.
        .map_or(now + POLL, |at| at.max(now + Duration::from_millis(1)));

        let request = tokio::select! {
            _ = tokio::time::sleep_until(clock.instant_at(wake)) => None,
            // The channel never closes (see `Switch`), so this never spins.
            Some(input) = inputs.receiver.recv() => front.handle(&breaks, input),
            _ = terminate.recv() => return Ok(Outcome::Signalled),
            _ = interrupt.recv() => return Ok(Outcome::Signalled),
            _ = hangup.recv() => return Ok(Outcome::Signalled),
        };
        let command = match request {
            None => continue,
            Some(Request::Quit) => return Ok(Outcome::Quit),
            Some(Request::Breaks(command)) => command,
        };
        let now = clock.now();
        let events = breaks.command(command, now);
        front.show(&breaks, &offer, &events, now)?;
        if command == Command::Start && events.contains(&Event::Start) {
            front.give_back(inputs);
            let outcome = front.play(&offer, Clock::start(speed), cues).await?;
            // Kept now, not when the day ends: the count of breaks and other terminals read it.
            cues.finish(outcome);
            if outcome == Outcome::Signalled {
                return Ok(outcome);
            }
            // The routine had the input; and its own record is no break taken elsewhere.
            inputs = front.inputs();
            seen = seen.max(last.latest_end());
            let now = clock.now();
            let events = breaks.break_over(now, outcome == Outcome::Finished);
            front.show(&breaks, &offer, &events, now)?;
        }
    }
}

fn signal_due(events: &[Event], offer: &Offer, alert: &mut impl Alert) {
    for event in events {
        if let Event::Due { reminder } = event {
            alert.due(&offer.what, *reminder);
        }
    }
}
