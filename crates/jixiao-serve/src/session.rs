//! Sessions: each browser's own documents and settings, behind a random id in a cookie. No
//! session sees another's documents; there are at most `max` sessions (the least recently used
//! is dropped for a new one), and each holds at most `Config::session_bytes` of input.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use jixiao::ReviewConfig;
use jixiao::write::html::Lang;

use crate::load::Entry;

/// One browser's state.
#[derive(Clone)]
pub struct Session {
    pub entries: Vec<Arc<Entry>>,
    pub review: ReviewConfig,
    pub lang: Lang,
    /// Input bytes of its uploaded documents (the preloaded ones are shared and not counted).
    pub bytes: usize,
    last: Instant,
}

/// Every session, by id.
pub struct Sessions {
    max: usize,
    map: Mutex<HashMap<String, Session>>,
}

/// A new session id: 128 random bits in hex.
pub fn new_id() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for a session id: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Sessions {
    pub fn new(max: usize) -> Self {
        Sessions { max: max.max(1), map: Mutex::new(HashMap::new()) }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Session>> {
        // A panic elsewhere while the lock was held leaves the map as it was: keep serving.
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `id` names a live session.
    pub fn exists(&self, id: &str) -> bool {
        self.lock().contains_key(id)
    }

    /// Opens a session for `id` with the starting documents and settings, dropping the least
    /// recently used one when there are `max` already.
    pub fn open(&self, id: &str, entries: Vec<Arc<Entry>>, review: ReviewConfig) {
        let mut map = self.lock();
        if map.len() >= self.max
            && let Some(oldest) = map.iter().min_by_key(|(_, s)| s.last).map(|(k, _)| k.clone())
        {
            map.remove(&oldest);
        }
        map.insert(id.to_owned(), Session { entries, review, lang: Lang::Zh, bytes: 0, last: Instant::now() });
    }

    /// A copy of the session's state (its documents shared), touched as used; None when gone.
    pub fn get(&self, id: &str) -> Option<Session> {
        let mut map = self.lock();
        let s = map.get_mut(id)?;
        s.last = Instant::now();
        Some(s.clone())
    }

    /// Changes the session with `change`; None when it is gone.
    pub fn update<R>(&self, id: &str, change: impl FnOnce(&mut Session) -> R) -> Option<R> {
        let mut map = self.lock();
        let s = map.get_mut(id)?;
        s.last = Instant::now();
        Some(change(s))
    }

    /// How many sessions there are.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
