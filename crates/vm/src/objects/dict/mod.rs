//! `dict` storage: insertion-ordered, keyed by Python hash/equality. Key equality is decided
//! natively (numbers across int/float/bool, str by content, tuples item-wise, everything else
//! by identity), so a lookup never runs Python code.

pub mod keys;
pub mod methods;

use std::cell::RefCell;
use std::hash::{BuildHasher, Hash, Hasher};

use indexmap::IndexMap;

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

/// Passes the precomputed hash straight through.
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
        self.0 = n;
    }
}

impl BuildHasher for PassThrough {
    type Hasher = PassThroughHasher;
    fn build_hasher(&self) -> PassThroughHasher {
        PassThroughHasher(0)
    }
}

/// Equality used for dict keys and set members.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
            (Obj::Str(s), Obj::Str(t)) => s.as_str() == t.as_str(),
            (Obj::Tuple(s), Obj::Tuple(t)) => {
                s.len() == t.len() && s.iter().zip(t.iter()).all(|(p, q)| keys_equal(p, q))
            }
            (Obj::BigInt(s), Obj::BigInt(t)) => s == t,
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

/// The hash of a hashable value, or `None` for unhashable ones.
pub fn hash_value(v: &Value) -> Option<u64> {
    Some(match v {
        Value::Null | Value::None => 0x5f3759df,
        Value::Bool(b) => *b as u64,
        Value::Int(i) => hash_int(*i) as u64,
        Value::Float(f) => hash_float(*f) as u64,
        Value::Obj(o) => match &**o {
            Obj::Str(s) => s.hash(),
            Obj::BigInt(b) => crate::objects::int::hash_bigint(b) as u64,
            Obj::Tuple(items) => {
                let mut h: u64 = 0x345678;
                for item in items.iter() {
                    h = (h ^ hash_value(item)?).wrapping_mul(1000003);
                }
                h
            }
            Obj::Bytes(b) => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                b.hash(&mut h);
                h.finish()
            }
            Obj::List(_) | Obj::Dict(_) | Obj::Set { frozen: false, .. } | Obj::Slice { .. } => {
                return None
            }
            Obj::Set { items, .. } => items
                .borrow()
                .keys()
                .fold(0x1234u64, |acc, k| acc ^ hash_value(k).unwrap_or(0)),
            _ => (o.id() as u64) >> 4,
        },
    })
}

#[derive(Default, Clone)]
pub struct Dict {
    map: IndexMap<Key, Value, PassThrough>,
    /// Bumped on every change that could alter a lookup (for `LoadGlobal` caches).
    pub version: u64,
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
    pub fn get(&self, key: &Value) -> Option<&Value> {
        let hash = hash_value(key)?;
        self.map.get(&Key {
            hash,
            value: key.clone(),
        })
    }
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&Value::new_str(key))
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
    pub fn insert_hashed(&mut self, key: Key, value: Value) {
        self.version += 1;
        self.map.insert(key, value);
    }
    pub fn set_str(&mut self, key: &str, value: Value) {
        self.insert(Value::new_str(key), value);
    }
    /// The stored keys whose hash is `hash`.
    pub fn keys_with_hash(&self, hash: u64) -> Vec<Value> {
        use indexmap::map::RawEntryApiV1;
        let mut out = Vec::new();
        self.map.raw_entry_v1().from_hash(hash, |k| {
            if k.hash == hash {
                out.push(k.value.clone());
            }
            false
        });
        out
    }
    pub fn remove_hashed(&mut self, key: &Key) -> Option<Value> {
        self.version += 1;
        self.map.shift_remove(key)
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let hash = hash_value(key)?;
        self.version += 1;
        self.map.shift_remove(&Key {
            hash,
            value: key.clone(),
        })
    }
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.version += 1;
        self.map.pop().map(|(k, v)| (k.value, v))
    }
    pub fn clear(&mut self) {
        self.version += 1;
        self.map.clear();
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.map.keys().map(|k| &k.value)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.value, v))
    }
    /// The `i`-th entry in insertion order (for iterators).
    pub fn entry_at(&self, i: usize) -> Option<(&Value, &Value)> {
        self.map.get_index(i).map(|(k, v)| (&k.value, v))
    }
}

/// A new empty `dict` object.
pub fn new_dict_obj() -> ObjRef {
    ObjRef::new(Obj::Dict(RefCell::new(Dict::new())))
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
