//! Interned special-method names: one `str` object per name, built once per runtime with its
//! hash computed, so a special-method lookup (`__setattr__` on every attribute store,
//! `__init__` on every instantiation, `__add__`...) neither allocates nor hashes.

use crate::object::value::Value;

macro_rules! dunders {
    ($($id:ident = $name:literal),* $(,)?) => {
        /// A special-method name the VM looks up on classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Dunder { $($id),* }

        impl Dunder {
            /// Every name, in declaration order (`d as usize` indexes this).
            pub const ALL: [Dunder; [$(Dunder::$id),*].len()] = [$(Dunder::$id),*];

            /// The name's text.
            pub fn name(self) -> &'static str {
                match self {
                    $(Dunder::$id => $name),*
                }
            }
        }
    };
}

dunders! {
    Init = "__init__",
    New = "__new__",
    Call = "__call__",
    InstanceCheck = "__instancecheck__",
    SubclassCheck = "__subclasscheck__",
    Repr = "__repr__",
    Str = "__str__",
    Format = "__format__",
    Int = "__int__",
    Index = "__index__",
    Float = "__float__",
    Complex = "__complex__",
    Round = "__round__",
    Bool = "__bool__",
    Len = "__len__",
    LengthHint = "__length_hint__",
    Hash = "__hash__",
    Contains = "__contains__",
    Iter = "__iter__",
    Next = "__next__",
    Reversed = "__reversed__",
    GetItem = "__getitem__",
    SetItem = "__setitem__",
    DelItem = "__delitem__",
    Missing = "__missing__",
    GetAttr = "__getattr__",
    GetAttribute = "__getattribute__",
    SetAttr = "__setattr__",
    DelAttr = "__delattr__",
    Keys = "keys",
    // The attribute holding a `_random.Random`'s generator state (`stdlib/_random.rs`).
    RandomState = "_random_state",
    // The attribute holding a `deque`'s items, or a deque iterator's position
    // (`stdlib/_collections.rs`).
    DequeState = "_deque_state",
    Neg = "__neg__",
    Pos = "__pos__",
    Invert = "__invert__",
    Abs = "__abs__",
    Lt = "__lt__",
    Le = "__le__",
    Eq = "__eq__",
    Ne = "__ne__",
    Gt = "__gt__",
    Ge = "__ge__",
    Add = "__add__",
    RAdd = "__radd__",
    IAdd = "__iadd__",
    Sub = "__sub__",
    RSub = "__rsub__",
    ISub = "__isub__",
    Mul = "__mul__",
    RMul = "__rmul__",
    IMul = "__imul__",
    MatMul = "__matmul__",
    RMatMul = "__rmatmul__",
    IMatMul = "__imatmul__",
    TrueDiv = "__truediv__",
    RTrueDiv = "__rtruediv__",
    ITrueDiv = "__itruediv__",
    FloorDiv = "__floordiv__",
    RFloorDiv = "__rfloordiv__",
    IFloorDiv = "__ifloordiv__",
    Mod = "__mod__",
    RMod = "__rmod__",
    IMod = "__imod__",
    Pow = "__pow__",
    RPow = "__rpow__",
    IPow = "__ipow__",
    LShift = "__lshift__",
    RLShift = "__rlshift__",
    ILShift = "__ilshift__",
    RShift = "__rshift__",
    RRShift = "__rrshift__",
    IRShift = "__irshift__",
    And = "__and__",
    RAnd = "__rand__",
    IAnd = "__iand__",
    Or = "__or__",
    ROr = "__ror__",
    IOr = "__ior__",
    Xor = "__xor__",
    RXor = "__rxor__",
    IXor = "__ixor__",
    Get = "__get__",
    Set = "__set__",
    Delete = "__delete__",
    ClassGetItem = "__class_getitem__",
    Prepare = "__prepare__",
    SetName = "__set_name__",
    InitSubclass = "__init_subclass__",
    Bytes = "__bytes__",
    AbcTpflags = "__abc_tpflags__",
    Enter = "__enter__",
    Exit = "__exit__",
}

/// The interned name objects of one runtime (objects live in the runtime, never in a static).
pub struct Names(Box<[Value]>);

impl Names {
    pub fn new() -> Names {
        Names(
            Dunder::ALL
                .iter()
                .map(|d| {
                    let v = Value::new_str(d.name());
                    if let Some(s) = v.as_str() {
                        s.hash(); // computed once, cached in the object
                    }
                    v
                })
                .collect(),
        )
    }

    /// The interned `str` of `d`.
    #[inline]
    pub fn get(&self, d: Dunder) -> &Value {
        &self.0[d as usize]
    }
}

impl Default for Names {
    fn default() -> Names {
        Names::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_is_its_own_text_and_interned_once() {
        let names = Names::new();
        for d in Dunder::ALL {
            assert_eq!(names.get(d).as_str().map(|s| s.as_str()), Some(d.name()));
            assert!(names.get(d).is(names.get(d)));
        }
        let mut texts: Vec<_> = Dunder::ALL.iter().map(|d| d.name()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), Dunder::ALL.len(), "a name is listed twice");
    }
}
