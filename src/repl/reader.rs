//! Reading the prompt's lines: with line editing, completion and a persistent history
//! (`rustyline`) on a terminal, or plain lines from a pipe (`-i` with redirected input:
//! prompts then go to stderr, as CPython's do).

use std::io::{BufRead, Write};
use std::path::PathBuf;

use gilvm::Interpreter;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::Editor;

use super::complete::Names;

/// What one read at the prompt gave.
pub enum Read {
    Line(String),
    Interrupted,
    Eof,
}

pub enum LineReader<'a> {
    Editor {
        editor: Box<Editor<Names<'a>, FileHistory>>,
        history: Option<PathBuf>,
    },
    Plain(std::io::StdinLock<'static>),
}

/// `~/.gilvm_history` (CPython keeps `~/.python_history`).
fn history_file() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".gilvm_history"))
}

impl<'a> LineReader<'a> {
    pub fn new(interp: &'a Interpreter, tty: bool) -> LineReader<'a> {
        if tty {
            if let Ok(mut editor) = Editor::new() {
                editor.set_helper(Some(Names::new(interp)));
                let history = history_file();
                if let Some(file) = &history {
                    let _ = editor.load_history(file);
                }
                return LineReader::Editor {
                    editor: Box::new(editor),
                    history,
                };
            }
        }
        LineReader::Plain(std::io::stdin().lock())
    }

    pub fn read_line(&mut self, prompt: &str) -> Read {
        match self {
            LineReader::Editor { editor, .. } => match editor.readline(prompt) {
                Ok(line) => Read::Line(line),
                Err(ReadlineError::Interrupted) => Read::Interrupted,
                Err(_) => Read::Eof,
            },
            LineReader::Plain(stdin) => {
                let mut err = std::io::stderr();
                let _ = err.write_all(prompt.as_bytes());
                let _ = err.flush();
                let mut line = String::new();
                match stdin.read_line(&mut line) {
                    Ok(0) | Err(_) => {
                        // The prompt's line ends, as CPython ends it.
                        let _ = err.write_all(b"\n");
                        Read::Eof
                    }
                    Ok(_) => {
                        let line = line.strip_suffix('\n').unwrap_or(&line);
                        Read::Line(line.strip_suffix('\r').unwrap_or(line).to_string())
                    }
                }
            }
        }
    }

    /// Keeps an input in the history (saved to the history file at once).
    pub fn add_history(&mut self, entry: &str) {
        if let LineReader::Editor { editor, history } = self {
            let _ = editor.add_history_entry(entry);
            if let Some(file) = history {
                let _ = editor.save_history(file);
            }
        }
    }
}
