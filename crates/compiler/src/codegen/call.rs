//! Calls (plain, keyword, star-args, method calls) and displays (`[..]`, `(..)`, `{..}`),
//! which share the star-unpacking scheme.

use std::collections::HashSet;
use std::sync::Arc;

use gilvm_syntax::ast::{Expr, ExprKind, Keyword};

use super::{CompileResult, Compiler};
use crate::bytecode::{Constant, Instruction};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    List,
    Tuple,
    Set,
}

fn is_starred(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Starred(_))
}

impl<'a> Compiler<'a, '_> {
    pub(super) fn compile_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CompileResult {
        self.check_repeated_keywords(keywords)?;
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if keywords.is_empty() && !args.iter().any(is_starred) {
                self.compile_expr(value)?;
                let saved = self.set_location(func.span);
                let i = self.name_index(attr);
                self.emit(Instruction::LoadMethod(i));
                self.restore_location(saved);
                self.compile_exprs(args)?;
                self.emit(Instruction::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.compile_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn check_repeated_keywords(&self, keywords: &[Keyword]) -> CompileResult {
        let mut seen = HashSet::new();
        for keyword in keywords {
            if let Some(name) = &keyword.arg {
                if !seen.insert(name.as_str()) {
                    let message = format!("keyword argument repeated: {name}");
                    return Err(self.error(keyword.span, message));
                }
            }
        }
        Ok(())
    }

    /// Calls the callable below `pushed` already pushed positional arguments.
    pub(super) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CompileResult {
        let has_stars = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if has_stars {
            return self.call_with_stars(pushed, args, keywords);
        }
        self.compile_exprs(args)?;
        let argc = pushed + args.len() as u32 + keywords.len() as u32;
        if keywords.is_empty() {
            self.emit(Instruction::Call(argc));
            return Ok(());
        }
        let mut names = Vec::new();
        for keyword in keywords {
            self.compile_expr(&keyword.value)?;
            let name = keyword.arg.as_deref().unwrap_or_default();
            names.push(Constant::Str(Arc::from(name)));
        }
        self.load_const(Constant::Tuple(Arc::from(names)));
        self.emit(Instruction::CallKw(argc));
        Ok(())
    }

    /// `f(*a, b, **k)`: a tuple of positionals and a dict of keywords, then `CallFunctionEx`.
    fn call_with_stars(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CompileResult {
        match args {
            // `f(*xs)`: the iterable itself, as CPython does, so that the call can name `f`
            // if `xs` is not iterable.
            [Expr {
                kind: ExprKind::Starred(only),
                ..
            }] if pushed == 0 => self.compile_expr(only)?,
            _ => {
                self.emit(Instruction::BuildList(pushed));
                self.extend_list(args, Display::List)?;
                self.emit(Instruction::ListToTuple);
            }
        }
        if keywords.is_empty() {
            self.emit(Instruction::CallFunctionEx(0));
            return Ok(());
        }
        self.emit(Instruction::BuildMap(0));
        let mut pending = 0;
        for keyword in keywords {
            match &keyword.arg {
                Some(name) => {
                    self.load_str(name);
                    self.compile_expr(&keyword.value)?;
                    pending += 1;
                }
                None => {
                    self.flush_keywords(&mut pending);
                    self.compile_expr(&keyword.value)?;
                    self.emit(Instruction::DictMerge(1));
                }
            }
        }
        self.flush_keywords(&mut pending);
        self.emit(Instruction::CallFunctionEx(1));
        Ok(())
    }

    /// Merges the `pending` name/value pairs on the stack into the kwargs dict below them.
    fn flush_keywords(&mut self, pending: &mut u32) {
        if *pending > 0 {
            self.emit(Instruction::BuildMap(*pending));
            self.emit(Instruction::DictMerge(1));
            *pending = 0;
        }
    }

    /// Appends each element (or extends by each `*iterable`) to the list/set on the stack.
    fn extend_list(&mut self, elts: &'a [Expr], kind: Display) -> CompileResult {
        for elt in elts {
            match (&elt.kind, kind) {
                (ExprKind::Starred(inner), Display::Set) => {
                    self.compile_expr(inner)?;
                    self.emit(Instruction::SetUpdate(1));
                }
                (ExprKind::Starred(inner), _) => {
                    self.compile_expr(inner)?;
                    self.emit(Instruction::ListExtend(1));
                }
                (_, Display::Set) => {
                    self.compile_expr(elt)?;
                    self.emit(Instruction::SetAdd(1));
                }
                _ => {
                    self.compile_expr(elt)?;
                    self.emit(Instruction::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    /// `[a, *b, c]`: the elements before the first star are built directly, the rest added
    /// one by one.
    pub(super) fn compile_display(&mut self, elts: &'a [Expr], kind: Display) -> CompileResult {
        if kind == Display::Set && elts.len() > 2 {
            let folded: Option<Vec<Constant>> = elts.iter().map(crate::constants::fold).collect();
            if let Some(items) = folded {
                self.emit(Instruction::BuildSet(0));
                self.load_const(Constant::FrozenSet(Arc::from(items)));
                self.emit(Instruction::SetUpdate(1));
                return Ok(());
            }
        }
        let prefix = elts.iter().take_while(|e| !is_starred(e)).count();
        self.compile_exprs(&elts[..prefix])?;
        let count = prefix as u32;
        if prefix == elts.len() {
            self.emit(match kind {
                Display::List => Instruction::BuildList(count),
                Display::Tuple => Instruction::BuildTuple(count),
                Display::Set => Instruction::BuildSet(count),
            });
            return Ok(());
        }
        self.emit(match kind {
            Display::Set => Instruction::BuildSet(count),
            _ => Instruction::BuildList(count),
        });
        self.extend_list(&elts[prefix..], kind)?;
        if kind == Display::Tuple {
            self.emit(Instruction::ListToTuple);
        }
        Ok(())
    }

    /// `{k: v, **m}`: runs of pairs become `BuildMap`, merged with `DictUpdate`.
    pub(super) fn compile_dict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> CompileResult {
        let mut pending = 0;
        let mut have_dict = false;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(key) => {
                    self.compile_expr(key)?;
                    self.compile_expr(value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.build_map_part(pending, have_dict);
                        have_dict = true;
                        pending = 0;
                    }
                    self.compile_expr(value)?;
                    self.emit(Instruction::DictUpdate(1));
                }
            }
        }
        if pending > 0 || !have_dict {
            self.build_map_part(pending, have_dict);
        }
        Ok(())
    }

    fn build_map_part(&mut self, pairs: u32, merge: bool) {
        self.emit(Instruction::BuildMap(pairs));
        if merge {
            self.emit(Instruction::DictUpdate(1));
        }
    }
}
