//! Where an instance of a user class keeps its attributes: a shared-key ("split") layout, as
//! CPython's PEP 412 dicts and V8's hidden classes. The class owns the table of attribute
//! names ([`SharedKeys`], in the order its instances first set them) and each instance holds
//! only the values, so an instance costs no hash table and an attribute cache hit is an index
//! checked against the class's table. An instance whose attributes the table cannot describe
//! — one set out of the class's order, a deletion other than of the last, a non-str key, a
//! `__dict__` asked for by Python code — gets a real dict object instead, for good.

use std::cell::RefCell;

use crate::object::typeobj::Instance;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;

/// Most names a class's table holds (CPython's `SHARED_KEYS_MAX_SIZE`): past it, instances
/// that add more attributes get their own dict.
const MAX_SHARED_KEYS: usize = 30;

/// A class's table of instance attribute names (exact `str` objects), in the order its
/// instances first set them. Append-only, so an index names one attribute for the class's
/// whole life and an attribute cache may remember it.
#[derive(Default)]
pub struct SharedKeys {
    keys: RefCell<Vec<ObjRef>>,
}

impl SharedKeys {
    pub fn len(&self) -> usize {
        self.keys.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the `i`-th name is `name` itself (an attribute cache's check of its hint).
    #[inline(always)]
    fn is_at(&self, i: usize, name: &ObjRef) -> bool {
        self.keys
            .borrow()
            .get(i)
            .is_some_and(|k| ObjRef::ptr_eq(k, name))
    }

    /// The position of the name equal to `name` (the same object first, then by text).
    fn index_of(&self, name: &ObjRef) -> Option<usize> {
        let keys = self.keys.borrow();
        if let Some(i) = keys.iter().position(|k| ObjRef::ptr_eq(k, name)) {
            return Some(i);
        }
        let Obj::Str(s) = &**name else {
            return None;
        };
        keys.iter()
            .position(|k| matches!(&**k, Obj::Str(t) if t == s))
    }

    /// Appends `name` (not in the table); `None` when the table is full.
    fn push(&self, name: ObjRef) -> Option<usize> {
        let mut keys = self.keys.borrow_mut();
        if keys.len() >= MAX_SHARED_KEYS {
            return None;
        }
        keys.push(name);
        Some(keys.len() - 1)
    }

    /// The first `n` names.
    fn first(&self, n: usize) -> Vec<ObjRef> {
        self.keys.borrow()[..n].to_vec()
    }
}

/// An instance's attributes.
pub enum InstanceAttrs {
    /// The values of the first `len()` names of the class's [`SharedKeys`], all set, in the
    /// order they were set.
    Split(Vec<Value>),
    /// A `__dict__` of its own (an `Obj::Dict`, shared with Python code that reads it).
    Dict(ObjRef),
}

/// Where a store into a split instance goes.
enum Slot {
    /// Replaces the value of the `i`-th name.
    Existing(usize),
    /// Appends the `i`-th name's value.
    Next(usize),
    /// The table cannot describe the result: the instance needs a dict.
    NeedsDict,
}

fn dict_cell(d: &ObjRef) -> &RefCell<Dict> {
    match &**d {
        Obj::Dict(d) => d,
        _ => unreachable!("an instance dict is always a dict"),
    }
}

impl InstanceAttrs {
    /// The storage of a new instance of `class` given its first attributes: split when
    /// there are none (room for as many values as the class's instances have had names).
    pub fn new(class: &ObjRef, attrs: Dict) -> InstanceAttrs {
        match &**class {
            Obj::Type(_) if attrs.is_empty() => InstanceAttrs::empty(class),
            _ => InstanceAttrs::Dict(ObjRef::new(Obj::Dict(Box::new(RefCell::new(attrs))))),
        }
    }

    /// The storage of a new instance of `class` (a type) without attributes.
    #[inline]
    pub fn empty(class: &ObjRef) -> InstanceAttrs {
        match &**class {
            Obj::Type(t) => InstanceAttrs::Split(Vec::with_capacity(t.instance_keys.len())),
            _ => InstanceAttrs::Dict(ObjRef::new(Obj::Dict(Box::default()))),
        }
    }

    /// Visits the references held, for the cycle collector.
    pub fn traverse(&self, visit: &mut impl FnMut(&ObjRef)) {
        match self {
            InstanceAttrs::Split(values) => {
                values.iter().filter_map(Value::obj).for_each(&mut *visit)
            }
            InstanceAttrs::Dict(d) => visit(d),
        }
    }

    /// Empties a split instance's values (the collector breaking a cycle: a dict is an
    /// object of its own, cleared as such).
    pub fn take_values(&mut self) -> Vec<Value> {
        match self {
            InstanceAttrs::Split(values) => std::mem::take(values),
            InstanceAttrs::Dict(_) => Vec::new(),
        }
    }
}

impl Instance {
    fn shared_keys(&self) -> Option<&SharedKeys> {
        match self.class() {
            Obj::Type(t) => Some(&t.instance_keys),
            _ => None,
        }
    }

    /// The position of `name` among the class's shared names.
    fn split_index(&self, name: &Value) -> Option<usize> {
        self.shared_keys()?.index_of(name.obj()?)
    }

    /// Where storing `name` goes in a split instance holding `len` values.
    fn split_slot(&self, len: usize, name: &Value) -> Slot {
        let (Some(keys), Some(key)) = (self.shared_keys(), name.obj()) else {
            return Slot::NeedsDict;
        };
        if !matches!(&**key, Obj::Str(_)) {
            return Slot::NeedsDict;
        }
        match keys.index_of(key) {
            Some(i) if i < len => Slot::Existing(i),
            Some(i) if i == len => Slot::Next(i),
            None if keys.len() == len => keys.push(key.clone()).map_or(Slot::NeedsDict, Slot::Next),
            _ => Slot::NeedsDict,
        }
    }

    /// A dict of split values under the class's names.
    fn split_dict(&self, values: Vec<Value>) -> Dict {
        let names = self
            .shared_keys()
            .map_or_else(Vec::new, |k| k.first(values.len()));
        let mut dict = Dict::new();
        for (name, v) in names.into_iter().zip(values) {
            dict.insert(Value::Obj(name), v);
        }
        dict
    }

    /// Turns a split instance into one with its own dict (no-op for one that has it), and
    /// gives the dict.
    fn to_dict<'a>(&self, attrs: &'a mut InstanceAttrs) -> &'a ObjRef {
        if let InstanceAttrs::Split(values) = attrs {
            let dict = self.split_dict(std::mem::take(values));
            *attrs = InstanceAttrs::Dict(ObjRef::new(Obj::Dict(Box::new(RefCell::new(dict)))));
        }
        match attrs {
            InstanceAttrs::Dict(d) => d,
            InstanceAttrs::Split(_) => unreachable!("made a dict above"),
        }
    }

    /// The instance's `__dict__` object, made from the split values on first use.
    pub fn dict_obj(&self) -> ObjRef {
        self.to_dict(&mut self.attrs.borrow_mut()).clone()
    }

    /// `obj.__dict__ = d`.
    pub fn replace_dict(&self, d: ObjRef) {
        let old = std::mem::replace(&mut *self.attrs.borrow_mut(), InstanceAttrs::Dict(d));
        drop(old);
    }

    /// A copy of the attributes as a dict.
    pub fn attrs_copy(&self) -> Dict {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => self.split_dict(values.clone()),
            InstanceAttrs::Dict(d) => dict_cell(d).borrow().clone(),
        }
    }

    /// The attribute `name` in the instance's own storage.
    pub fn attr(&self, name: &Value) -> Option<Value> {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => values.get(self.split_index(name)?).cloned(),
            InstanceAttrs::Dict(d) => dict_cell(d).borrow().get(name).cloned(),
        }
    }

    /// [`Instance::attr`] by a Rust name.
    pub fn attr_str(&self, name: &str) -> Option<Value> {
        self.attr(&Value::new_str(name))
    }

    pub fn has_attr(&self, name: &Value) -> bool {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => {
                self.split_index(name).is_some_and(|i| i < values.len())
            }
            InstanceAttrs::Dict(d) => dict_cell(d).borrow().contains(name),
        }
    }

    /// Whether `name` is among the instance's own attributes, where `checked` (kept by an
    /// attribute cache, 0 at first) counts the class's shared names known not to be `name`:
    /// while the table has no more, a split instance needs no search.
    #[inline(always)]
    pub fn has_attr_past(&self, name: &Value, checked: &mut u32) -> bool {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => {
                let Some(keys) = self.shared_keys() else {
                    return false;
                };
                let len = keys.len();
                if len == *checked as usize {
                    return false;
                }
                match name.obj().and_then(|key| keys.index_of(key)) {
                    Some(i) => i < values.len(),
                    None => {
                        *checked = len as u32;
                        false
                    }
                }
            }
            InstanceAttrs::Dict(d) => dict_cell(d).borrow().contains(name),
        }
    }

    /// [`Instance::set_attr`] by a Rust name.
    pub fn set_attr_str(&self, name: &str, v: Value) {
        self.set_attr(Value::new_str(name), v);
    }

    /// Sets attribute `name` (hashable) in the instance's own storage.
    pub fn set_attr(&self, name: Value, v: Value) {
        let (_, old) = self.set_attr_with_index(name, v);
        drop(old);
    }

    /// Sets attribute `name` (hashable): where it now is (an attribute cache's hint), and the
    /// value it replaced in a split instance (for the caller to drop outside the borrow).
    pub fn set_attr_with_index(&self, name: Value, v: Value) -> (Option<usize>, Option<Value>) {
        let mut attrs = self.attrs.borrow_mut();
        if let InstanceAttrs::Split(values) = &mut *attrs {
            match self.split_slot(values.len(), &name) {
                Slot::Existing(i) => return (Some(i), Some(std::mem::replace(&mut values[i], v))),
                Slot::Next(i) => {
                    values.push(v);
                    return (Some(i), None);
                }
                Slot::NeedsDict => {}
            }
        }
        let index = dict_cell(self.to_dict(&mut attrs))
            .borrow_mut()
            .insert_with_index(name, v);
        (index, None)
    }

    /// Removes attribute `name` from the instance's own storage.
    pub fn remove_attr(&self, name: &Value) -> Option<Value> {
        let mut attrs = self.attrs.borrow_mut();
        if let InstanceAttrs::Split(values) = &mut *attrs {
            let i = self.split_index(name).filter(|&i| i < values.len())?;
            if i + 1 == values.len() {
                return values.pop();
            }
        }
        let d = self.to_dict(&mut attrs).clone();
        drop(attrs);
        let removed = dict_cell(&d).borrow_mut().remove(name);
        removed
    }

    /// The attribute `key` when the `hint`-th name is that very object (an attribute cache's
    /// guess): no hashing, no probing.
    #[inline(always)]
    pub fn attr_at_hint(&self, hint: usize, key: &ObjRef) -> Option<Value> {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => {
                let v = values.get(hint)?;
                self.shared_keys()?.is_at(hint, key).then(|| v.clone())
            }
            InstanceAttrs::Dict(d) => dict_cell(d).borrow().get_at_hint(hint, key).cloned(),
        }
    }

    /// The attribute `name` and where it is (for an attribute cache's hint).
    pub fn attr_with_index(&self, name: &Value) -> Option<(usize, Value)> {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => {
                let i = self.split_index(name)?;
                Some((i, values.get(i)?.clone()))
            }
            InstanceAttrs::Dict(d) => {
                let d = dict_cell(d).borrow();
                let (i, v) = d.get_with_index(name)?;
                Some((i, v.clone()))
            }
        }
    }

    /// Sets the attribute `key` when the `hint`-th name is that very object (see
    /// [`Instance::attr_at_hint`]): the old value (`Null` when a split instance's values
    /// grew by this one: the next name in the class's order, as `__init__` sets them), or
    /// `value` back.
    #[inline(always)]
    pub fn set_attr_at_hint(
        &self,
        hint: usize,
        key: &ObjRef,
        value: Value,
    ) -> Result<Value, Value> {
        match &mut *self.attrs.borrow_mut() {
            InstanceAttrs::Split(values) => {
                if hint > values.len() || !self.shared_keys().is_some_and(|k| k.is_at(hint, key)) {
                    return Err(value);
                }
                match values.get_mut(hint) {
                    Some(slot) => Ok(std::mem::replace(slot, value)),
                    None => {
                        values.push(value);
                        Ok(Value::Null)
                    }
                }
            }
            InstanceAttrs::Dict(d) => dict_cell(d).borrow_mut().set_at_hint(hint, key, value),
        }
    }

    /// The attribute names (for `dir()`).
    pub fn attr_names(&self) -> Vec<Value> {
        self.attrs_copy().keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::typeobj::{TypeId, TypeObj};

    fn instance() -> Instance {
        let class = ObjRef::new(Obj::Type(Box::new(TypeObj::plain(
            "C".into(),
            "t".into(),
            vec![],
            vec![],
            Dict::new(),
            TypeId::Object,
            false,
        ))));
        Instance::new(class, Dict::new(), None)
    }

    fn int(v: Option<Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    fn is_split(inst: &Instance) -> bool {
        matches!(&*inst.attrs.borrow(), InstanceAttrs::Split(_))
    }

    fn keys_of(inst: &Instance) -> Vec<String> {
        inst.attr_names()
            .iter()
            .map(|k| k.as_str().expect("str").as_str().to_owned())
            .collect()
    }

    #[test]
    fn instances_in_the_class_order_share_the_names_and_others_get_a_dict() {
        let (x, y) = (Value::new_str("x"), Value::new_str("y"));
        let a = instance();
        a.set_attr(x.clone(), Value::Int(1));
        a.set_attr(y.clone(), Value::Int(2));
        let b = Instance::new(a.class_ref(), Dict::new(), None);
        b.set_attr(x.clone(), Value::Int(3));
        b.set_attr(y.clone(), Value::Int(4));
        b.set_attr(x.clone(), Value::Int(5));
        assert!(is_split(&a) && is_split(&b));
        assert_eq!((int(b.attr(&x)), int(b.attr(&y))), (Some(5), Some(4)));
        // An equal name that is another object finds the same slot.
        assert_eq!(int(a.attr(&Value::new_str("y"))), Some(2));
        // Set in another order: its own dict, which keeps its order.
        let c = Instance::new(a.class_ref(), Dict::new(), None);
        c.set_attr(y.clone(), Value::Int(6));
        c.set_attr(x.clone(), Value::Int(7));
        assert!(!is_split(&c));
        assert_eq!(keys_of(&c), ["y", "x"]);
        assert_eq!(keys_of(&a), ["x", "y"]);
    }

    #[test]
    fn deleting_the_last_attribute_stays_split_and_others_make_a_dict() {
        let (x, y) = (Value::new_str("x"), Value::new_str("y"));
        let a = instance();
        a.set_attr(x.clone(), Value::Int(1));
        a.set_attr(y.clone(), Value::Int(2));
        assert_eq!(int(a.remove_attr(&y)), Some(2));
        assert!(is_split(&a));
        assert!(a.remove_attr(&y).is_none());
        a.set_attr(y.clone(), Value::Int(3));
        assert_eq!(int(a.remove_attr(&x)), Some(1));
        assert!(!is_split(&a));
        assert_eq!(keys_of(&a), ["y"]);
        assert!(!a.has_attr(&x) && a.has_attr(&y));
    }

    #[test]
    fn a_hint_answers_only_for_the_very_name_at_that_position() {
        let (x, y) = (Value::new_str("x"), Value::new_str("y"));
        let a = instance();
        assert_eq!(a.set_attr_with_index(x.clone(), Value::Int(1)).0, Some(0));
        assert_eq!(a.set_attr_with_index(y.clone(), Value::Int(2)).0, Some(1));
        let key = |v: &Value| v.obj().expect("str").clone();
        assert_eq!(int(a.attr_at_hint(1, &key(&y))), Some(2));
        assert!(a.attr_at_hint(0, &key(&y)).is_none(), "another name there");
        assert!(a.attr_at_hint(5, &key(&y)).is_none(), "past the end");
        assert!(a.attr_at_hint(0, &key(&Value::new_str("x"))).is_none());
        assert!(a.set_attr_at_hint(0, &key(&x), Value::Int(9)).is_ok());
        assert!(a.set_attr_at_hint(1, &key(&x), Value::Int(9)).is_err());
        assert_eq!(int(a.attr(&x)), Some(9));
        // The dict made on demand holds the same attributes, and the hints now index it.
        let d = a.dict_obj();
        assert!(ObjRef::ptr_eq(&d, &a.dict_obj()), "made once");
        assert_eq!(int(a.attr_at_hint(1, &key(&y))), Some(2));
        assert_eq!(keys_of(&a), ["x", "y"]);
        // Another instance of the class appends through the hints, in the class's order only.
        let b = Instance::new(a.class_ref(), Dict::new(), None);
        assert!(
            b.set_attr_at_hint(1, &key(&y), Value::Int(5)).is_err(),
            "x not set yet"
        );
        assert!(
            b.set_attr_at_hint(0, &key(&y), Value::Int(5)).is_err(),
            "not y's position"
        );
        assert!(matches!(
            b.set_attr_at_hint(0, &key(&x), Value::Int(4)),
            Ok(Value::Null)
        ));
        assert!(matches!(
            b.set_attr_at_hint(1, &key(&y), Value::Int(5)),
            Ok(Value::Null)
        ));
        assert!(is_split(&b));
        assert_eq!((int(b.attr(&x)), int(b.attr(&y))), (Some(4), Some(5)));
        assert_eq!(keys_of(&b), ["x", "y"]);
    }

    #[test]
    fn a_full_table_sends_further_names_to_a_dict() {
        let a = instance();
        let names: Vec<Value> = (0..40).map(|i| Value::new_str(format!("a{i}"))).collect();
        for (i, n) in names.iter().enumerate() {
            a.set_attr(n.clone(), Value::Int(i as i64));
        }
        assert!(!is_split(&a));
        for (i, n) in names.iter().enumerate() {
            assert_eq!(int(a.attr(n)), Some(i as i64));
        }
        assert_eq!(keys_of(&a).len(), 40);
    }
}
