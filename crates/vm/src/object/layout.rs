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

/// Where an attribute cache last found its name in an instance's storage. A position in the
/// class's [`SharedKeys`] (flagged) is checked once, when found: the table is append-only,
/// so the position names that attribute for the class's whole life, and a split instance of
/// the class reads it with no compare. The cache keeps it per class (by version tag, never
/// reused): an instance whose class is another one never sees it. A position in an
/// instance's dict is a guess, checked against the key on each use.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct AttrHint(u32);

impl AttrHint {
    /// The flag of a position in the class's shared names (past any of a dict's positions
    /// the hint keeps).
    const SHARED: u32 = 1 << 31;
    /// The flag of a count of the class's shared names known not to be the name: while the
    /// table holds no more, a split instance lacks the attribute with no search (a class
    /// attribute or method read through an instance).
    const ABSENT: u32 = 1 << 30;
    const FLAGS: u32 = AttrHint::SHARED | AttrHint::ABSENT;

    /// The hint an attribute cache keeps as bits (see [`AttrHint::to_bits`]).
    #[inline(always)]
    pub fn from_bits(bits: u32) -> AttrHint {
        AttrHint(bits)
    }

    #[inline(always)]
    pub fn to_bits(self) -> u32 {
        self.0
    }

    /// The position `i` of the name in the class's shared names, found by a search.
    fn at_shared(i: usize) -> AttrHint {
        AttrHint(i as u32 | AttrHint::SHARED)
    }

    /// The first `n` shared names are not the name.
    fn absent_past(n: usize) -> AttrHint {
        AttrHint(n as u32 | AttrHint::ABSENT)
    }

    /// The position `i` of the key in an instance's dict (none past the flags).
    fn in_dict(i: usize) -> Option<AttrHint> {
        u32::try_from(i)
            .ok()
            .filter(|&i| i & AttrHint::FLAGS == 0)
            .map(AttrHint)
    }

    /// How many shared names are known not to be the name, when the hint says so.
    #[inline(always)]
    fn absent(self) -> Option<usize> {
        (self.0 & AttrHint::ABSENT != 0).then_some((self.0 & !AttrHint::FLAGS) as usize)
    }

    /// The position in the class's shared names, when the hint is one.
    #[inline(always)]
    fn shared(self) -> Option<usize> {
        (self.0 & AttrHint::SHARED != 0).then_some((self.0 & !AttrHint::SHARED) as usize)
    }

    /// The position as a guess into a dict: a dict made from a split instance keeps the
    /// order of the shared names, so a shared position is a good one there too.
    #[inline(always)]
    fn position(self) -> usize {
        (self.0 & !AttrHint::FLAGS) as usize
    }
}

/// What an attribute cache's hint tells of an instance's own attribute.
pub enum HintedAttr {
    Found(Value),
    /// The instance has no attribute of that name.
    Absent,
    /// The hint does not say: search.
    Unknown,
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

    /// How many names the class's shared table holds.
    #[inline(always)]
    fn shared_keys_len(&self) -> usize {
        self.shared_keys().map_or(0, SharedKeys::len)
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
    pub fn set_attr_with_index(&self, name: Value, v: Value) -> (Option<AttrHint>, Option<Value>) {
        let mut attrs = self.attrs.borrow_mut();
        if let InstanceAttrs::Split(values) = &mut *attrs {
            match self.split_slot(values.len(), &name) {
                Slot::Existing(i) => {
                    let old = std::mem::replace(&mut values[i], v);
                    return (Some(AttrHint::at_shared(i)), Some(old));
                }
                Slot::Next(i) => {
                    values.push(v);
                    return (Some(AttrHint::at_shared(i)), None);
                }
                Slot::NeedsDict => {}
            }
        }
        let index = dict_cell(self.to_dict(&mut attrs))
            .borrow_mut()
            .insert_with_index(name, v);
        (index.and_then(AttrHint::in_dict), None)
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

    /// The attribute `key` as an attribute cache's `hint` (see [`AttrHint`]) tells it: a
    /// split instance's value at a shared position, no key compared, or its lack of the name
    /// while the class has no more names than the hint counted; a dict's entry at the
    /// position if it is `key` itself. No hashing, no probing.
    #[inline(always)]
    pub fn attr_at_hint(&self, hint: AttrHint, key: &ObjRef) -> HintedAttr {
        // Matches, not `Option` combinators: these stay inlined in the eval loop.
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => match hint.shared() {
                Some(i) => match values.get(i) {
                    Some(v) => HintedAttr::Found(v.clone()),
                    None => HintedAttr::Absent,
                },
                None if hint.absent() == Some(self.shared_keys_len()) => HintedAttr::Absent,
                None => HintedAttr::Unknown,
            },
            InstanceAttrs::Dict(d) => match dict_cell(d).borrow().get_at_hint(hint.position(), key)
            {
                Some(v) => HintedAttr::Found(v.clone()),
                None => HintedAttr::Unknown,
            },
        }
    }

    /// The attribute `name`, searched for, and the hint for the next search (see
    /// [`Instance::attr_at_hint`]).
    pub fn attr_with_hint(&self, name: &Value) -> (Option<AttrHint>, Option<Value>) {
        match &*self.attrs.borrow() {
            InstanceAttrs::Split(values) => match self.split_index(name) {
                Some(i) => (Some(AttrHint::at_shared(i)), values.get(i).cloned()),
                None => {
                    let known = AttrHint::absent_past(self.shared_keys_len());
                    (Some(known), None)
                }
            },
            InstanceAttrs::Dict(d) => {
                let d = dict_cell(d).borrow();
                match d.get_with_index(name) {
                    Some((i, v)) => (AttrHint::in_dict(i), Some(v.clone())),
                    None => (None, None),
                }
            }
        }
    }

    /// Sets the attribute `key` at an attribute cache's `hint` (see
    /// [`Instance::attr_at_hint`]): the old value (`Null` when a split instance's values
    /// grew by this one: the next name in the class's order, as `__init__` sets them), or
    /// `value` back.
    #[inline(always)]
    pub fn set_attr_at_hint(
        &self,
        hint: AttrHint,
        key: &ObjRef,
        value: Value,
    ) -> Result<Value, Value> {
        match &mut *self.attrs.borrow_mut() {
            InstanceAttrs::Split(values) => {
                let Some(i) = hint.shared().filter(|&i| i <= values.len()) else {
                    return Err(value);
                };
                match values.get_mut(i) {
                    Some(slot) => Ok(std::mem::replace(slot, value)),
                    None => {
                        values.push(value);
                        Ok(Value::Null)
                    }
                }
            }
            InstanceAttrs::Dict(d) => {
                dict_cell(d)
                    .borrow_mut()
                    .set_at_hint(hint.position(), key, value)
            }
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

    fn hinted(a: HintedAttr) -> Result<Option<i64>, &'static str> {
        match a {
            HintedAttr::Found(v) => Ok(int(Some(v))),
            HintedAttr::Absent => Ok(None),
            HintedAttr::Unknown => Err("unknown"),
        }
    }

    #[test]
    fn a_shared_hint_reads_its_position_and_a_dict_hint_is_checked() {
        let (x, y) = (Value::new_str("x"), Value::new_str("y"));
        let a = instance();
        let (hx, _) = a.set_attr_with_index(x.clone(), Value::Int(1));
        let (hy, _) = a.set_attr_with_index(y.clone(), Value::Int(2));
        let (hx, hy) = (hx.expect("a hint"), hy.expect("a hint"));
        assert_eq!((hx.shared(), hy.shared()), (Some(0), Some(1)));
        let key = |v: &Value| v.obj().expect("str").clone();
        assert_eq!(hinted(a.attr_at_hint(hy, &key(&y))), Ok(Some(2)));
        // An equal name that is another object: the search finds the same position.
        let (found, v) = a.attr_with_hint(&Value::new_str("y"));
        assert_eq!((found, int(v)), (Some(hy), Some(2)));
        let dict_guess = AttrHint::in_dict(1).expect("a position");
        assert_eq!(
            hinted(a.attr_at_hint(dict_guess, &key(&y))),
            Err("unknown"),
            "a split instance takes no unchecked position"
        );
        assert!(a.set_attr_at_hint(hx, &key(&x), Value::Int(9)).is_ok());
        assert!(a
            .set_attr_at_hint(dict_guess, &key(&x), Value::Int(9))
            .is_err());
        assert_eq!(int(a.attr(&x)), Some(9));
        // The dict made on demand holds the same attributes in the same order: the shared
        // positions are good guesses there, checked against the key.
        let d = a.dict_obj();
        assert!(ObjRef::ptr_eq(&d, &a.dict_obj()), "made once");
        assert_eq!(hinted(a.attr_at_hint(hy, &key(&y))), Ok(Some(2)));
        assert_eq!(hinted(a.attr_at_hint(hx, &key(&y))), Err("unknown"));
        assert_eq!(a.attr_with_hint(&y).0, Some(dict_guess));
        assert_eq!(keys_of(&a), ["x", "y"]);
        // Another instance of the class appends through the hints, in the class's order only.
        let b = Instance::new(a.class_ref(), Dict::new(), None);
        assert_eq!(
            hinted(b.attr_at_hint(hy, &key(&y))),
            Ok(None),
            "not set yet"
        );
        assert!(
            b.set_attr_at_hint(hy, &key(&y), Value::Int(5)).is_err(),
            "x not set yet"
        );
        assert!(matches!(
            b.set_attr_at_hint(hx, &key(&x), Value::Int(4)),
            Ok(Value::Null)
        ));
        assert!(matches!(
            b.set_attr_at_hint(hy, &key(&y), Value::Int(5)),
            Ok(Value::Null)
        ));
        assert!(is_split(&b));
        assert_eq!((int(b.attr(&x)), int(b.attr(&y))), (Some(4), Some(5)));
        assert_eq!(keys_of(&b), ["x", "y"]);
    }

    #[test]
    fn an_absent_hint_holds_while_the_class_has_no_more_names() {
        let (x, z) = (Value::new_str("x"), Value::new_str("z"));
        let a = instance();
        a.set_attr(x.clone(), Value::Int(1));
        let (hz, v) = a.attr_with_hint(&z);
        let hz = hz.expect("a hint");
        assert_eq!((hz.absent(), v.is_none()), (Some(1), true));
        let key = z.obj().expect("str").clone();
        assert_eq!(hinted(a.attr_at_hint(hz, &key)), Ok(None));
        // Another instance adds the name to the class's table: the hint no longer says.
        let b = Instance::new(a.class_ref(), Dict::new(), None);
        b.set_attr(x.clone(), Value::Int(2));
        b.set_attr(z.clone(), Value::Int(3));
        assert_eq!(hinted(a.attr_at_hint(hz, &key)), Err("unknown"));
        assert_eq!(hinted(b.attr_at_hint(hz, &key)), Err("unknown"));
        let (hz, v) = b.attr_with_hint(&z);
        assert_eq!((hz.and_then(AttrHint::shared), int(v)), (Some(1), Some(3)));
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
