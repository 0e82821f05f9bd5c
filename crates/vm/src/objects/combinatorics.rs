//! The index walks behind `itertools.permutations` and `combinations`: tuples of a pool's items at indices that step in
//! CPython's order (`itertoolsmodule.c`). Native because a generator building each tuple
//! through a generator expression took ~30x CPython's time (the `nqueens` benchmark).

use crate::object::typeobj::TypeId;
use crate::object::value::Value;

/// Which walk, with its extra state.
pub enum Walk {
    /// `cycles[i]`: how many more rotations position `i` takes (CPython's algorithm).
    Permutations {
        cycles: Vec<usize>,
    },
    Combinations,
}

pub struct IndexWalk {
    pub pool: Vec<Value>,
    indices: Vec<usize>,
    /// How many items each tuple takes.
    r: usize,
    walk: Walk,
    started: bool,
}

impl IndexWalk {
    /// The walk over `pool` taking `r` items; `None` when it yields nothing at all.
    pub fn new(pool: Vec<Value>, r: usize, kind: TypeId) -> Option<IndexWalk> {
        let n = pool.len();
        let (indices, walk) = match kind {
            TypeId::Permutations if r <= n => (
                (0..n).collect(),
                Walk::Permutations {
                    cycles: (n - r + 1..=n).rev().collect(),
                },
            ),
            TypeId::Combinations if r <= n => ((0..r).collect(), Walk::Combinations),
            _ => return None,
        };
        Some(IndexWalk {
            pool,
            indices,
            r,
            walk,
            started: false,
        })
    }

    pub fn type_id(&self) -> TypeId {
        match self.walk {
            Walk::Permutations { .. } => TypeId::Permutations,
            Walk::Combinations => TypeId::Combinations,
        }
    }

    /// The next tuple, or `None` once the walk is over.
    pub fn next(&mut self) -> Option<Value> {
        if !std::mem::replace(&mut self.started, true) || self.step() {
            let items = self.indices[..self.r].iter().map(|&i| self.pool[i].clone());
            return Some(Value::new_tuple(items.collect()));
        }
        None
    }

    /// Moves the indices to the next tuple; false when there is none.
    fn step(&mut self) -> bool {
        let (n, r) = (self.pool.len(), self.r);
        let indices = &mut self.indices;
        match &mut self.walk {
            Walk::Permutations { cycles } => {
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        indices[i..].rotate_left(1);
                        cycles[i] = n - i;
                    } else {
                        indices.swap(i, n - cycles[i]);
                        return true;
                    }
                }
                false
            }
            Walk::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                    return false;
                };
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(n: i64, r: usize, kind: TypeId) -> Vec<Vec<i64>> {
        let pool = (0..n).map(Value::Int).collect();
        let Some(mut w) = IndexWalk::new(pool, r, kind) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        while let Some(t) = w.next() {
            let crate::object::value::Value::Obj(o) = t else {
                panic!("not a tuple")
            };
            let crate::object::value::Obj::Tuple(items) = &*o else {
                panic!("not a tuple")
            };
            out.push(
                items
                    .iter()
                    .map(|v| match v {
                        Value::Int(i) => *i,
                        _ => panic!("not an int"),
                    })
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn permutations_in_cpython_order() {
        let p = walk(3, 2, TypeId::Permutations);
        assert_eq!(
            p,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![1, 0],
                vec![1, 2],
                vec![2, 0],
                vec![2, 1]
            ]
        );
        assert_eq!(walk(5, 5, TypeId::Permutations).len(), 120);
        assert_eq!(walk(2, 0, TypeId::Permutations), vec![Vec::<i64>::new()]);
        assert_eq!(walk(0, 0, TypeId::Permutations), vec![Vec::<i64>::new()]);
        assert!(walk(2, 3, TypeId::Permutations).is_empty());
    }

    #[test]
    fn combinations_in_cpython_order() {
        let c = walk(4, 2, TypeId::Combinations);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0], vec![0, 1]);
        assert_eq!(c[5], vec![2, 3]);
        assert_eq!(walk(3, 0, TypeId::Combinations), vec![Vec::<i64>::new()]);
        assert!(walk(2, 3, TypeId::Combinations).is_empty());
    }
}
