//! Tab completion at the prompt: names of `__main__`, the builtins and keywords, and after a
//! dot the attributes of the object a dotted name evaluates to (as CPython's `rlcompleter`,
//! which also evaluates it). It takes the GIL for the look-up: the prompt does not hold it.

use gilvm::Interpreter;
use rustyline::completion::Completer;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub struct Names<'a> {
    interp: &'a Interpreter,
}

impl<'a> Names<'a> {
    pub fn new(interp: &'a Interpreter) -> Names<'a> {
        Names { interp }
    }

    /// The completions of `word` (a name or a dotted name).
    fn candidates(&self, word: &str) -> Vec<String> {
        let (base, prefix) = match word.rsplit_once('.') {
            Some((base, prefix)) => (Some(base), prefix),
            None => (None, word),
        };
        let names: Vec<String> = self.interp.with_gil(|py| {
            let eval = |expr: &str| {
                py.eval(expr)
                    .and_then(|v| v.extract::<Vec<String>>())
                    .unwrap_or_default()
            };
            match base {
                Some(base) if is_dotted_name(base) => eval(&format!("dir({base})")),
                Some(_) => Vec::new(),
                None => {
                    let mut names = eval("list(globals())");
                    names.extend(eval("dir(__import__('builtins'))"));
                    names.extend(KEYWORDS.iter().map(|k| k.to_string()));
                    names
                }
            }
        });
        let mut found: Vec<String> = names
            .into_iter()
            .filter(|n| n.starts_with(prefix) && (prefix.starts_with('_') || !n.starts_with('_')))
            .map(|n| match base {
                Some(base) => format!("{base}.{n}"),
                None => n,
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }
}

fn is_dotted_name(text: &str) -> bool {
    text.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_')
    })
}

impl Completer for Names<'_> {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let start = line[..pos]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| i + 1);
        let word = &line[start..pos];
        if word.is_empty() {
            // Tab on nothing indents, as in CPython.
            return Ok((pos, vec!["    ".to_string()]));
        }
        Ok((start, self.candidates(word)))
    }
}

impl Hinter for Names<'_> {
    type Hint = String;
}
impl Highlighter for Names<'_> {}
impl Validator for Names<'_> {}
impl Helper for Names<'_> {}
