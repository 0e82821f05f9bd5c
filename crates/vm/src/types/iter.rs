//! Iterator objects of the built-in types (`iter(list)`, `enumerate`, `zip`, `map`, ...).

use crate::value::{DictViewKind, ObjRef, Value};

pub enum IterState {
    List {
        list: ObjRef,
        index: usize,
    },
    Tuple {
        tuple: ObjRef,
        index: usize,
    },
    Str {
        text: ObjRef,
        byte_pos: usize,
    },
    Bytes {
        bytes: ObjRef,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Dict {
        dict: ObjRef,
        index: usize,
        kind: DictViewKind,
    },
    /// A snapshot (set iteration, `reversed`).
    Snapshot {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

impl IterState {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::List { .. } => "list_iterator",
            IterState::Tuple { .. } => "tuple_iterator",
            IterState::Str { .. } => "str_ascii_iterator",
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict {
                kind: DictViewKind::Keys,
                ..
            } => "dict_keyiterator",
            IterState::Dict {
                kind: DictViewKind::Values,
                ..
            } => "dict_valueiterator",
            IterState::Dict {
                kind: DictViewKind::Items,
                ..
            } => "dict_itemiterator",
            IterState::Snapshot { .. } => "iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Callable { .. } => "callable_iterator",
            IterState::Exhausted => "iterator",
        }
    }
}
