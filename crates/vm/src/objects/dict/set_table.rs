//! CPython's set hash table (`Objects/setobject.c`, 3.11), kept beside a set's entries so that
//! iteration (and so `repr`, `list(s)`, `s.pop()`) follows CPython's order: open addressing over
//! a power-of-two table, each probe looking at `LINEAR_PROBES` neighbours before jumping by the
//! perturbed recurrence, deleted slots left as dummies, and the table regrown (dummies dropped)
//! when `fill * 5 >= mask * 3`.
//!
//! The entries themselves stay in the `Dict`'s map (lookup by hash and native equality); a slot
//! holds an entry's index in that map. Sets therefore remove with `swap_remove`, re-pointing the
//! slot of the entry that moved.

use crate::object::alloc::{self, TooBig};
use crate::object::value::Value;
use crate::objects::dict::{Dict, Key};

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;
const EMPTY: u32 = 0;
const DUMMY: u32 = u32::MAX;

/// The smallest power-of-two table size above `min_used`.
fn table_size(min_used: usize) -> usize {
    let mut size = MIN_SIZE;
    while size <= min_used {
        size <<= 1;
    }
    size
}

/// The `min_used` a full table regrows for, with `used` active entries (`set_add_entry`).
fn grown_for(used: usize) -> usize {
    if used > 50000 {
        used * 2
    } else {
        used * 4
    }
}

/// The slot table of a set: `EMPTY`, `DUMMY`, or an entry index plus one.
#[derive(Clone, Debug)]
pub struct SetOrder {
    slots: Vec<u32>,
    /// Active plus dummy slots.
    fill: usize,
    used: usize,
    /// Where `set.pop()` starts looking.
    finger: usize,
    /// The next table, allocated fallibly before an add that will regrow the table
    /// ([`Dict::set_make_room`]); empty otherwise.
    spare: Vec<u32>,
}

impl Default for SetOrder {
    fn default() -> SetOrder {
        SetOrder {
            slots: vec![EMPTY; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            spare: Vec::new(),
        }
    }
}

/// The entry index of the next active slot in `slots`.
#[inline]
pub(super) fn entry_of(slots: &mut std::slice::Iter<'_, u32>) -> Option<usize> {
    slots
        .find(|&&s| s != EMPTY && s != DUMMY)
        .map(|&s| s as usize - 1)
}

impl SetOrder {
    /// The slot table: `EMPTY`, `DUMMY`, or an entry index plus one.
    pub(super) fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// `set_clear_internal`: back to the small table (the pop finger stays).
    pub fn clear(&mut self) {
        self.slots = vec![EMPTY; MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The first slot on `hash`'s probe path that `stop` accepts.
    fn probe(&self, hash: u64, mut stop: impl FnMut(usize, u32) -> bool) -> usize {
        let mask = self.mask();
        let mut perturb = hash;
        let mut i = hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if stop(j, self.slots[j]) {
                    return j;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_insert_clean`: places an entry known to be absent in a table without dummies.
    fn insert_clean(&mut self, hash: u64, slot_value: u32) {
        let j = self.probe(hash, |_, s| s == EMPTY);
        self.slots[j] = slot_value;
    }

    /// `set_add_entry` for a key known to be absent: the first dummy on its path, else the
    /// empty slot ending it. Returns whether the table must grow.
    fn add(&mut self, hash: u64, slot_value: u32) -> bool {
        let mut free = None;
        let j = self.probe(hash, |j, s| {
            if s == DUMMY && free.is_none() {
                free = Some(j);
            }
            s == EMPTY
        });
        self.used += 1;
        if let Some(f) = free {
            self.slots[f] = slot_value;
            return false;
        }
        self.slots[j] = slot_value;
        self.fill += 1;
        self.fill * 5 >= self.mask() * 3
    }

    /// The slot holding `slot_value` (an entry with hash `hash`).
    fn find(&self, hash: u64, slot_value: u32) -> usize {
        self.probe(hash, |_, s| s == slot_value || s == EMPTY)
    }
}

impl Dict {
    /// Turns this dict into a set's storage: builds CPython's table by adding the entries in
    /// insertion order, as a set built one `add` at a time.
    pub fn into_set_storage(mut self) -> Dict {
        if self.order.is_none() {
            self.order = Some(Box::default());
            let hashes: Vec<u64> = self.map.keys().map(|k| k.hash).collect();
            for (i, h) in hashes.into_iter().enumerate() {
                self.table_add(h, i);
            }
        }
        self
    }

    pub fn is_set_storage(&self) -> bool {
        self.order.is_some()
    }

    fn table_add(&mut self, hash: u64, index: usize) {
        let order = self.order.as_mut().expect("set storage");
        if order.add(hash, index as u32 + 1) {
            let used = order.used;
            self.resize(grown_for(used));
        }
    }

    /// Before adding one key: the table that add may regrow into, allocated fallibly now, so
    /// that a table too big for the machine is `MemoryError` rather than an abort.
    pub(super) fn set_make_room(&mut self) -> Result<(), TooBig> {
        let Some(order) = self.order.as_mut() else {
            return Ok(());
        };
        if (order.fill + 1) * 5 < order.mask() * 3 {
            return Ok(());
        }
        let size = table_size(grown_for(order.used + 1));
        if order.spare.capacity() < size {
            order.spare = alloc::vec_with_capacity(size)?;
        }
        Ok(())
    }

    /// `set_table_resize`: a table of the smallest power of two above `min_used`, the active
    /// entries re-placed in the old table's order.
    fn resize(&mut self, min_used: usize) {
        let size = table_size(min_used);
        let order = self.order.as_mut().expect("set storage");
        let old = std::mem::take(&mut order.slots);
        let mut slots = std::mem::take(&mut order.spare);
        slots.clear();
        slots.resize(size, EMPTY);
        order.slots = slots;
        order.fill = order.used;
        for s in old {
            if s != EMPTY && s != DUMMY {
                let hash = self.map.get_index(s as usize - 1).expect("slot").0.hash;
                order.insert_clean(hash, s);
            }
        }
    }

    /// Called after the map inserted a new entry at `index`.
    pub(super) fn set_inserted(&mut self, hash: u64, index: usize) {
        if self.order.is_some() {
            self.table_add(hash, index);
        }
    }

    /// Removes `key` from a set's storage (a `swap_remove` in the map).
    pub(super) fn set_remove(&mut self, key: &Key) -> Option<Value> {
        let (index, _, value) = self.map.swap_remove_full(key)?;
        let last = self.map.len();
        let order = self.order.as_mut().expect("set storage");
        let j = order.find(key.hash, index as u32 + 1);
        order.slots[j] = DUMMY;
        order.used -= 1;
        if index != last {
            let moved_hash = self.map.get_index(index).expect("moved entry").0.hash;
            let j = order.find(moved_hash, last as u32 + 1);
            order.slots[j] = index as u32 + 1;
        }
        Some(value)
    }

    /// The set's keys in table order.
    pub(super) fn set_slots(&self) -> impl Iterator<Item = usize> + '_ {
        let mut slots = self.order.as_ref().map_or(&[][..], |o| o.slots()).iter();
        std::iter::from_fn(move || entry_of(&mut slots))
    }

    /// `set.pop()`: the first active slot from the finger on.
    pub fn set_pop(&mut self) -> Option<Value> {
        let order = self.order.as_ref()?;
        if order.used == 0 {
            return None;
        }
        let mask = order.mask();
        let mut j = order.finger & mask;
        while matches!(order.slots[j], EMPTY | DUMMY) {
            j = if j == mask { 0 } else { j + 1 };
        }
        let key = self.map.get_index(order.slots[j] as usize - 1)?.0.clone();
        self.keys_changed();
        self.set_remove(&key);
        self.order.as_mut().expect("set storage").finger = j + 1;
        Some(key.value)
    }

    /// Adds an entry of another set (its hash already known), unless present.
    fn set_add_key(&mut self, key: Key) {
        self.insert_hashed(key, Value::None);
    }

    /// `set_merge`: adds every key of the set storage `other`, as CPython's `set |= other`
    /// (also `set(other)`, `other.copy()`): one resize up front, then a copy of the slot layout
    /// when this set is empty and the tables match.
    pub fn set_merge(&mut self, other: &Dict) {
        let Some(theirs) = other.order.as_ref() else {
            for k in other.map.keys() {
                self.set_add_key(k.clone());
            }
            return;
        };
        if theirs.used == 0 {
            return;
        }
        let mine = self.order.as_ref().expect("set storage");
        if (mine.fill + theirs.used) * 5 >= mine.mask() * 3 {
            let n = (mine.used + theirs.used) * 2;
            self.resize(n);
        }
        let mine = self.order.as_ref().expect("set storage");
        if mine.fill == 0 {
            self.keys_version += 1;
            let same = mine.mask() == theirs.mask() && theirs.fill == theirs.used;
            // Fill the map in table order: the slot values are then known.
            let mut slots = vec![EMPTY; mine.slots.len()];
            let mut index = 0u32;
            let mut placed = Vec::new();
            for (j, &s) in theirs.slots.iter().enumerate() {
                if s == EMPTY || s == DUMMY {
                    continue;
                }
                let (k, v) = other.map.get_index(s as usize - 1).expect("slot");
                self.map.insert(k.clone(), v.clone());
                index += 1;
                if same {
                    slots[j] = index;
                } else {
                    placed.push((k.hash, index));
                }
            }
            let order = self.order.as_mut().expect("set storage");
            if same {
                order.slots = slots;
            } else {
                for (h, s) in placed {
                    order.insert_clean(h, s);
                }
            }
            order.fill = theirs.used;
            order.used = theirs.used;
            return;
        }
        for i in other.set_slots() {
            let k = other.map.get_index(i).expect("slot").0.clone();
            self.set_add_key(k);
        }
    }

    /// Before adding a dict's `n` keys: CPython's one resize up front.
    pub fn set_reserve(&mut self, n: usize) {
        if let Some(o) = self.order.as_ref() {
            if (o.fill + n) * 5 >= o.mask() * 3 {
                let used = o.used;
                self.resize((used + n) * 2);
            }
        }
    }

    /// An empty set storage.
    pub fn new_set_storage() -> Dict {
        Dict::new().into_set_storage()
    }

    /// `set.copy()` / `set(s)`: a fresh table merged from this one.
    pub fn set_copy(&self) -> Dict {
        let mut out = Dict::new_set_storage();
        out.set_merge(self);
        out
    }

    /// `so & other` for two sets (`set_intersection`): iterates the smaller.
    pub fn set_intersection(&self, other: &Dict) -> Dict {
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut out = Dict::new_set_storage();
        for i in small.set_ordered_indices() {
            let k = small.map.get_index(i).expect("entry").0;
            if big.map.contains_key(k) {
                out.set_add_key(k.clone());
            }
        }
        out
    }

    /// `so - other` for two sets (`set_difference`).
    pub fn set_difference(&self, other: &Dict) -> Dict {
        if (self.len() >> 2) > other.len() {
            let mut out = self.set_copy();
            out.set_difference_update(other);
            return out;
        }
        let mut out = Dict::new_set_storage();
        for i in self.set_ordered_indices() {
            let k = self.map.get_index(i).expect("entry").0;
            if !other.map.contains_key(k) {
                out.set_add_key(k.clone());
            }
        }
        out
    }

    /// `so -= other` (`set_difference_update_internal`), with its final dummy clean-up.
    pub fn set_difference_update(&mut self, other: &Dict) {
        let keys: Vec<Key> = if (other.len() >> 3) > self.len() {
            let inter = self.set_intersection(other);
            inter.map.keys().cloned().collect()
        } else {
            other
                .set_ordered_indices()
                .map(|i| other.map.get_index(i).expect("entry").0.clone())
                .collect()
        };
        for k in keys {
            self.remove_hashed(&k);
        }
        self.set_shrink_dummies();
    }

    /// After removals: "if more than 1/4th are dummies, then resize them away".
    pub fn set_shrink_dummies(&mut self) {
        if let Some(o) = self.order.as_ref() {
            if o.fill - o.used > o.mask() / 4 {
                let used = o.used;
                self.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
    }

    /// `so ^= other` (`set_symmetric_difference_update`) for a set `other`.
    pub fn set_symmetric_difference_update(&mut self, other: &Dict) {
        let keys: Vec<Key> = other
            .set_ordered_indices()
            .map(|i| other.map.get_index(i).expect("entry").0.clone())
            .collect();
        for k in keys {
            if self.remove_hashed(&k).is_none() {
                self.set_add_key(k);
            }
        }
    }

    /// Entry indices in iteration order: table order for set storage, else insertion order.
    fn set_ordered_indices(&self) -> Box<dyn Iterator<Item = usize> + '_> {
        if self.order.is_some() {
            Box::new(self.set_slots())
        } else {
            Box::new(0..self.map.len())
        }
    }
}
