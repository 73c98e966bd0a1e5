//! A countdown for timeboxed workshop steps: large in a corner, pulsing at the end, never in the
//! way and never saved.

pub const DEFAULT_MINUTES: u32 = 5;
pub const MINUTES: std::ops::RangeInclusive<u32> = 1..=60;

/// The last seconds, in which the timer pulses.
const FINAL_SECONDS: f64 = 10.0;

/// A running countdown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timer {
    pub minutes: u32,
    /// When it started, in egui's input time.
    start: f64,
}

impl Timer {
    pub fn start(minutes: u32, now: f64) -> Self {
        Self { minutes: minutes.clamp(*MINUTES.start(), *MINUTES.end()), start: now }
    }

    /// Seconds left, never below zero.
    pub fn remaining(&self, now: f64) -> f64 {
        (f64::from(self.minutes) * 60.0 - (now - self.start)).max(0.0)
    }

    /// `4:59`, counting whole seconds up (a timer reads 0:00 only when time is up).
    pub fn text(&self, now: f64) -> String {
        let left = self.remaining(now).ceil() as u64;
        format!("{}:{:02}", left / 60, left % 60)
    }

    /// Whether it pulses: in the last seconds, and once time is up.
    pub fn pulsing(&self, now: f64) -> bool {
        self.remaining(now) <= FINAL_SECONDS
    }

    /// How far through a pulse the timer is, 0 to 1, while it pulses; 0 otherwise.
    pub fn pulse(&self, now: f64) -> f32 {
        if self.pulsing(now) { (now * std::f64::consts::PI).sin().abs() as f32 } else { 0.0 }
    }

    /// The share of the time that is left, 1 at the start and 0 when time is up.
    pub fn share_left(&self, now: f64) -> f32 {
        (self.remaining(now) / (f64::from(self.minutes) * 60.0)) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_to_zero_and_pulses_at_the_end() {
        let timer = Timer::start(5, 100.0);
        assert_eq!(timer.text(100.0), "5:00");
        assert_eq!(timer.text(100.4), "5:00");
        assert_eq!(timer.text(101.0), "4:59");
        assert!(!timer.pulsing(100.0 + 289.0));
        assert!(timer.pulsing(100.0 + 291.0));
        assert_eq!(timer.text(100.0 + 400.0), "0:00");
        assert!(timer.pulsing(100.0 + 400.0));
        assert_eq!(Timer::start(0, 0.0).minutes, 1);
        assert_eq!(Timer::start(90, 0.0).minutes, 60);
    }
}
