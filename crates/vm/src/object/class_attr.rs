//! [`ClassAttr`]: what a class lookup found for one name, as an inline cache keeps it — the
//! class's version tag and the attribute without a count, CPython 3.11's borrowed pointer in
//! the `LOAD_METHOD_WITH_VALUES`/`LOAD_ATTR_CLASS` caches. A hit is a compare of the tag and
//! one count taken: no probe of the type's lookup cache.
//!
//! The entry owns no count, so it neither keeps the attribute alive nor hides a cycle from the
//! collector (code objects' caches are invisible to it); the version tag says when the
//! attribute is still held by the class's namespace (see the SAFETY argument of `get`).

use std::mem::{ManuallyDrop, MaybeUninit};

use crate::object::typeobj::TypeObj;
use crate::object::value::Value;

/// What [`TypeObj::lookup`] found for a name in one class in one state (its version tag).
#[derive(Clone, Copy)]
pub struct ClassAttr {
    /// The class's version tag when the attribute was found; 0 for an unused entry.
    version: u64,
    /// A bitwise copy of the found value, `Value::Null`'s when the class lacks the name
    /// (or nothing was looked up). It owns no count.
    found: MaybeUninit<[u64; 2]>,
}

const _: () = assert!(std::mem::size_of::<Value>() == std::mem::size_of::<[u64; 2]>());
const _: () = assert!(std::mem::align_of::<Value>() <= std::mem::align_of::<[u64; 2]>());

impl Default for ClassAttr {
    fn default() -> ClassAttr {
        ClassAttr::unlooked(0)
    }
}

impl ClassAttr {
    /// An entry for `t` in its present state (a version tag is given if it has none) that
    /// remembers no attribute: [`ClassAttr::get`] answers `None`.
    pub fn unlooked_for(t: &TypeObj) -> ClassAttr {
        ClassAttr::unlooked(t.valid_version())
    }

    fn unlooked(version: u64) -> ClassAttr {
        ClassAttr::with(version, &Value::Null)
    }

    fn with(version: u64, found: &Value) -> ClassAttr {
        let mut bits = MaybeUninit::<[u64; 2]>::uninit();
        // SAFETY: `bits` is as large as a `Value` and at least as aligned (asserted above);
        // the copy owns no count (the entry never drops or hands out the copy as owned).
        unsafe {
            std::ptr::copy_nonoverlapping(
                found as *const Value as *const u8,
                bits.as_mut_ptr() as *mut u8,
                std::mem::size_of::<Value>(),
            );
        }
        ClassAttr {
            version,
            found: bits,
        }
    }

    /// `t.lookup(name)`, remembered under `t`'s version tag. An entry for which the class
    /// changed while it was looked up (nothing runs Python code there today, but a tag
    /// dropped on the way would make the answer stale) never matches.
    pub fn find(t: &TypeObj, name: &Value) -> (ClassAttr, Option<Value>) {
        let before = t.valid_version();
        let found = t.lookup(name);
        let version = if t.version() == before { before } else { 0 };
        let entry = ClassAttr::with(version, found.as_ref().unwrap_or(&Value::Null));
        (entry, found)
    }

    /// The class's version tag the entry was made under (0: unused).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The remembered attribute, while `t` is the class the entry was made for, unchanged
    /// since; `None` otherwise or when the class lacked the name.
    #[inline(always)]
    pub fn get(&self, t: &TypeObj) -> Option<Value> {
        if self.version == 0 || self.version != t.version() {
            return None;
        }
        // SAFETY: version tags come from one counter and are never given twice, and `t` is
        // alive (the caller borrows it), so `t` is the class `find` looked in, with the tag
        // it had then: since then neither its namespace, nor its MRO, nor the namespace of a
        // class in its MRO changed — every change goes through `TypeObj::modified`, which
        // drops the tags of the class and its subclasses (`dict_mut`, `replace_bases`,
        // `replace_mro`; the collector drops them before it empties a namespace, see
        // `gc::clear`). So the object the copy points to is still held by the namespace
        // that held it then, a namespace `t` keeps alive (it holds its MRO): the copy is a
        // valid `Value` for as long as `t` is borrowed, and the clone takes the count the
        // result owns. The copy itself is never dropped (`ManuallyDrop`).
        let found =
            ManuallyDrop::new(unsafe { std::ptr::read(self.found.as_ptr() as *const Value) });
        match &*found {
            Value::Null => None,
            v => Some(v.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::typeobj::tests::{named, namespace};
    use crate::object::value::{Obj, ObjRef};

    fn t(cls: &ObjRef) -> &TypeObj {
        match &**cls {
            Obj::Type(t) => t,
            _ => unreachable!("a class"),
        }
    }

    /// A value whose only count the class's namespace holds (a list, freed with it).
    fn owned_by_namespace(cls: &ObjRef, name: &Value) -> usize {
        let v = Value::new_list(vec![Value::Int(7)]);
        let id = v.obj().map(|o| o.id()).unwrap_or(0);
        namespace(cls).insert(name.clone(), v);
        id
    }

    #[test]
    fn a_hit_answers_the_found_attribute_with_a_count_of_its_own() {
        let cls = named("C", vec![]);
        let name = Value::new_str("m");
        let id = owned_by_namespace(&cls, &name);
        let (entry, found) = ClassAttr::find(t(&cls), &name);
        let held = found
            .as_ref()
            .and_then(Value::obj)
            .map(|o| o.strong_count());
        let got = entry.get(t(&cls)).expect("a hit");
        assert_eq!(got.obj().map(|o| o.id()), Some(id));
        assert_eq!(got.obj().map(|o| o.strong_count()), held.map(|n| n + 1));
        drop(got);
        assert_eq!(
            found
                .as_ref()
                .and_then(Value::obj)
                .map(|o| o.strong_count()),
            held
        );
    }

    #[test]
    fn replacing_or_deleting_the_attribute_in_the_class_or_a_base_misses() {
        let base = named("B", vec![]);
        let sub = named("S", vec![base.clone()]);
        let name = Value::new_str("m");
        owned_by_namespace(&base, &name);
        let (entry, _) = ClassAttr::find(t(&sub), &name);
        assert!(entry.get(t(&sub)).is_some());
        // The only count of the old value goes with the replacement: a hit now would read
        // freed memory (and, under Miri or a debug allocator, fail loudly).
        namespace(&base).insert(name.clone(), Value::Int(1));
        assert!(entry.get(t(&sub)).is_none());
        assert!(entry.get(t(&base)).is_none());
        let (entry, _) = ClassAttr::find(t(&sub), &name);
        assert!(matches!(entry.get(t(&sub)), Some(Value::Int(1))));
        namespace(&base).remove(&name);
        assert!(entry.get(t(&sub)).is_none());
    }

    #[test]
    fn an_entry_names_one_class_only() {
        let a = named("A", vec![]);
        let b = named("B", vec![]);
        let name = Value::new_str("m");
        namespace(&a).insert(name.clone(), Value::Int(1));
        let (entry, _) = ClassAttr::find(t(&a), &name);
        assert!(entry.get(t(&b)).is_none());
        assert!(ClassAttr::default().get(t(&a)).is_none());
        assert!(ClassAttr::unlooked_for(t(&a)).get(t(&a)).is_none());
    }

    #[test]
    fn the_collector_emptying_a_namespace_drops_the_tags_first() {
        let cls = named("C", vec![]);
        let sub = named("S", vec![cls.clone()]);
        let name = Value::new_str("m");
        owned_by_namespace(&cls, &name);
        let (entry, _) = ClassAttr::find(t(&sub), &name);
        let mut taken = crate::object::gc::Taken::default();
        crate::object::gc::clear(&cls, &mut taken);
        drop(taken);
        assert!(entry.get(t(&sub)).is_none());
    }
}
