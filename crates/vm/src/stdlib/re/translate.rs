//! Python's regular-expression syntax to fancy-regex's: one pass over the pattern that checks
//! what CPython's `sre_parse` checks (with its messages and positions) and writes the
//! equivalent fancy-regex pattern. Every literal is written as `\x{..}`, so no character of
//! the Python pattern can take a meaning it does not have in Python.

use std::fmt::Write;

pub const I: i64 = 2;
pub const L: i64 = 4;
pub const M: i64 = 8;
pub const S: i64 = 16;
pub const U: i64 = 32;
pub const X: i64 = 64;
pub const A: i64 = 256;

/// A pattern error: CPython's message and the character position (`None` where CPython
/// gives none).
pub struct PatternError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, PatternError> {
    Err(PatternError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

pub struct Translated {
    pub body: String,
    pub flags: i64,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// For each group (1-based index - 1), where its closing parenthesis is in the pattern:
    /// the group that closed last in a match is the one with the latest close among those
    /// that end last (CPython's `lastindex`).
    pub close_at: Vec<usize>,
}

enum Open {
    Group(usize),
    Other,
}

struct Tr {
    p: Vec<char>,
    i: usize,
    out: String,
    flags: i64,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<(usize, Open)>,
    closed: Vec<bool>,
    close_at: Vec<usize>,
}

fn flag_of(c: char) -> Option<i64> {
    Some(match c {
        'a' => A,
        'i' => I,
        'L' => L,
        'm' => M,
        's' => S,
        'u' => U,
        'x' => X,
        _ => return None,
    })
}

fn lit(out: &mut String, c: char) {
    let _ = write!(out, "\\x{{{:X}}}", c as u32);
}

pub fn translate(pattern: &str, flags: i64) -> Result<Translated, PatternError> {
    let mut t = Tr {
        p: pattern.chars().collect(),
        i: 0,
        out: String::new(),
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        closed: Vec::new(),
        close_at: Vec::new(),
    };
    t.global_flags()?;
    if t.flags & A != 0 && t.flags & U != 0 {
        return Err(PatternError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    if t.flags & A == 0 {
        t.flags |= U;
    }
    t.body()?;
    let mut prefix = String::new();
    if t.flags & I != 0 {
        prefix.push_str("(?i)");
    }
    if t.flags & M != 0 {
        prefix.push_str("(?m)");
    }
    if t.flags & S != 0 {
        prefix.push_str("(?s)");
    }
    Ok(Translated {
        body: format!("{prefix}(?:{})", t.out),
        flags: t.flags,
        groups: t.groups,
        names: t.names,
        close_at: t.close_at,
    })
}

impl Tr {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn at(&self, k: usize) -> Option<char> {
        self.p.get(k).copied()
    }

    /// Leading `(?flags)` groups: global flags (CPython 3.11 accepts them only there).
    fn global_flags(&mut self) -> Result<(), PatternError> {
        loop {
            if self.at(self.i) != Some('(') || self.at(self.i + 1) != Some('?') {
                return Ok(());
            }
            let mut k = self.i + 2;
            let mut f = 0;
            while let Some(v) = self.at(k).and_then(flag_of) {
                f |= v;
                k += 1;
            }
            if k == self.i + 2 || self.at(k) != Some(')') {
                return Ok(());
            }
            self.flags |= f;
            self.i = k + 1;
        }
    }

    fn verbose(&self) -> bool {
        self.flags & X != 0
    }

    fn ascii(&self) -> bool {
        self.flags & A != 0
    }

    fn body(&mut self) -> Result<(), PatternError> {
        // What the last item was: nothing repeatable (start, `(`, `|`, an anchor), an item,
        // or a quantifier.
        #[derive(PartialEq)]
        enum Last {
            Nothing,
            Item,
            Repeat,
        }
        let mut last = Last::Nothing;
        while let Some(c) = self.peek() {
            let start = self.i;
            self.i += 1;
            if self.verbose() {
                if c.is_whitespace() {
                    continue;
                }
                if c == '#' {
                    while let Some(d) = self.peek() {
                        self.i += 1;
                        if d == '\n' {
                            break;
                        }
                    }
                    continue;
                }
            }
            match c {
                '\\' => {
                    last = if self.escape(start)? {
                        Last::Item
                    } else {
                        Last::Nothing
                    };
                }
                '[' => {
                    self.class(start)?;
                    last = Last::Item;
                }
                '(' => {
                    last = if self.group(start)? {
                        Last::Item
                    } else {
                        Last::Nothing
                    };
                }
                ')' => {
                    let Some((_, open)) = self.open.pop() else {
                        return err("unbalanced parenthesis", start);
                    };
                    if let Open::Group(n) = open {
                        self.closed[n - 1] = true;
                        self.close_at[n - 1] = start;
                    }
                    self.out.push(')');
                    last = Last::Item;
                }
                '|' => {
                    self.out.push('|');
                    last = Last::Nothing;
                }
                '*' | '+' | '?' | '{' => {
                    let quant = if c == '{' {
                        match self.braces()? {
                            Some(q) => q,
                            None => {
                                lit(&mut self.out, '{');
                                last = Last::Item;
                                continue;
                            }
                        }
                    } else {
                        c.to_string()
                    };
                    match last {
                        Last::Nothing => return err("nothing to repeat", start),
                        Last::Repeat => return err("multiple repeat", start),
                        Last::Item => {}
                    }
                    self.out.push_str(&quant);
                    if matches!(self.peek(), Some('?' | '+')) {
                        self.out.push(self.p[self.i]);
                        self.i += 1;
                    }
                    last = Last::Repeat;
                }
                '^' => {
                    self.out.push('^');
                    last = Last::Nothing;
                }
                '$' => {
                    self.out.push_str(if self.flags & M != 0 {
                        "$"
                    } else {
                        "(?=\\n?\\z)"
                    });
                    last = Last::Nothing;
                }
                '.' => {
                    self.out.push('.');
                    last = Last::Item;
                }
                _ => {
                    lit(&mut self.out, c);
                    last = Last::Item;
                }
            }
        }
        if let Some((at, _)) = self.open.last() {
            return err("missing ), unterminated subpattern", *at);
        }
        Ok(())
    }

    /// `{...}` after an item: the quantifier to write, or `None` when it is a literal brace.
    fn braces(&mut self) -> Result<Option<String>, PatternError> {
        let start = self.i - 1;
        let mut k = self.i;
        let mut lo = String::new();
        while let Some(d) = self.at(k).filter(|d| d.is_ascii_digit()) {
            lo.push(d);
            k += 1;
        }
        let mut hi = None;
        if self.at(k) == Some(',') {
            k += 1;
            let mut h = String::new();
            while let Some(d) = self.at(k).filter(|d| d.is_ascii_digit()) {
                h.push(d);
                k += 1;
            }
            hi = Some(h);
        }
        if self.at(k) != Some('}') {
            return Ok(None);
        }
        if lo.is_empty() && hi.is_none() {
            return Ok(None);
        }
        let too_big = |s: &str| s.len() > 9;
        if too_big(&lo) || hi.as_deref().is_some_and(too_big) {
            return err("the repetition number is too large", start + 1);
        }
        let lo_n: u64 = lo.parse().unwrap_or(0);
        self.i = k + 1;
        Ok(Some(match hi {
            None => format!("{{{lo_n}}}"),
            Some(h) if h.is_empty() => format!("{{{lo_n},}}"),
            Some(h) => {
                let hi_n: u64 = h.parse().unwrap_or(0);
                if hi_n < lo_n {
                    return err("min repeat greater than max repeat", start + 1);
                }
                format!("{{{lo_n},{hi_n}}}")
            }
        }))
    }

    /// A class shorthand (`\d`, `\w`, `\s` and negations) as a fancy-regex class item that
    /// works inside and outside `[...]`.
    fn shorthand(&self, c: char) -> Option<&'static str> {
        let ascii = self.ascii();
        Some(match (c, ascii) {
            ('d', false) => "\\d",
            ('D', false) => "\\D",
            // Python's \w is `str.isalnum()` or `_`: letters and numbers, not the marks
            // (U+0345) that Unicode's word class also takes.
            ('w', false) => "[\\p{L}\\p{N}_]",
            ('W', false) => "[^\\p{L}\\p{N}_]",
            ('s', false) => "[\\s\\x1C-\\x1F]",
            ('S', false) => "[^\\s\\x1C-\\x1F]",
            ('d', true) => "[0-9]",
            ('D', true) => "[^0-9]",
            ('w', true) => "[0-9A-Za-z_]",
            ('W', true) => "[^0-9A-Za-z_]",
            ('s', true) => "[ \\t\\n\\r\\x0B\\x0C]",
            ('S', true) => "[^ \\t\\n\\r\\x0B\\x0C]",
            _ => return None,
        })
    }

    /// Hex digits for `\x`, `\u`, `\U`.
    fn hex(&mut self, n: usize, start: usize, kind: char) -> Result<char, PatternError> {
        let mut s = String::new();
        for _ in 0..n {
            match self.peek().filter(|d| d.is_ascii_hexdigit()) {
                Some(d) => {
                    s.push(d);
                    self.i += 1;
                }
                None => return err(format!("incomplete escape \\{kind}{s}"), start),
            }
        }
        let v = u32::from_str_radix(&s, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None if v > 0x10ffff => err(format!("bad escape \\{kind}{s}"), start),
            // A surrogate cannot be in a str here, so it can match nothing.
            None => Ok('\u{fffd}'),
        }
    }

    /// A literal-valued escape (shared by classes and the outside): `Some(char)`, or `None`
    /// when `c` is not one.
    fn char_escape(&mut self, c: char, start: usize) -> Result<Option<char>, PatternError> {
        Ok(Some(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'x' => self.hex(2, start, 'x')?,
            'u' => self.hex(4, start, 'u')?,
            'U' => self.hex(8, start, 'U')?,
            '0' => self.octal(0, start)?,
            _ if !c.is_ascii_alphanumeric() => c,
            _ => return Ok(None),
        }))
    }

    /// Octal digits after a first digit already read (value `first`).
    fn octal(&mut self, first: u32, start: usize) -> Result<char, PatternError> {
        let mut v = first;
        let mut digits = 1;
        while digits < 3 {
            match self.peek().and_then(|d| d.to_digit(8)) {
                Some(d) => {
                    v = v * 8 + d;
                    self.i += 1;
                    digits += 1;
                }
                None => break,
            }
        }
        if v > 0o377 {
            let text: String = self.p[start..self.i].iter().collect();
            return err(
                format!("octal escape value {text} outside of range 0-0o377"),
                start,
            );
        }
        Ok(char::from_u32(v).unwrap_or('\0'))
    }

    /// An escape outside a class. Returns whether it is a repeatable item.
    fn escape(&mut self, start: usize) -> Result<bool, PatternError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        if let Some(s) = self.shorthand(c) {
            self.out.push_str(s);
            return Ok(true);
        }
        match c {
            'A' => self.out.push_str("\\A"),
            'Z' => self.out.push_str("\\z"),
            'b' | 'B' => {
                if self.ascii() {
                    const W: &str = "[0-9A-Za-z_]";
                    let _ = if c == 'b' {
                        write!(self.out, "(?:(?<={W})(?!{W})|(?<!{W})(?={W}))")
                    } else {
                        write!(self.out, "(?:(?<={W})(?={W})|(?<!{W})(?!{W}))")
                    };
                } else {
                    let _ = write!(self.out, "\\{c}");
                }
            }
            '1'..='9' => {
                // Three octal digits make an octal escape; otherwise a group reference.
                let d1 = c.to_digit(10).unwrap_or(0);
                if d1 < 8
                    && self.peek().is_some_and(|d| d.is_digit(8))
                    && self.at(self.i + 1).is_some_and(|d| d.is_digit(8))
                {
                    let ch = self.octal(d1, start)?;
                    lit(&mut self.out, ch);
                    return Ok(true);
                }
                let mut n = d1 as usize;
                if let Some(d2) = self.peek().and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d2 as usize;
                    self.i += 1;
                }
                self.backref(n, start + 1)?;
                return Ok(true);
            }
            _ => match self.char_escape(c, start)? {
                Some(ch) => lit(&mut self.out, ch),
                None => return err(format!("bad escape \\{c}"), start),
            },
        }
        Ok(!matches!(c, 'A' | 'Z' | 'b' | 'B'))
    }

    fn backref(&mut self, n: usize, pos: usize) -> Result<(), PatternError> {
        if n > self.groups {
            return err(format!("invalid group reference {n}"), pos);
        }
        if !self.closed[n - 1] {
            return err("cannot refer to an open group", pos - 1);
        }
        let _ = write!(self.out, "(?:\\{n})");
        Ok(())
    }

    /// A `[...]` class (the `[` already read).
    fn class(&mut self, start: usize) -> Result<(), PatternError> {
        self.out.push('[');
        if self.peek() == Some('^') {
            self.i += 1;
            self.out.push('^');
        }
        let first = self.i;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            let item_at = self.i;
            self.i += 1;
            if c == ']' && item_at > first {
                break;
            }
            // One item: a literal or a shorthand.
            let lo = match self.class_item(c, item_at)? {
                Err(short) => {
                    if self.peek() == Some('-') && self.at(self.i + 1).is_some_and(|d| d != ']') {
                        let text: String = self.p[item_at..(self.i + 2).min(self.p.len())]
                            .iter()
                            .collect();
                        return err(format!("bad character range {text}"), item_at);
                    }
                    self.out.push_str(short);
                    continue;
                }
                Ok(ch) => ch,
            };
            if self.peek() == Some('-') && self.at(self.i + 1).is_some_and(|d| d != ']') {
                self.i += 1;
                let hi_at = self.i;
                let Some(hc) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.i += 1;
                let hi = self.class_item(hc, hi_at)?;
                let text: String = self.p[item_at..self.i].iter().collect();
                match hi {
                    Ok(hi) if hi >= lo => {
                        lit(&mut self.out, lo);
                        self.out.push('-');
                        lit(&mut self.out, hi);
                    }
                    _ => return err(format!("bad character range {text}"), item_at),
                }
            } else {
                lit(&mut self.out, lo);
            }
        }
        self.out.push(']');
        Ok(())
    }

    /// One class member starting with `c` (already consumed): `Ok(char)` for a literal,
    /// `Err(class)` for a shorthand.
    fn class_item(
        &mut self,
        c: char,
        at: usize,
    ) -> Result<Result<char, &'static str>, PatternError> {
        if c != '\\' {
            return Ok(Ok(c));
        }
        let Some(e) = self.peek() else {
            return err("bad escape (end of pattern)", at);
        };
        self.i += 1;
        if let Some(s) = self.shorthand(e) {
            return Ok(Err(s));
        }
        if e == 'b' {
            return Ok(Ok('\x08'));
        }
        if let Some(d) = e.to_digit(8) {
            if e != '0' && !self.peek().is_some_and(|x| x.is_digit(8)) {
                return err(format!("bad escape \\{e}"), at);
            }
            return Ok(Ok(self.octal(d, at)?));
        }
        match self.char_escape(e, at)? {
            Some(ch) => Ok(Ok(ch)),
            None => err(format!("bad escape \\{e}"), at),
        }
    }

    fn name_until(&mut self, end: char, at: usize) -> Result<String, PatternError> {
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    if name.is_empty() {
                        return err("missing group name", at);
                    }
                    return err(format!("missing {end}, unterminated name"), at);
                }
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err("missing group name", at);
        }
        Ok(name)
    }

    fn open_group(&mut self, start: usize, name: Option<String>) -> Result<(), PatternError> {
        self.groups += 1;
        let n = self.groups;
        if let Some(name) = name {
            if let Some((_, was)) = self.names.iter().find(|(m, _)| *m == name) {
                return err(
                    format!("redefinition of group name {name:?} as group {n}; was group {was}")
                        .replace('"', "'"),
                    start + 4,
                );
            }
            self.names.push((name, n));
        }
        self.closed.push(false);
        self.close_at.push(0);
        self.open.push((start, Open::Group(n)));
        self.out.push('(');
        Ok(())
    }

    /// A group (the `(` already read). Returns whether what it opened or wrote is repeatable.
    fn group(&mut self, start: usize) -> Result<bool, PatternError> {
        if self.peek() != Some('?') {
            self.open_group(start, None)?;
            return Ok(true);
        }
        self.i += 1;
        let Some(c) = self.peek() else {
            return err("unexpected end of pattern", self.i);
        };
        self.i += 1;
        match c {
            ':' => self.push_other(start, "(?:"),
            '>' => self.push_other(start, "(?>"),
            '=' => self.push_other(start, "(?="),
            '!' => self.push_other(start, "(?!"),
            '<' => match self.peek() {
                Some('=') => {
                    self.i += 1;
                    self.push_other(start, "(?<=");
                }
                Some('!') => {
                    self.i += 1;
                    self.push_other(start, "(?<!");
                }
                other => {
                    let shown: String = other.map(String::from).unwrap_or_default();
                    return err(format!("unknown extension ?<{shown}"), start + 1);
                }
            },
            'P' => match self.peek() {
                Some('<') => {
                    self.i += 1;
                    let at = self.i;
                    let name = self.name_until('>', at)?;
                    if !is_identifier(&name) {
                        return err(format!("bad character in group name '{name}'"), at);
                    }
                    self.open_group(start, Some(name))?;
                }
                Some('=') => {
                    self.i += 1;
                    let at = self.i;
                    let name = self.name_until(')', at)?;
                    if !is_identifier(&name) {
                        return err(format!("bad character in group name '{name}'"), at);
                    }
                    let Some(n) = self.names.iter().find(|(m, _)| *m == name).map(|x| x.1) else {
                        return err(format!("unknown group name '{name}'"), at);
                    };
                    if !self.closed[n - 1] {
                        return err("cannot refer to an open group", at);
                    }
                    let _ = write!(self.out, "(?:\\{n})");
                    return Ok(true);
                }
                other => {
                    let shown: String = other.map(String::from).unwrap_or_default();
                    return err(format!("unknown extension ?P{shown}"), start + 1);
                }
            },
            '#' => {
                loop {
                    match self.peek() {
                        None => return err("missing ), unterminated comment", start),
                        Some(')') => {
                            self.i += 1;
                            break;
                        }
                        Some(_) => self.i += 1,
                    }
                }
                return Ok(false);
            }
            '(' => {
                let at = self.i;
                let name = self.name_until(')', at)?;
                let n = if let Ok(n) = name.parse::<usize>() {
                    if n == 0 {
                        return err("bad group number", at);
                    }
                    if n > self.groups {
                        return err(format!("invalid group reference {n}"), at);
                    }
                    n
                } else if let Some((_, n)) = self.names.iter().find(|(m, _)| *m == name) {
                    *n
                } else if is_identifier(&name) {
                    return err(format!("unknown group name '{name}'"), at);
                } else {
                    return err(format!("bad character in group name '{name}'"), at);
                };
                let _ = write!(self.out, "(?({n})");
                self.open.push((start, Open::Other));
            }
            _ if flag_of(c).is_some() || c == '-' => {
                // Scoped flags `(?flags-flags:...)`; global ones only at the start.
                let mut on = String::new();
                let mut off = String::new();
                let mut minus = c == '-';
                if !minus {
                    on.push(c);
                }
                loop {
                    match self.peek() {
                        Some(':') => {
                            self.i += 1;
                            break;
                        }
                        Some(')') => {
                            return err("global flags not at the start of the expression", start);
                        }
                        Some('-') if !minus => {
                            minus = true;
                            self.i += 1;
                        }
                        Some(f) if flag_of(f).is_some() => {
                            if minus {
                                off.push(f);
                            } else {
                                on.push(f);
                            }
                            self.i += 1;
                        }
                        Some(f) => {
                            let _ = f;
                            return err("unknown flag", self.i);
                        }
                        None => return err("missing -, : or )", self.i),
                    }
                }
                let keep = |s: &str| s.chars().filter(|f| "ims".contains(*f)).collect::<String>();
                let (on, off) = (keep(&on), keep(&off));
                let mut g = String::from("(?");
                g.push_str(&on);
                if !off.is_empty() {
                    g.push('-');
                    g.push_str(&off);
                }
                g.push(':');
                self.push_other(start, &g);
            }
            _ => return err(format!("unknown extension ?{c}"), start + 1),
        }
        Ok(true)
    }

    fn push_other(&mut self, start: usize, text: &str) {
        self.out.push_str(text);
        self.open.push((start, Open::Other));
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}
