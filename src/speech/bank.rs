//! Every phrase's samples, rendered in the background as the routine starts (from the cache
//! when it has them) and looked up as each phrase falls due. Nothing here ever blocks a run.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::cache::Cache;
use super::program::{self, Program};

type Rendered = Arc<Mutex<HashMap<String, Arc<[f32]>>>>;

/// The rendered phrases, shared with the thread that renders them.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    rendered: Rendered,
    /// Lengths known before the samples are loaded (from the cache's headers).
    known: Arc<HashMap<String, Duration>>,
    rate: Option<u32>,
}

impl Bank {
    /// A bank with nothing in it, ever: no speech program.
    pub fn empty(rate: Option<u32>) -> Bank {
        Bank {
            rendered: Rendered::default(),
            known: Arc::default(),
            rate,
        }
    }

    /// A bank holding these phrases already (tests, or a caller that rendered them).
    pub fn from_rendered(
        rate: Option<u32>,
        rendered: impl IntoIterator<Item = (String, Arc<[f32]>)>,
    ) -> Bank {
        Bank {
            rendered: Arc::new(Mutex::new(rendered.into_iter().collect())),
            known: Arc::default(),
            rate,
        }
    }

    /// Notes how long each cached phrase lasts at once (from the files' headers: a second
    /// run chooses its words from its first phrase on), then loads the cached samples and
    /// renders the rest, in order, on a thread of its own, and returns.
    pub fn start(program: Program, cache: Option<Cache>, texts: Vec<String>) -> Bank {
        let known = texts
            .iter()
            .filter_map(|text| Some((text.clone(), cache.as_ref()?.len(&program, text)?)))
            .collect();
        let bank = Bank {
            known: Arc::new(known),
            ..Bank::empty(program.rate)
        };
        let rendered = Arc::clone(&bank.rendered);
        std::thread::spawn(move || {
            if let Some(cache) = &cache {
                cache.tidy();
            }
            render_each(&program, cache.as_ref(), texts, |text, samples| {
                if let Ok(mut map) = rendered.lock() {
                    map.insert(text, samples);
                }
            });
        });
        bank
    }

    /// Renders `texts` now (for an export), returning the bank and why speech failed, if it
    /// did (the phrases rendered by then are kept).
    pub fn render_now(
        program: &Program,
        cache: Option<&Cache>,
        texts: Vec<String>,
    ) -> (Bank, Option<String>) {
        let bank = Bank::empty(program.rate);
        let failure = render_each(program, cache, texts, |text, samples| {
            if let Ok(mut map) = bank.rendered.lock() {
                map.insert(text, samples);
            }
        });
        (bank, failure)
    }

    /// The samples of `text`, once rendered.
    pub fn get(&self, text: &str) -> Option<Arc<[f32]>> {
        self.rendered.lock().ok()?.get(text).cloned()
    }

    /// How long `text` lasts: rendered (or cached), or estimated while it is not.
    pub fn len(&self, text: &str) -> Duration {
        if let Some(samples) = self.get(text) {
            return program::duration(&samples);
        }
        match self.known.get(text) {
            Some(len) => *len,
            None => program::estimate(text, self.rate),
        }
    }
}

/// Renders each text (from the cache first), handing each to `done`. The first time the
/// program fails it is not run again: a broken or hanging program costs one time limit, not
/// one per phrase. Returns that failure.
fn render_each(
    program: &Program,
    cache: Option<&Cache>,
    texts: Vec<String>,
    mut done: impl FnMut(String, Arc<[f32]>),
) -> Option<String> {
    let mut failure = None;
    for text in texts {
        if let Some(samples) = cache.and_then(|c| c.get(program, &text)) {
            done(text, samples.into());
            continue;
        }
        if failure.is_some() {
            continue;
        }
        match program.render(&text) {
            Ok(samples) => {
                if let Some(cache) = cache {
                    // A cache that cannot be written only costs the next run a render.
                    let _ = cache.put(program, &text, &samples);
                }
                done(text, samples.into());
            }
            Err(why) => failure = Some(why),
        }
    }
    failure
}
