//! The driver's clock: monotonic time since the start, scaled by `--speed`.

use std::time::Duration;

use tokio::time::Instant;

/// Every reading is measured from one start instant, so nothing accumulates and a long
/// routine ends exactly when planned. Uses tokio's `Instant` so tests can pause time.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    start: Instant,
    speed: f64,
}

impl Clock {
    /// `speed` must be finite and positive (the command line checks it).
    pub fn start(speed: f64) -> Clock {
        Clock {
            start: Instant::now(),
            speed,
        }
    }

    /// The timer to wait on this clock with: a timerfd of its own in a real run, tokio's
    /// under unit tests, whose paused clock only tokio's timer follows.
    pub fn alarm(&self) -> super::alarm::Alarm {
        if cfg!(test) {
            super::alarm::Alarm::tokio()
        } else {
            super::alarm::Alarm::precise()
        }
    }

    /// Driver time now.
    pub fn now(&self) -> Duration {
        self.to_driver(self.start.elapsed())
    }

    /// The real instant at which driver time reaches `at`.
    pub fn instant_at(&self, at: Duration) -> Instant {
        // tokio's timer never fires early (it rounds up to its millisecond tick), so no
        // margin is added: any margin would become a whole millisecond of lateness.
        self.start + self.to_real(at)
    }

    fn to_driver(self, real: Duration) -> Duration {
        if self.speed == 1.0 {
            real
        } else {
            real.mul_f64(self.speed)
        }
    }

    fn to_real(self, driver: Duration) -> Duration {
        if self.speed == 1.0 {
            driver
        } else {
            driver.div_f64(self.speed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn driver_time_runs_speed_times_faster() {
        let clock = Clock::start(10.0);
        tokio::time::advance(Duration::from_secs(3)).await;
        assert_eq!(clock.now(), Duration::from_secs(30));
    }

    #[tokio::test(start_paused = true)]
    async fn instant_at_is_the_real_moment_of_a_driver_time() {
        let clock = Clock::start(4.0);
        let at = clock.instant_at(Duration::from_secs(8));
        tokio::time::sleep_until(at).await;
        assert!(clock.now() >= Duration::from_secs(8));
        assert!(clock.now() < Duration::from_millis(8_001));
    }
}
