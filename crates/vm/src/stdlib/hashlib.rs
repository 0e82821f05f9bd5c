//! The native core of `hashlib` (`hashlib.py` is the Python face): a hash state behind an
//! `Obj::Handle`, over the RustCrypto crates.

use crate::object::alloc::{self, OrMemoryError};
use std::cell::RefCell;

use blake2::digest::{ExtendableOutput, Update, VariableOutput, XofReader};
use md5::digest::DynDigest;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_hash_new", hash_new),
    ("_hash_update", hash_update),
    ("_hash_digest", hash_digest),
    ("_hash_copy", hash_copy),
];

#[derive(Clone)]
enum State {
    Fixed(Box<dyn DynDigestClone>),
    Blake2b(blake2::Blake2bVar),
    Blake2s(blake2::Blake2sVar),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
}

/// `DynDigest` with a `Clone` that keeps the box.
trait DynDigestClone: DynDigest {
    fn clone_box(&self) -> Box<dyn DynDigestClone>;
}

impl<T: DynDigest + Clone + 'static> DynDigestClone for T {
    fn clone_box(&self) -> Box<dyn DynDigestClone> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn DynDigestClone> {
    fn clone(&self) -> Self {
        (**self).clone_box()
    }
}

struct HashHandle(RefCell<State>);

impl crate::object::value::NativeHandle for HashHandle {
    fn repr(&self) -> String {
        "<hash state>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn new_state(name: &str, digest_size: i64) -> Option<State> {
    let fixed = |d: Box<dyn DynDigestClone>| Some(State::Fixed(d));
    match name {
        "md5" => fixed(Box::<md5::Md5>::default()),
        "sha1" => fixed(Box::<sha1::Sha1>::default()),
        "sha224" => fixed(Box::<sha2::Sha224>::default()),
        "sha256" => fixed(Box::<sha2::Sha256>::default()),
        "sha384" => fixed(Box::<sha2::Sha384>::default()),
        "sha512" => fixed(Box::<sha2::Sha512>::default()),
        "sha3_224" => fixed(Box::<sha3::Sha3_224>::default()),
        "sha3_256" => fixed(Box::<sha3::Sha3_256>::default()),
        "sha3_384" => fixed(Box::<sha3::Sha3_384>::default()),
        "sha3_512" => fixed(Box::<sha3::Sha3_512>::default()),
        "blake2b" => blake2::Blake2bVar::new(digest_size as usize)
            .ok()
            .map(State::Blake2b),
        "blake2s" => blake2::Blake2sVar::new(digest_size as usize)
            .ok()
            .map(State::Blake2s),
        "shake_128" => Some(State::Shake128(sha3::Shake128::default())),
        "shake_256" => Some(State::Shake256(sha3::Shake256::default())),
        _ => None,
    }
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Fixed(d) => d.update(data),
            State::Blake2b(d) => Update::update(d, data),
            State::Blake2s(d) => Update::update(d, data),
            State::Shake128(d) => Update::update(d, data),
            State::Shake256(d) => Update::update(d, data),
        }
    }

    /// The digest so far (the state goes on); `length` is for the shake variants.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            State::Fixed(mut d) => {
                let mut out = vec![0; d.output_size()];
                let _ = d.finalize_into_reset(&mut out);
                out
            }
            State::Blake2b(d) => {
                let mut out = vec![0; d.output_size()];
                let _ = d.finalize_variable(&mut out);
                out
            }
            State::Blake2s(d) => {
                let mut out = vec![0; d.output_size()];
                let _ = d.finalize_variable(&mut out);
                out
            }
            State::Shake128(d) => {
                let mut out = vec![0; length];
                d.finalize_xof().read(&mut out);
                out
            }
            State::Shake256(d) => {
                let mut out = vec![0; length];
                d.finalize_xof().read(&mut out);
                out
            }
        }
    }
}

fn handle_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a HashHandle> {
    v.obj()
        .and_then(|o| o.handle::<HashHandle>())
        .ok_or_else(|| ts.type_error("expected a hash state"))
}

fn new_handle(state: State) -> Value {
    Value::Obj(ObjRef::new(Obj::Handle(Box::new(HashHandle(
        RefCell::new(state),
    )))))
}

/// `_hash_new(name, digest_size)`: a fresh state, or `ValueError` for an unknown name.
fn hash_new(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_hash_new", args, 2, 2)?;
    let name = str_arg(ts, &a[0], "name")?;
    let size = int_arg(ts, &a[1])?;
    match new_state(name, size) {
        Some(state) => Ok(new_handle(state)),
        None => Err(ts.value_error(format!("unsupported hash type {name}"))),
    }
}

fn hash_update(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_hash_update", args, 2, 2)?;
    let data = bytes_arg(ts, &a[1])?;
    handle_of(ts, &a[0])?.0.borrow_mut().update(&data);
    Ok(Value::None)
}

fn hash_digest(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_hash_digest", args, 2, 2)?;
    let length = int_arg(ts, &a[1])?.max(0) as usize;
    // A shake digest's length is the script's to choose (`hexdigest` doubles it).
    alloc::check_items::<u16>(length).or_memory_error(ts)?;
    let out = handle_of(ts, &a[0])?.0.borrow().digest(length);
    Ok(new_bytes(out))
}

fn hash_copy(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_hash_copy", args, 1, 1)?;
    let state = handle_of(ts, &a[0])?.0.borrow().clone();
    Ok(new_handle(state))
}
