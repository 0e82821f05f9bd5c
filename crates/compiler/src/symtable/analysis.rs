//! Second half of the symbol-table pass (CPython's `analyze_block`): decides each symbol's
//! [`NameScope`] from the flags, propagating free variables up and bound names down.

use std::collections::HashSet;

use gilvm_syntax::SyntaxError;

use super::flags::*;
use super::{NameScope, Scope, ScopeKind, Symbol, SymbolTable};
use crate::error::SourceMap;

type Names = HashSet<String>;

pub(super) fn analyze(table: &mut SymbolTable, map: &SourceMap) -> Result<(), SyntaxError> {
    analyze_block(table, map, 0, &Names::new(), &Names::new()).map(|_| ())
}

/// Classifies the names of scope `id` and its children; returns the names free in it.
/// `bound`: names bound by enclosing functions; `global`: names declared global above.
fn analyze_block(
    table: &mut SymbolTable,
    map: &SourceMap,
    id: usize,
    bound: &Names,
    global: &Names,
) -> Result<Names, SyntaxError> {
    let mut bound = bound.clone();
    let mut global = global.clone();
    let mut local = Names::new();
    let mut free = Names::new();
    let kind = table.scopes[id].kind;
    let mut new_bound = Names::new();
    let mut new_global = Names::new();
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        new_bound.extend(bound.iter().cloned());
    }
    for (name, symbol) in table.scopes[id].symbols.iter_mut() {
        let sets = NameSets {
            bound: &mut bound,
            global: &mut global,
            local: &mut local,
            free: &mut free,
        };
        analyze_name(map, name, symbol, sets)?;
    }
    if kind == ScopeKind::Class {
        new_bound.insert("__class__".to_string());
    } else {
        if kind.is_function_like() {
            new_bound.extend(local.iter().cloned());
        }
        new_bound.extend(bound.iter().cloned());
        new_global.extend(global.iter().cloned());
    }
    let mut new_free = Names::new();
    for child in table.scopes[id].children.clone() {
        new_free.extend(crate::deep(|| {
            analyze_block(table, map, child, &new_bound, &new_global)
        })?);
    }
    let scope = &mut table.scopes[id];
    if kind.is_function_like() {
        mark_cells(scope, &mut new_free);
    }
    if kind == ScopeKind::Class && new_free.remove("__class__") {
        scope.needs_class_closure = true;
    }
    add_passed_through(scope, &new_free, &bound);
    free.extend(new_free);
    Ok(free)
}

struct NameSets<'a> {
    bound: &'a mut Names,
    global: &'a mut Names,
    local: &'a mut Names,
    free: &'a mut Names,
}

fn analyze_name(
    map: &SourceMap,
    name: &str,
    symbol: &mut Symbol,
    sets: NameSets,
) -> Result<(), SyntaxError> {
    let flags = symbol.flags;
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            let message = format!("name '{name}' is nonlocal and global");
            return Err(map.error(symbol.declared_at, message));
        }
        symbol.scope = NameScope::GlobalExplicit;
        sets.global.insert(name.to_string());
        sets.bound.remove(name);
    } else if flags & DEF_NONLOCAL != 0 {
        if !sets.bound.contains(name) {
            let message = format!("no binding for nonlocal '{name}' found");
            return Err(map.error(symbol.declared_at, message));
        }
        symbol.scope = NameScope::Free;
        sets.free.insert(name.to_string());
    } else if flags & DEF_BOUND != 0 {
        symbol.scope = NameScope::Local;
        sets.local.insert(name.to_string());
        sets.global.remove(name);
    } else if sets.bound.contains(name) {
        symbol.scope = NameScope::Free;
        sets.free.insert(name.to_string());
    } else {
        symbol.scope = NameScope::GlobalImplicit;
    }
    Ok(())
}

/// Locals of a function that nested scopes use become cells (and stop being free above).
fn mark_cells(scope: &mut Scope, free: &mut Names) {
    for (name, symbol) in scope.symbols.iter_mut() {
        if symbol.scope == NameScope::Local && free.remove(name.as_str()) {
            symbol.scope = NameScope::Cell;
        }
    }
}

/// Names free in children but not mentioned here still have to pass through this scope's
/// closure; a class that binds such a name itself passes it through as well.
fn add_passed_through(scope: &mut Scope, free: &Names, bound: &Names) {
    let is_class = scope.kind == ScopeKind::Class;
    let mut names: Vec<&String> = free.iter().collect();
    names.sort();
    for name in names {
        if let Some(symbol) = scope.lookup(name) {
            let binds = symbol.flags & (DEF_BOUND | DEF_GLOBAL) != 0;
            if is_class && binds {
                scope.symbol_mut(name).free_class = true;
            }
            continue;
        }
        if bound.contains(name.as_str()) {
            scope.symbol_mut(name).scope = NameScope::Free;
        }
    }
}
