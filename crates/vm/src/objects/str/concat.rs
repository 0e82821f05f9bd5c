//! Building strs by concatenation: `sep.join(strs)` and f-strings' `BuildString` in one
//! allocation of the exact size ([`join_plain`]), and `str + str` without quadratic string
//! building: like CPython's `unicode_concatenate`, the
//! left operand is appended to in place when the eval loop holds its only reference, counting
//! the variable that the next instruction is about to overwrite as released.
//!
//! `s += t` compiles to `LoadFast(s) .. InplaceOp(Add) StoreFast(s)`: while the add runs, the
//! string is referenced by the stack and by `s`. Clearing `s` first (it is rebound to the result
//! right after, with no code running in between) leaves the stack as the only owner, so the
//! text grows in place with amortised doubling. Any other reference (`t = s`, a container,
//! a constant) keeps the count above one and the add copies, so nothing observable changes.

use crate::object::alloc::TooBig;
use gilvm_compiler::bytecode::{unpack_pair, Instruction as I};

use crate::interp::frame::Frame;
use crate::object::text::Text;
use crate::object::value::HashCache;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::code::CodeInfo;
use crate::objects::dict::{dict_get, store_dict};
use crate::objects::str::PyStr;

/// Replaces the top two stack values with their concatenation when both are `str`; returns
/// false (touching nothing) otherwise. `next` is the instruction after the add.
pub fn concat_top(f: &mut Frame, code: &CodeInfo, next: Option<&I>) -> bool {
    let [.., head, tail] = &f.slots[..] else {
        return false;
    };
    if head.as_str().is_none() || tail.as_str().is_none() {
        return false;
    }
    let head_id = head.obj().map_or(0, ObjRef::id);
    let tail = f.pop();
    release_store_target(f, code, next, head_id);
    let built = match (f.slots.last_mut(), tail.as_str()) {
        (Some(Value::Obj(head)), Some(tail)) => append_or_copy(head, tail),
        _ => Ok(()),
    };
    if built.is_err() {
        // Too big: the generic `+` raises `MemoryError` (the store target stays released,
        // as in CPython's `unicode_concatenate`).
        f.push(tail);
        return false;
    }
    true
}

/// Appends in place when `head` is the only reference, else rebinds it to a new string.
fn append_or_copy(head: &mut ObjRef, tail: &PyStr) -> Result<(), TooBig> {
    if let Some(Obj::Str(text)) = head.get_mut() {
        return text.append(tail);
    }
    if let Obj::Str(text) = &**head {
        *head = ObjRef::new(Obj::Str(PyStr::concat(text, tail)?));
    }
    Ok(())
}

/// When `next` stores into a variable that holds `head`, drops that variable's reference now
/// (`head` itself is still on the stack); the store rebinds it right after the add.
fn release_store_target(f: &mut Frame, code: &CodeInfo, next: Option<&I>, head_id: usize) {
    let holds_head = |v: &Value| v.obj().is_some_and(|o| o.id() == head_id);
    match next {
        Some(&I::StoreFast(i)) if f.slots.get(i as usize).is_some_and(holds_head) => {
            f.slots[i as usize] = Value::Null;
        }
        Some(&I::StoreFastLoadFast(pair)) => {
            let i = unpack_pair(pair).0 as usize;
            if f.slots.get(i).is_some_and(holds_head) {
                f.slots[i] = Value::Null;
            }
        }
        Some(&I::StoreDeref(i)) => {
            if let Some(Obj::Cell(cell)) = f.cells.get(i as usize).map(|c| &**c) {
                if holds_head(&cell.borrow()) {
                    *cell.borrow_mut() = Value::Null;
                }
            }
        }
        Some(&I::StoreName(i)) => {
            let ns = f.namespace.as_ref().unwrap_or(&f.globals);
            release_dict_entry(ns, &code.names[i as usize], holds_head);
        }
        Some(&I::StoreGlobal(i)) => {
            release_dict_entry(&f.globals, &code.names[i as usize], holds_head)
        }
        _ => {}
    }
}

/// Rebinds `dict[name]` to None (keeping the key and its position) when it holds the head.
fn release_dict_entry(dict: &ObjRef, name: &Value, holds_head: impl Fn(&Value) -> bool) {
    if dict_get(dict, name).is_some_and(|v| holds_head(&v)) {
        store_dict(dict, name, Value::None);
    }
}

/// `sep.join(items)` when `sep` and every item are strs of the built-in type without lone
/// surrogates: the lengths summed first, the text copied once into a string of exactly that
/// size, its length in code points summed too (no rescan). `None` for anything else (the
/// general join: subclasses, surrogates, the `TypeError` for a non-str item).
pub fn join_plain(sep: &PyStr, items: &[Value]) -> Option<Result<PyStr, TooBig>> {
    if sep.lone.is_some() {
        return None;
    }
    let (mut bytes, mut chars) = (0usize, 0usize);
    for item in items {
        let s = item.as_str().filter(|s| s.lone.is_none())?;
        bytes = bytes.saturating_add(s.text.len());
        chars = chars.saturating_add(s.char_len);
    }
    let gaps = items.len().saturating_sub(1);
    let bytes = bytes.saturating_add(sep.text.len().saturating_mul(gaps));
    Some(joined_text(sep, items, bytes).map(|text| PyStr {
        text,
        char_len: chars + sep.char_len * gaps,
        lone: None,
        hash: HashCache::default(),
    }))
}

fn joined_text(sep: &PyStr, items: &[Value], bytes: usize) -> Result<Text, TooBig> {
    let mut text = Text::with_capacity(bytes)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep.text);
        }
        text.push_str(item.as_str().map_or("", PyStr::as_str));
    }
    Ok(text)
}
