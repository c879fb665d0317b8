//! Where each value of a JSON text starts, so errors can name a line and column.
//!
//! serde_json's `Value` forgets positions, so this scans the same text again. It expects text
//! that serde_json already accepted (which also bounds nesting to 128), but it never panics
//! or loops on anything else: every step consumes input.

use std::collections::HashMap;

/// A 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Spot {
    pub line: usize,
    pub column: usize,
}

/// A key given twice in one object. serde_json keeps the last value, silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Duplicate {
    /// The object's path.
    pub object: String,
    pub key: String,
    /// Where the repeated key starts.
    pub at: Spot,
    pub first: Spot,
}

/// Field path (as `member` and `element` build it) to where its value and key start.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    values: HashMap<String, Spot>,
    keys: HashMap<String, Spot>,
    duplicates: Vec<Duplicate>,
}

impl Positions {
    pub fn scan(text: &str) -> Positions {
        let mut scanner = Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            spot: Spot { line: 1, column: 1 },
            out: Positions::default(),
        };
        scanner.value(&mut String::new(), 0);
        scanner.out
    }

    /// Where the value at `path` starts; the root is `""`. Of a repeated key, the last one.
    pub fn value(&self, path: &str) -> Option<Spot> {
        self.values.get(path).copied()
    }

    /// Where the key of the member at `path` starts.
    pub fn key(&self, path: &str) -> Option<Spot> {
        self.keys.get(path).copied()
    }

    /// The path of the value that starts at `spot`, if one does.
    pub fn path_at(&self, spot: Spot) -> Option<String> {
        (self.values.iter())
            .find(|&(_, &at)| at == spot)
            .map(|(path, _)| path.clone())
    }

    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }
}

/// The path of `key` in the object at `parent`: `steps[0].hold`, or `steps[0]["odd key"]`.
pub(crate) fn member(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{parent}.{key}"),
        (false, _) => format!("{parent}[{key:?}]"),
    }
}

/// The path of item `index` (0-based) of the array at `parent`.
pub(crate) fn element(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// Deeper than serde_json allows; only reached on text it did not accept.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The position of the character at `pos`.
    spot: Spot,
    out: Positions,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        let Some(byte) = self.peek() else { return };
        self.pos += 1;
        if byte == b'\n' {
            self.spot.line += 1;
            self.spot.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // Count a character at its first byte only; continuation bytes are 0b10xx_xxxx.
            self.spot.column += 1;
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn value(&mut self, path: &mut String, depth: usize) {
        if depth > MAX_DEPTH {
            // serde_json never accepted this text, so there is nothing worth finding: stop.
            self.pos = self.bytes.len();
            return;
        }
        self.skip_whitespace();
        self.out.values.insert(path.clone(), self.spot);
        match self.peek() {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => self.scalar(),
            None => {}
        }
    }

    fn object(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut seen: HashMap<String, Spot> = HashMap::new();
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return,
                Some(b'}') => return self.bump(),
                Some(b'"') => {
                    let at = self.spot;
                    let key = decode(self.string());
                    self.skip_whitespace();
                    if self.peek() == Some(b':') {
                        self.bump();
                    }
                    let child = member(path, &key);
                    match seen.get(&key) {
                        Some(&first) => self.out.duplicates.push(Duplicate {
                            object: path.clone(),
                            key,
                            at,
                            first,
                        }),
                        None => {
                            seen.insert(key, at);
                        }
                    }
                    self.out.keys.insert(child.clone(), at);
                    self.child(path, child, depth);
                }
                // A comma, or anything serde_json would not have accepted.
                Some(_) => self.bump(),
            }
        }
    }

    fn array(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_whitespace();
            match self.peek() {
                None => return,
                Some(b']') => return self.bump(),
                Some(b',') => self.bump(),
                Some(_) => {
                    self.child(path, element(path, index), depth);
                    index += 1;
                }
            }
        }
    }

    fn child(&mut self, path: &mut String, child: String, depth: usize) {
        let parent = std::mem::replace(path, child);
        let before = self.pos;
        self.value(path, depth + 1);
        if self.pos == before {
            self.bump();
        }
        *path = parent;
    }

    /// Skips a string, quotes included, and returns its raw text.
    fn string(&mut self) -> &'a str {
        let start = self.pos;
        self.bump();
        while let Some(byte) = self.peek() {
            self.bump();
            match byte {
                b'"' => break,
                b'\\' => self.bump(),
                _ => {}
            }
        }
        self.text.get(start..self.pos).unwrap_or_default()
    }

    fn scalar(&mut self) {
        while let Some(byte) = self.peek() {
            if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.bump();
        }
    }
}

/// A raw JSON string's value; serde_json decodes escapes exactly as it did for the `Value`.
fn decode(raw: &str) -> String {
    if !raw.contains('\\') {
        let inner = raw.strip_prefix('"').unwrap_or(raw);
        return inner.strip_suffix('"').unwrap_or(inner).to_string();
    }
    serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string())
}

#[cfg(test)]
mod tests;
