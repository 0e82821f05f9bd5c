//! serde integration (the `serde` feature): any `Serialize` value to a Python object
//! ([`to_python`]) and any `Deserialize` value from one ([`from_python`]), as `pythonize`
//! and mlua's `LuaSerdeExt` do: structs and maps are dicts, sequences lists, tuples tuples,
//! enums externally tagged (`"Unit"`, `{"Variant": value}`), `None`/`()` is `None`, bytes
//! are `bytes`.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! struct Job { name: String, retries: u8, tags: Vec<String>, timeout: Option<f64> }
//!
//! gilvm::Interpreter::new().with_gil(|py| {
//!     let job = Job { name: "build".into(), retries: 3, tags: vec!["ci".into()], timeout: None };
//!     let obj = gilvm::to_python(py, &job).unwrap();
//!     assert_eq!(obj.repr().unwrap(), "{'name': 'build', 'retries': 3, 'tags': ['ci'], 'timeout': None}");
//!     obj.set_item("retries", 5).unwrap();
//!     let back: Job = gilvm::from_python(&obj).unwrap();
//!     assert_eq!(back.retries, 5);
//!     let err = gilvm::from_python::<Job>(&py.eval("{'name': 1}").unwrap()).unwrap_err();
//!     assert_eq!(err.to_string(), "TypeError: invalid type: integer `1`, expected a string");
//! });
//! ```

use std::fmt::Display;

use gilvm_vm::embed::{Object, View};
use num_traits::ToPrimitive;
use serde::de::{self, DeserializeOwned, Visitor};
use serde::ser::{self, Serialize};

use crate::{Bound, Bytes, IntoPy, PyDict, PyErr, PyResult, PyTuple, Python};

/// `value` as a Python object.
pub fn to_python<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py>> {
    value.serialize(Serializer { py })
}

/// A Rust value read from the Python object `obj`: a `TypeError` when its shape does not
/// match, a `ValueError` when a value does not fit (an unknown variant, a missing field).
pub fn from_python<T: DeserializeOwned>(obj: &Bound<'_>) -> PyResult<T> {
    T::deserialize(Deserializer { obj: obj.clone() })
}

impl ser::Error for PyErr {
    fn custom<T: Display>(msg: T) -> PyErr {
        PyErr::value_error(msg.to_string())
    }
}

impl de::Error for PyErr {
    fn custom<T: Display>(msg: T) -> PyErr {
        PyErr::value_error(msg.to_string())
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> PyErr {
        PyErr::type_error(format!("invalid type: {unexpected}, expected {expected}"))
    }
}

#[derive(Clone, Copy)]
struct Serializer<'py> {
    py: Python<'py>,
}

/// `{variant: value}`: an externally tagged enum variant.
fn tagged<'py>(py: Python<'py>, variant: &str, value: Bound<'py>) -> PyResult<Bound<'py>> {
    let dict = PyDict::new(py);
    dict.set_item(variant, value)?;
    Ok(dict.into_any())
}

/// The items of a sequence being serialized, and what becomes of them.
struct Seq<'py> {
    py: Python<'py>,
    items: Vec<Bound<'py>>,
    tuple: bool,
    variant: Option<&'static str>,
}

impl<'py> Seq<'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<()> {
        self.items.push(to_python(self.py, value)?);
        Ok(())
    }

    fn finish(self) -> PyResult<Bound<'py>> {
        let value = match self.tuple {
            true => PyTuple::new(self.py, self.items)?.into_any(),
            false => self.items.into_py(self.py)?,
        };
        match self.variant {
            Some(variant) => tagged(self.py, variant, value),
            None => Ok(value),
        }
    }
}

/// A map or struct being serialized.
struct Map<'py> {
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'py> {
    fn finish(self) -> PyResult<Bound<'py>> {
        let py = self.dict.py();
        match self.variant {
            Some(variant) => tagged(py, variant, self.dict.into_any()),
            None => Ok(self.dict.into_any()),
        }
    }
}

impl<'py> ser::Serializer for Serializer<'py> {
    type Ok = Bound<'py>;
    type Error = PyErr;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Seq<'py>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Map<'py>;

    fn serialize_bool(self, v: bool) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_i8(self, v: i8) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_i16(self, v: i16) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_i32(self, v: i32) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_i64(self, v: i64) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_i128(self, v: i128) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_u8(self, v: u8) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_u16(self, v: u16) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_u32(self, v: u32) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_u64(self, v: u64) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_u128(self, v: u128) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_f32(self, v: f32) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_f64(self, v: f64) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_char(self, v: char) -> PyResult<Bound<'py>> {
        v.to_string().into_py(self.py)
    }
    fn serialize_str(self, v: &str) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_bytes(self, v: &[u8]) -> PyResult<Bound<'py>> {
        v.into_py(self.py)
    }
    fn serialize_none(self) -> PyResult<Bound<'py>> {
        Ok(self.py.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> PyResult<Bound<'py>> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> PyResult<Bound<'py>> {
        Ok(self.py.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> PyResult<Bound<'py>> {
        Ok(self.py.none())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> PyResult<Bound<'py>> {
        variant.into_py(self.py)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> PyResult<Bound<'py>> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> PyResult<Bound<'py>> {
        tagged(self.py, variant, value.serialize(self)?)
    }
    fn serialize_seq(self, len: Option<usize>) -> PyResult<Seq<'py>> {
        Ok(self.seq(len.unwrap_or(0), false, None))
    }
    fn serialize_tuple(self, len: usize) -> PyResult<Seq<'py>> {
        Ok(self.seq(len, true, None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> PyResult<Seq<'py>> {
        Ok(self.seq(len, true, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> PyResult<Seq<'py>> {
        Ok(self.seq(len, true, Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> PyResult<Map<'py>> {
        Ok(self.map(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> PyResult<Map<'py>> {
        Ok(self.map(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> PyResult<Map<'py>> {
        Ok(self.map(Some(variant)))
    }
}

impl<'py> Serializer<'py> {
    fn seq(self, len: usize, tuple: bool, variant: Option<&'static str>) -> Seq<'py> {
        Seq {
            py: self.py,
            items: Vec::with_capacity(len),
            tuple,
            variant,
        }
    }

    fn map(self, variant: Option<&'static str>) -> Map<'py> {
        Map {
            dict: PyDict::new(self.py),
            key: None,
            variant,
        }
    }
}

macro_rules! seq_impls {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'py> {
            type Ok = Bound<'py>;
            type Error = PyErr;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<()> {
                self.push(value)
            }
            fn end(self) -> PyResult<Bound<'py>> {
                self.finish()
            }
        }
    )*};
}

seq_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Bound<'py>;
    type Error = PyErr;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> PyResult<()> {
        self.key = Some(to_python(self.dict.py(), key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| PyErr::value_error("serialize_value called before serialize_key"))?;
        self.dict.set_item(key, to_python(self.dict.py(), value)?)
    }
    fn end(self) -> PyResult<Bound<'py>> {
        self.finish()
    }
}

macro_rules! struct_impls {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'py> {
            type Ok = Bound<'py>;
            type Error = PyErr;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> PyResult<()> {
                self.dict.set_item(key, to_python(self.dict.py(), value)?)
            }
            fn end(self) -> PyResult<Bound<'py>> {
                self.finish()
            }
        }
    )*};
}

struct_impls!(SerializeStruct, SerializeStructVariant);

struct Deserializer<'py> {
    obj: Bound<'py>,
}

impl<'py> Deserializer<'py> {
    fn object(&self) -> &Object {
        self.obj.object()
    }

    fn unsupported(&self) -> PyErr {
        PyErr::type_error(format!(
            "cannot deserialize a '{}' object",
            self.obj.type_name()
        ))
    }
}

/// Handles for the items of a list or tuple being deserialized.
struct SeqAccess<'py> {
    items: std::vec::IntoIter<Bound<'py>>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'_> {
    type Error = PyErr;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> PyResult<Option<T::Value>> {
        self.items
            .next()
            .map(|obj| seed.deserialize(Deserializer { obj }))
            .transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a dict being deserialized.
struct MapAccess<'py> {
    entries: std::vec::IntoIter<(Bound<'py>, Bound<'py>)>,
    value: Option<Bound<'py>>,
}

impl<'de> de::MapAccess<'de> for MapAccess<'_> {
    type Error = PyErr;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> PyResult<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(Deserializer { obj: key }).map(Some)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> PyResult<V::Value> {
        let obj = self
            .value
            .take()
            .ok_or_else(|| PyErr::value_error("next_value called before next_key"))?;
        seed.deserialize(Deserializer { obj })
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An externally tagged enum: the variant's name, and its content if any.
struct EnumAccess<'py> {
    variant: Bound<'py>,
    content: Option<Bound<'py>>,
}

impl<'de, 'py> de::EnumAccess<'de> for EnumAccess<'py> {
    type Error = PyErr;
    type Variant = VariantAccess<'py>;
    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> PyResult<(V::Value, VariantAccess<'py>)> {
        let variant = seed.deserialize(Deserializer { obj: self.variant })?;
        Ok((
            variant,
            VariantAccess {
                content: self.content,
            },
        ))
    }
}

struct VariantAccess<'py> {
    content: Option<Bound<'py>>,
}

impl<'py> VariantAccess<'py> {
    fn content(self) -> PyResult<Deserializer<'py>> {
        self.content.map(|obj| Deserializer { obj }).ok_or_else(|| {
            PyErr::type_error("invalid type: unit variant, expected a variant with data")
        })
    }
}

impl<'de> de::VariantAccess<'de> for VariantAccess<'_> {
    type Error = PyErr;
    fn unit_variant(self) -> PyResult<()> {
        match self.content {
            None => Ok(()),
            Some(obj) if obj.is_none() => Ok(()),
            Some(_) => Err(PyErr::type_error(
                "invalid type: variant with data, expected a unit variant",
            )),
        }
    }
    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> PyResult<T::Value> {
        seed.deserialize(self.content()?)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> PyResult<V::Value> {
        de::Deserializer::deserialize_seq(self.content()?, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> PyResult<V::Value> {
        de::Deserializer::deserialize_map(self.content()?, visitor)
    }
}

impl<'de> de::Deserializer<'de> for Deserializer<'_> {
    type Error = PyErr;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        match self.object().view() {
            View::None => visitor.visit_unit(),
            View::Bool(b) => visitor.visit_bool(b),
            View::Int(i) => visitor.visit_i64(i),
            // Past `i64`: `u64` first, which every unsigned visitor takes.
            View::BigInt(b) => match (b.to_u64(), b.to_i128(), b.to_u128()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i128(i),
                (None, None, Some(u)) => visitor.visit_u128(u),
                _ => Err(PyErr::new(
                    "OverflowError",
                    format!("int {b} too large to deserialize"),
                )),
            },
            View::Float(f) => visitor.visit_f64(f),
            View::Str(s) => visitor.visit_str(s),
            View::Bytes(b) => visitor.visit_bytes(b),
            View::Other => {
                if self.object().dict_items().is_some() {
                    self.deserialize_map(visitor)
                } else if self.object().tuple_or_list_items().is_some() {
                    self.deserialize_seq(visitor)
                } else {
                    Err(self.unsupported())
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        match self.obj.is_none() {
            true => visitor.visit_none(),
            false => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> PyResult<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        let Some(items) = self.object().tuple_or_list_items() else {
            return self.deserialize_any_but("a list or tuple", visitor);
        };
        let py = self.obj.py();
        let items: Vec<Bound<'_>> = items.into_iter().map(|o| py.bound(o)).collect();
        visitor.visit_seq(SeqAccess {
            items: items.into_iter(),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> PyResult<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> PyResult<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        let Some(entries) = self.object().dict_items() else {
            return self.deserialize_any_but("a dict", visitor);
        };
        let py = self.obj.py();
        let entries: Vec<_> = entries
            .into_iter()
            .map(|(k, v)| (py.bound(k), py.bound(v)))
            .collect();
        visitor.visit_map(MapAccess {
            entries: entries.into_iter(),
            value: None,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> PyResult<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> PyResult<V::Value> {
        if let View::Str(_) = self.object().view() {
            return visitor.visit_enum(EnumAccess {
                variant: self.obj,
                content: None,
            });
        }
        let py = self.obj.py();
        match self.object().dict_items().as_deref() {
            Some([(variant, content)]) => visitor.visit_enum(EnumAccess {
                variant: py.bound(variant.clone()),
                content: Some(py.bound(content.clone())),
            }),
            _ => Err(PyErr::type_error(format!(
                "invalid type: '{}' object, expected a variant name or a dict of one variant",
                self.obj.type_name()
            ))),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        match self.object().view() {
            View::Bytes(b) => visitor.visit_bytes(b),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> PyResult<V::Value> {
        self.deserialize_any(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> PyResult<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string unit identifier
    }
}

impl Deserializer<'_> {
    /// Deserializes a value that is not the `expected` container as whatever it is, so
    /// that the visitor reports the mismatch in serde's words.
    fn deserialize_any_but<'de, V: Visitor<'de>>(
        self,
        expected: &str,
        visitor: V,
    ) -> PyResult<V::Value> {
        match self.object().view() {
            View::Other => Err(PyErr::type_error(format!(
                "invalid type: '{}' object, expected {expected}",
                self.obj.type_name()
            ))),
            _ => de::Deserializer::deserialize_any(self, visitor),
        }
    }
}

/// `bytes` for serde: serializes as Python `bytes` (a plain `Vec<u8>` is a list of ints).
impl Serialize for Bytes {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> de::Deserialize<'de> for Bytes {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Bytes, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(byte) = seq.next_element::<u8>()? {
                    out.push(byte);
                }
                Ok(Bytes(out))
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}
