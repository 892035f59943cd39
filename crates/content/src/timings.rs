//! How long each step of a build took, for the line a build ends with
//! (`read 310 ms, check and render 2100 ms, …`): where a slow build spends it.

use std::fmt;
use std::time::Instant;

/// The steps run so far, in order, with their wall-clock milliseconds.
#[derive(Debug, Clone)]
pub struct Timings {
    steps: Vec<(&'static str, u128)>,
    /// When the step under way began.
    since: Instant,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            steps: Vec::new(),
            since: Instant::now(),
        }
    }
}

impl Timings {
    /// Ends the step under way, named `name`; the next one starts now.
    pub fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        self.steps
            .push((name, now.duration_since(self.since).as_millis()));
        self.since = now;
    }

    /// Appends `other`'s steps after these (the step under way starts now).
    pub fn extend(&mut self, other: &Timings) {
        self.steps.extend_from_slice(&other.steps);
        self.since = Instant::now();
    }
}

impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, ms)) in self.steps.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} {ms} ms")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_listed_in_order_with_their_time() {
        let mut t = Timings::default();
        t.done("read");
        std::thread::sleep(std::time::Duration::from_millis(3));
        t.done("write");
        let text = t.to_string();
        let (read, write) = text.split_once(", ").expect("two steps");
        assert!(read.starts_with("read ") && read.ends_with(" ms"), "{text}");
        let ms: u128 = write
            .strip_prefix("write ")
            .and_then(|w| w.strip_suffix(" ms"))
            .and_then(|n| n.parse().ok())
            .expect("write N ms");
        assert!(ms >= 3, "{text}");
    }
}
