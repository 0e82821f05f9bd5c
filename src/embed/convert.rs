//! Conversions between Rust values and Python objects: [`IntoPy`] and [`FromPy`].

use std::collections::HashMap;
use std::hash::Hash;

use gilvm_vm::embed::{object, Object, View};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::{Bound, Py, PyErr, PyResult, PyTypeInfo, Python};

/// Rust values that become Python objects.
///
/// | Rust | Python |
/// |------|--------|
/// | integers, `BigInt` | `int` |
/// | `f64`, `f32` | `float` |
/// | `bool` | `bool` |
/// | `()`, `None::<T>` | `None` |
/// | `String`, `&str` | `str` |
/// | [`Bytes`], `&[u8]` | `bytes` |
/// | `Vec<T>` | `list` |
/// | tuples of up to 4 | `tuple` |
/// | `HashMap<K, V>` | `dict` |
/// | [`Bound`], [`Py`] | the object itself |
///
/// ```
/// use gilvm::IntoPy;
/// gilvm::Interpreter::new().with_gil(|py| {
///     let v = (1, "two", vec![3.5], None::<i64>).into_py(py).unwrap();
///     assert_eq!(v.repr().unwrap(), "(1, 'two', [3.5], None)");
/// });
/// ```
pub trait IntoPy<'py> {
    /// The Python object for `self` (fails only where Python would, e.g. an unhashable key).
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>>;
}

/// Rust values that can be read from Python objects.
///
/// Integers are checked for range (`OverflowError`), and types are checked exactly as the
/// table of [`IntoPy`] reads (with `int` accepted for `f64`, and any list or tuple for
/// `Vec<T>` and tuples); a mismatch is a `TypeError`.
///
/// ```
/// use std::collections::HashMap;
/// gilvm::Interpreter::new().with_gil(|py| {
///     let d: HashMap<String, Vec<i64>> = py.eval("{'a': [1, 2]}").unwrap().extract().unwrap();
///     assert_eq!(d["a"], vec![1, 2]);
///     let err = py.eval("300").unwrap().extract::<u8>().unwrap_err();
///     assert_eq!(err.type_name(), "OverflowError");
/// });
/// ```
pub trait FromPy<'py>: Sized {
    /// Reads `obj`, or fails with a `TypeError` / `OverflowError`.
    fn from_py(obj: &Bound<'py>) -> PyResult<Self>;
}

/// Python `bytes` (a plain `Vec<u8>` converts to a list of ints).
///
/// ```
/// use gilvm::{Bytes, IntoPy};
/// gilvm::Interpreter::new().with_gil(|py| {
///     let b = Bytes(vec![104, 105]).into_py(py).unwrap();
///     assert_eq!(b.repr().unwrap(), "b'hi'");
///     assert_eq!(b.extract::<Bytes>().unwrap().0, b"hi");
/// });
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bytes(pub Vec<u8>);

fn wrong_type(obj: &Bound<'_>, expected: &str) -> PyErr {
    PyErr::mismatch(expected, &obj.type_name())
}

impl<'py, T> IntoPy<'py> for Bound<'py, T> {
    fn into_py(self, _py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(self.into_any())
    }
}

impl<'py, T> IntoPy<'py> for &Bound<'py, T> {
    fn into_py(self, _py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(self.to_any())
    }
}

/// A handle of the argument's type: a `TypeError` if it is not one (see [`Bound::downcast`]).
impl<'py, T: PyTypeInfo> FromPy<'py> for Bound<'py, T> {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        obj.downcast()
    }
}

impl<'py, T> IntoPy<'py> for Py<T> {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(self.bind(py).into_any())
    }
}

impl<'py, T> IntoPy<'py> for &Py<T> {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(self.bind(py).into_any())
    }
}

impl<'py, T: PyTypeInfo> FromPy<'py> for Py<T> {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        Ok(obj.downcast::<T>()?.unbind())
    }
}

/// The value of an `int` (or `bool`) as a bignum.
fn int_value(obj: &Bound<'_>) -> PyResult<BigInt> {
    match obj.object().view() {
        View::Bool(b) => Ok(BigInt::from(b as i64)),
        View::Int(i) => Ok(BigInt::from(i)),
        View::BigInt(b) => Ok(b.clone()),
        _ => Err(wrong_type(obj, "int")),
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl<'py> IntoPy<'py> for $t {
            fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
                let obj = match i64::try_from(self) {
                    Ok(small) => Object::int(small),
                    Err(_) => Object::bigint(BigInt::from(self)),
                };
                Ok(py.bound(obj))
            }
        }

        impl<'py> FromPy<'py> for $t {
            fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
                let small = match obj.object().view() {
                    View::Int(i) => <$t>::try_from(i).ok(),
                    _ => None,
                };
                if let Some(v) = small {
                    return Ok(v);
                }
                let value = int_value(obj)?;
                <$t>::try_from(&value).map_err(|_| {
                    PyErr::new(
                        "OverflowError",
                        format!("int {value} out of range for {}", stringify!($t)),
                    )
                })
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl<'py> IntoPy<'py> for BigInt {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.bound(Object::bigint(self)))
    }
}

impl<'py> IntoPy<'py> for &BigInt {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        self.clone().into_py(py)
    }
}

impl<'py> FromPy<'py> for BigInt {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        int_value(obj)
    }
}

impl<'py> IntoPy<'py> for f64 {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.bound(Object::float(self)))
    }
}

impl<'py> IntoPy<'py> for f32 {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        f64::from(self).into_py(py)
    }
}

impl<'py> FromPy<'py> for f64 {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::Float(f) => Ok(f),
            View::Int(i) => Ok(i as f64),
            View::Bool(b) => Ok(b as i64 as f64),
            View::BigInt(b) => b
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| PyErr::new("OverflowError", "int too large to convert to float")),
            _ => Err(wrong_type(obj, "float")),
        }
    }
}

impl<'py> FromPy<'py> for f32 {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        f64::from_py(obj).map(|f| f as f32)
    }
}

impl<'py> IntoPy<'py> for bool {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.bound(Object::bool(self)))
    }
}

impl<'py> FromPy<'py> for bool {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::Bool(b) => Ok(b),
            _ => Err(wrong_type(obj, "bool")),
        }
    }
}

impl<'py> IntoPy<'py> for () {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.none())
    }
}

impl<'py> FromPy<'py> for () {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::None => Ok(()),
            _ => Err(wrong_type(obj, "None")),
        }
    }
}

impl<'py, T: IntoPy<'py>> IntoPy<'py> for Option<T> {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        match self {
            Some(v) => v.into_py(py),
            None => Ok(py.none()),
        }
    }
}

impl<'py, T: FromPy<'py>> FromPy<'py> for Option<T> {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::None => Ok(None),
            _ => T::from_py(obj).map(Some),
        }
    }
}

impl<'py> IntoPy<'py> for &str {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.bound(Object::str(self)))
    }
}

impl<'py> IntoPy<'py> for String {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        self.as_str().into_py(py)
    }
}

impl<'py> IntoPy<'py> for &String {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        self.as_str().into_py(py)
    }
}

impl<'py> FromPy<'py> for String {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::Str(s) => Ok(s.to_string()),
            _ => Err(wrong_type(obj, "str")),
        }
    }
}

impl<'py> IntoPy<'py> for &[u8] {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        Ok(py.bound(Object::bytes(self)))
    }
}

impl<'py> IntoPy<'py> for Bytes {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        self.0.as_slice().into_py(py)
    }
}

impl<'py> FromPy<'py> for Bytes {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        match obj.object().view() {
            View::Bytes(b) => Ok(Bytes(b.to_vec())),
            _ => Err(wrong_type(obj, "bytes")),
        }
    }
}

impl<'py, T: IntoPy<'py>> IntoPy<'py> for Vec<T> {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        let items = self
            .into_iter()
            .map(|v| v.into_py(py).map(Bound::into_object))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(py.bound(Object::list(items)))
    }
}

/// The items of a list or tuple.
fn sequence_items<'py>(obj: &Bound<'py>, expected: &str) -> PyResult<Vec<Bound<'py>>> {
    let items = obj
        .object()
        .tuple_or_list_items()
        .ok_or_else(|| wrong_type(obj, expected))?;
    Ok(items.into_iter().map(|o| obj.py().bound(o)).collect())
}

impl<'py, T: FromPy<'py>> FromPy<'py> for Vec<T> {
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        sequence_items(obj, "list or tuple")?
            .iter()
            .map(|item| T::from_py(item).map_err(PyErr::nested))
            .collect()
    }
}

macro_rules! tuple_conversions {
    ($len:literal: $($name:ident $index:tt),+) => {
        impl<'py, $($name: IntoPy<'py>),+> IntoPy<'py> for ($($name,)+) {
            fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
                let items = vec![$(self.$index.into_py(py)?.into_object()),+];
                Ok(py.bound(Object::tuple(items)))
            }
        }

        impl<'py, $($name: FromPy<'py>),+> FromPy<'py> for ($($name,)+) {
            fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
                let items = sequence_items(obj, "tuple")?;
                if items.len() != $len {
                    return Err(PyErr::value_error(format!(
                        "expected a sequence of {} items, got {}",
                        $len,
                        items.len()
                    )));
                }
                Ok(($($name::from_py(&items[$index]).map_err(PyErr::nested)?,)+))
            }
        }
    };
}

tuple_conversions!(1: A 0);
tuple_conversions!(2: A 0, B 1);
tuple_conversions!(3: A 0, B 1, C 2);
tuple_conversions!(4: A 0, B 1, C 2, D 3);

impl<'py, K: IntoPy<'py>, V: IntoPy<'py>, S> IntoPy<'py> for HashMap<K, V, S> {
    fn into_py(self, py: Python<'py>) -> PyResult<Bound<'py>> {
        let mut pairs = Vec::with_capacity(self.len());
        for (k, v) in self {
            pairs.push((k.into_py(py)?.into_object(), v.into_py(py)?.into_object()));
        }
        py.result(py.with_state(|ts| object::new_dict(ts, pairs)))
    }
}

impl<'py, K, V, S> FromPy<'py> for HashMap<K, V, S>
where
    K: FromPy<'py> + Eq + Hash,
    V: FromPy<'py>,
    S: std::hash::BuildHasher + Default,
{
    fn from_py(obj: &Bound<'py>) -> PyResult<Self> {
        let items = obj
            .object()
            .dict_items()
            .ok_or_else(|| wrong_type(obj, "dict"))?;
        let py = obj.py();
        items
            .into_iter()
            .map(|(k, v)| {
                let key = K::from_py(&py.bound(k)).map_err(PyErr::nested)?;
                let value = V::from_py(&py.bound(v)).map_err(PyErr::nested)?;
                Ok((key, value))
            })
            .collect()
    }
}
