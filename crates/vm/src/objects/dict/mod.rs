//! `dict` storage: insertion-ordered, keyed by Python hash/equality. Key equality is decided
//! natively (numbers across int/float/bool, str by content, tuples item-wise, everything else
//! by identity), so a lookup never runs Python code.

pub mod keys;
pub mod methods;
pub mod set_table;

use std::cell::RefCell;
use std::hash::{BuildHasher, Hash, Hasher};

use indexmap::IndexMap;

use crate::object::alloc::{self, TooBig};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::float::hash_float;
use crate::objects::int::hash_int;

/// A dict key with its precomputed hash.
#[derive(Clone, Debug)]
pub struct Key {
    pub hash: u64,
    pub value: Value,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value)
    }
}

impl Eq for Key {}

/// A borrowed key with its hash: looks an entry up without cloning (counting) the key.
struct KeyRef<'a> {
    hash: u64,
    value: &'a Value,
}

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A key given as Rust text, with its str hash: equal to a stored str of that very text.
struct TextKey<'a> {
    hash: u64,
    text: &'a str,
}

impl Hash for TextKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl indexmap::Equivalent<Key> for TextKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.hash == key.hash
            && key
                .value
                .as_str()
                .is_some_and(|s| !s.has_surrogates() && s.as_str() == self.text)
    }
}

impl indexmap::Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.hash == key.hash && keys_equal(self.value, &key.value)
    }
}

/// Hands the table the precomputed hash, spread over all 64 bits (see [`spread`]).
#[derive(Clone, Copy, Default)]
pub struct PassThrough;

pub struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = spread(n);
    }
}

/// Python's hash of a small int is the int itself, so its high bits are all zero; the table
/// (hashbrown) keeps the top 7 bits of each hash as a tag to skip non-matching entries, and
/// with every tag equal each probe would compare the key against a whole group of entries.
/// Multiplying by an odd constant fills the high bits and keeps the low bits (the bucket)
/// distinct for consecutive ints.
#[inline(always)]
fn spread(hash: u64) -> u64 {
    hash.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl BuildHasher for PassThrough {
    type Hasher = PassThroughHasher;
    fn build_hasher(&self) -> PassThroughHasher {
        PassThroughHasher(0)
    }
}

/// Equality used for dict keys and set members.
#[inline]
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    // The same object: interned names, the usual case of attribute and global lookups.
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if ObjRef::ptr_eq(x, y) {
            return true;
        }
    }
    keys_equal_by_value(a, b)
}

fn keys_equal_by_value(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => s == t,
            (Obj::Tuple(s), Obj::Tuple(t)) => {
                s.len() == t.len() && s.iter().zip(t.iter()).all(|(p, q)| keys_equal(p, q))
            }
            (Obj::BigInt(s), Obj::BigInt(t)) => s == t,
            (Obj::Complex(s), Obj::Complex(t)) => s == t,
            (Obj::BoundMethod { func: f, this: a }, Obj::BoundMethod { func: g, this: b }) => {
                f.is(g) && a.is(b)
            }
            (Obj::Bytes(s), Obj::Bytes(t)) => s == t,
            (
                Obj::Set {
                    items: s,
                    frozen: true,
                },
                Obj::Set {
                    items: t,
                    frozen: true,
                },
            ) => {
                let (s, t) = (s.borrow(), t.borrow());
                s.len() == t.len() && s.keys().all(|k| t.contains(k))
            }
            _ => false,
        },
        _ => crate::protocol::ops::numeric_eq(a, b).unwrap_or(false),
    }
}

/// Below this (CPython's hash modulus, 2**61 - 1) an int is its own hash.
const SMALL_INT_HASH_LIMIT: i64 = (1 << 61) - 1;

/// The hash of a hashable value, or `None` for unhashable ones.
#[inline]
pub fn hash_value(v: &Value) -> Option<u64> {
    // Most keys are str (attribute and global names): their cached hash, without the call;
    // then small non-negative ints, which are their own hash (no modulo).
    match v {
        Value::Obj(o) => {
            if let Obj::Str(s) = &**o {
                return Some(s.hash());
            }
        }
        Value::Int(i) if (0..SMALL_INT_HASH_LIMIT).contains(i) => return Some(*i as u64),
        _ => {}
    }
    hash_other(v)
}

fn hash_other(v: &Value) -> Option<u64> {
    Some(match v {
        Value::Null | Value::None => 0x5f3759df,
        Value::Bool(b) => *b as u64,
        Value::Int(i) => hash_int(*i) as u64,
        Value::Float(f) => hash_float(*f) as u64,
        Value::Obj(o) => match &**o {
            Obj::Str(s) => s.hash(),
            Obj::BigInt(b) => crate::objects::int::hash_bigint(b) as u64,
            Obj::Complex(c) => crate::objects::complex::hash_complex(*c) as u64,
            Obj::Tuple(items) => {
                let mut lanes = Vec::with_capacity(items.len());
                for item in items.iter() {
                    lanes.push(hash_value(item)?);
                }
                hash_tuple(&lanes)
            }
            Obj::Bytes(b) => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                b.hash(&mut h);
                h.finish()
            }
            Obj::List(_)
            | Obj::ByteArray(_)
            | Obj::Dict(_)
            | Obj::Set { frozen: false, .. }
            | Obj::Slice { .. } => return None,
            Obj::Set { items, .. } => {
                let items = items.borrow();
                hash_frozenset(items.map.keys().map(|k| k.hash), items.len())
            }
            _ => (o.id() as u64) >> 4,
        },
    })
}

/// CPython 3.11's tuple hash (xxHash-based) over the items' hashes.
pub fn hash_tuple(lanes: &[u64]) -> u64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &lane in lanes {
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(lanes.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc
    }
}

/// CPython 3.11's frozenset hash: order-independent over the members' hashes.
pub fn hash_frozenset(hashes: impl Iterator<Item = u64>, len: usize) -> u64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash = hashes.fold(0u64, |acc, h| acc ^ shuffle(h));
    hash ^= (len as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        590923713
    } else {
        hash
    }
}

#[derive(Default)]
pub struct Dict {
    map: IndexMap<Key, Value, PassThrough>,
    /// Bumped whenever a key comes or goes (so entries may move), not when a key's value is
    /// replaced: while it is unchanged, a key found at a position is still there, which lets
    /// `LoadGlobal` cache the position of a global that the program keeps rebinding.
    pub keys_version: u64,
    /// Bumped when a key leaves: with the size unchanged, iteration then finds its keys
    /// changed ("dictionary keys changed during iteration").
    pub removals: u64,
    /// CPython's slot table when this is a set's storage (iteration follows it).
    order: Option<Box<set_table::SetOrder>>,
}

/// A copy starts counting its removals afresh.
impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            map: self.map.clone(),
            keys_version: self.keys_version,
            removals: 0,
            order: self.order.clone(),
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// Looks up a key whose hash the caller computed.
    pub fn get_hashed(&self, key: &Key) -> Option<&Value> {
        self.map.get(key)
    }
    /// Whether `key`, whose hash the caller computed, is present (without counting the key).
    pub fn contains_hashed(&self, hash: u64, key: &Value) -> bool {
        self.map.contains_key(&KeyRef { hash, value: key })
    }
    /// The value of `key`, whose hash the caller computed (without counting the key).
    #[inline]
    pub fn get_with_hash(&self, hash: u64, key: &Value) -> Option<&Value> {
        self.map.get(&KeyRef { hash, value: key })
    }
    pub fn get(&self, key: &Value) -> Option<&Value> {
        let hash = hash_value(key)?;
        self.map.get(&KeyRef { hash, value: key })
    }
    /// Records that keys came or went (see `keys_version`).
    fn keys_changed(&mut self) {
        self.keys_version += 1;
    }
    /// The value of the str key `key`, without building a str object for it.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        let hash = crate::objects::str::PyStr::hash_of_text(key);
        self.map.get(&TextKey { hash, text: key })
    }
    pub fn contains(&self, key: &Value) -> bool {
        self.get(key).is_some()
    }
    /// Inserts `key` (which must be hashable: callers check with [`hash_value`] first).
    pub fn insert(&mut self, key: Value, value: Value) {
        if let Some(hash) = hash_value(&key) {
            self.insert_hashed(Key { hash, value: key }, value);
        }
    }
    /// `self[key] = value` for a hashable `key`: an existing entry's value is replaced in
    /// place (the key is neither cloned nor dropped); a new key is inserted. Not inlined: the
    /// eval loop's `STORE_SUBSCR` calls it, and its body would grow `execute`.
    #[inline(never)]
    pub fn store(&mut self, key: &Value, value: Value) {
        let Some(hash) = hash_value(key) else {
            return;
        };
        match self.map.get_full_mut(&KeyRef { hash, value: key }) {
            Some((_, _, slot)) => *slot = value,
            None => {
                self.insert_hashed_at(
                    Key {
                        hash,
                        value: key.clone(),
                    },
                    value,
                );
            }
        }
    }
    pub fn insert_hashed(&mut self, key: Key, value: Value) {
        self.insert_hashed_at(key, value);
    }
    /// Inserts and says at which position (in insertion order) the key is.
    fn insert_hashed_at(&mut self, key: Key, value: Value) -> usize {
        let hash = key.hash;
        let (index, old) = self.map.insert_full(key, value);
        if old.is_none() {
            self.keys_changed();
            self.set_inserted(hash, index);
        }
        index
    }
    /// Whether the next new key makes the tables grow.
    pub fn is_full(&self) -> bool {
        self.map.len() == self.map.capacity()
    }
    /// Room for one more key, grown fallibly: call it before inserting a key a script chose,
    /// so that growing past the machine's memory is `MemoryError` rather than an abort.
    pub fn make_room(&mut self) -> Result<(), TooBig> {
        if self.is_full() {
            let len = self.map.len();
            // A set's first table is CPython's: room for 8 members, so that a small set
            // grows its entries and index once, not twice.
            let more = len.max(if self.order.is_some() { 8 } else { 4 });
            alloc::check_items::<(Key, Value, usize)>(len.saturating_add(more))?;
            self.map.try_reserve(more).map_err(|_| TooBig)?;
        }
        self.set_make_room()
    }
    pub fn set_str(&mut self, key: &str, value: Value) {
        self.insert(Value::new_str(key), value);
    }
    /// The stored keys whose hash is `hash`.
    pub fn keys_with_hash(&self, hash: u64) -> Vec<Value> {
        use indexmap::map::RawEntryApiV1;
        let mut out = Vec::new();
        self.map.raw_entry_v1().from_hash(spread(hash), |k| {
            if k.hash == hash {
                out.push(k.value.clone());
            }
            false
        });
        out
    }
    pub fn remove_hashed(&mut self, key: &Key) -> Option<Value> {
        self.keys_changed();
        self.removals += 1;
        if self.order.is_some() {
            return self.set_remove(key);
        }
        self.map.shift_remove(key)
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let hash = hash_value(key)?;
        self.remove_hashed(&Key {
            hash,
            value: key.clone(),
        })
    }
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        if self.order.is_some() {
            return self.set_pop().map(|k| (k, Value::None));
        }
        self.keys_changed();
        self.removals += 1;
        self.map.pop().map(|(k, v)| (k.value, v))
    }
    pub fn clear(&mut self) {
        self.keys_changed();
        self.removals += 1;
        self.map.clear();
        if let Some(order) = self.order.as_mut() {
            order.clear();
        }
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.iter().map(|(k, _)| k)
    }
    /// The entries: in insertion order, or in CPython's table order for a set's storage.
    pub fn iter(&self) -> Entries<'_> {
        match &self.order {
            None => Entries::Inserted(self.map.iter()),
            Some(order) => Entries::Slots {
                slots: order.slots().iter(),
                map: &self.map,
            },
        }
    }
    /// The entries in storage order: for callers to whom the order does not matter (a set's
    /// storage then skips its slot table).
    pub fn iter_any_order(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
    }
    /// The value of `key` when the `hint`-th entry's key is that very object (an attribute
    /// cache's guess of where an instance keeps an attribute): no hashing, no probing.
    #[inline]
    pub fn get_at_hint(&self, hint: usize, key: &ObjRef) -> Option<&Value> {
        match self.map.get_index(hint) {
            Some((
                Key {
                    value: Value::Obj(k),
                    ..
                },
                v,
            )) if ObjRef::ptr_eq(k, key) => Some(v),
            _ => None,
        }
    }
    /// `key`'s value and its entry's position (in insertion order).
    pub fn get_with_index(&self, key: &Value) -> Option<(usize, &Value)> {
        let hash = hash_value(key)?;
        let (i, _, v) = self.map.get_full(&KeyRef { hash, value: key })?;
        Some((i, v))
    }
    /// Replaces the value of the `hint`-th entry when its key is `key` itself (see
    /// [`Dict::get_at_hint`]); gives `value` back otherwise.
    #[inline]
    pub fn set_at_hint(&mut self, hint: usize, key: &ObjRef, value: Value) -> Result<Value, Value> {
        match self.map.get_index_mut(hint) {
            Some((
                Key {
                    value: Value::Obj(k),
                    ..
                },
                slot,
            )) if ObjRef::ptr_eq(k, key) => {
                let old = std::mem::replace(slot, value);
                Ok(old)
            }
            _ => Err(value),
        }
    }
    /// Inserts `key` (hashable, as for [`Dict::insert`]) and says at which position it is.
    pub fn insert_with_index(&mut self, key: Value, value: Value) -> Option<usize> {
        let hash = hash_value(&key)?;
        Some(self.insert_hashed_at(Key { hash, value: key }, value))
    }
    /// The value of the `i`-th entry in insertion order (a cached position, see `keys_version`).
    #[inline]
    pub fn value_at(&self, i: usize) -> Option<&Value> {
        self.map.get_index(i).map(|(_, v)| v)
    }
    /// The value of the `i`-th entry, to rebind it in place (a cached position: the key
    /// stays, so the keys version does not change).
    #[inline]
    pub fn value_at_mut(&mut self, i: usize) -> Option<&mut Value> {
        self.map.get_index_mut(i).map(|(_, v)| v)
    }
    /// The `i`-th entry in insertion order (for iterators).
    pub fn entry_at(&self, i: usize) -> Option<(&Value, &Value)> {
        self.map.get_index(i).map(|(k, v)| (&k.value, v))
    }
}

/// The iterator of [`Dict::iter`].
pub enum Entries<'a> {
    Inserted(indexmap::map::Iter<'a, Key, Value>),
    /// A set's storage: the slot table's entry indices (0 empty, `u32::MAX` a dummy).
    Slots {
        slots: std::slice::Iter<'a, u32>,
        map: &'a IndexMap<Key, Value, PassThrough>,
    },
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a Value, &'a Value);

    #[inline]
    fn next(&mut self) -> Option<(&'a Value, &'a Value)> {
        match self {
            Entries::Inserted(it) => it.next().map(|(k, v)| (&k.value, v)),
            Entries::Slots { slots, map } => {
                let index = set_table::entry_of(slots)?;
                map.get_index(index).map(|(k, v)| (&k.value, v))
            }
        }
    }
}

/// A new empty `dict` object.
pub fn new_dict_obj() -> ObjRef {
    ObjRef::new(Obj::Dict(Box::new(RefCell::new(Dict::new()))))
}

/// `d[key]` without running Python code (`None` if absent or `d` is not a dict).
pub fn dict_get(d: &ObjRef, key: &Value) -> Option<Value> {
    match &**d {
        Obj::Dict(d) => d.borrow().get(key).cloned(),
        _ => None,
    }
}

/// `d[key] = v` without running Python code (nothing if `d` is not a dict).
pub fn store_dict(d: &ObjRef, key: &Value, v: Value) {
    if let Obj::Dict(d) = &**d {
        d.borrow_mut().insert(key.clone(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_obj(v: &Value) -> &ObjRef {
        v.obj().expect("a str object")
    }

    #[test]
    fn keys_are_found_by_their_python_hash_through_the_spread_table_hash() {
        let mut d = Dict::new();
        for i in 0..200 {
            d.insert(Value::Int(i), Value::Int(-i));
        }
        for i in 0..200 {
            let hash = hash_value(&Value::Int(i)).expect("an int hashes");
            let found = d.keys_with_hash(hash);
            assert!(
                matches!(found[..], [Value::Int(k)] if k == i),
                "{i}: {found:?}"
            );
            assert!(d.contains_hashed(hash, &Value::Int(i)));
            assert!(matches!(d.get(&Value::Float(i as f64)), Some(Value::Int(v)) if *v == -i));
        }
        assert!(!d.contains(&Value::Int(200)));
    }

    #[test]
    fn a_hint_answers_only_for_the_very_key_object_at_that_position() {
        let (x, y) = (Value::new_str("x"), Value::new_str("y"));
        let mut d = Dict::new();
        assert_eq!(d.insert_with_index(x.clone(), Value::Int(1)), Some(0));
        assert_eq!(d.insert_with_index(y.clone(), Value::Int(2)), Some(1));
        assert!(matches!(d.get_at_hint(0, key_obj(&x)), Some(Value::Int(1))));
        assert!(d.get_at_hint(1, key_obj(&x)).is_none(), "another key there");
        assert!(d.get_at_hint(7, key_obj(&x)).is_none(), "past the end");
        // An equal string that is another object is not taken on trust.
        let other_x = Value::new_str("x");
        assert!(d.get_at_hint(0, key_obj(&other_x)).is_none());
        assert!(matches!(
            d.get_with_index(&other_x),
            Some((0, Value::Int(1)))
        ));
        // Removing `x` moves `y` to position 0: the old hint misses, the new one hits.
        d.remove(&x);
        assert!(d.get_at_hint(1, key_obj(&y)).is_none());
        assert!(matches!(d.get_at_hint(0, key_obj(&y)), Some(Value::Int(2))));
        let keys_version = d.keys_version;
        assert!(d.set_at_hint(0, key_obj(&y), Value::Int(3)).is_ok());
        assert_eq!(
            d.keys_version, keys_version,
            "a store through a hint moves no key"
        );
        assert!(matches!(d.get(&y), Some(Value::Int(3))));
        assert!(d.set_at_hint(0, key_obj(&x), Value::Int(4)).is_err());
        assert!(d.get(&x).is_none());
    }
}
