//! The native core of `random`, CPython's `_random`: the Mersenne Twister (MT19937) of
//! `Modules/_randommodule.c`, seeded as CPython seeds it, so the same seed gives the same
//! numbers. `_random.py` makes these functions the methods of `_random.Random`; the
//! generator's state is a handle kept on the instance.

use std::cell::RefCell;

use num_bigint::{BigUint, Sign};
use num_traits::Signed;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{c_int_arg, int_subclass_value, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::dict::store_dict;
use crate::objects::function::{method_value, Args, NativeFn};
use crate::objects::int::{from_big, to_big};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The methods of `_random.Random`, stored in the module under these names for `_random.py`.
const METHODS: &[(&str, NativeFn)] = &[
    ("_new_state", new_state),
    ("_seed", seed),
    ("_random", random),
    ("_getrandbits", getrandbits),
    ("_getstate", getstate),
    ("_setstate", setstate),
    ("_randbelow", randbelow),
];

pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    for (name, f) in METHODS {
        store_dict(dict, &Value::new_str(*name), method_value(name, *f));
    }
    Ok(())
}

/// MT19937's state: 624 words and the index of the next one to temper.
struct Twister {
    mt: [u32; N],
    index: usize,
}

impl Twister {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mt = &mut self.mt;
        let mix = |a: u32, b: u32, c: u32| {
            let y = (a & UPPER_MASK) | (b & LOWER_MASK);
            c ^ (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
        };
        for k in 0..N - M {
            mt[k] = mix(mt[k], mt[k + 1], mt[k + M]);
        }
        for k in N - M..N - 1 {
            mt[k] = mix(mt[k], mt[k + 1], mt[k + M - N]);
        }
        mt[N - 1] = mix(mt[N - 1], mt[0], mt[M - 1]);
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits, as CPython's `random_random`.
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `k` random bits (k > 0) as 32-bit words, least significant first; the last word
    /// keeps the top bits of its draw, as CPython's `getrandbits`.
    fn bits(&mut self, k: usize) -> Vec<u32> {
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let r = self.next_u32();
            out.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        out
    }
}

/// The generator's state behind an instance of `_random.Random`.
struct State(RefCell<Twister>);

impl NativeHandle for State {
    fn repr(&self) -> String {
        "<_random state>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The handle holding the state of the generator `this`, if it has one.
fn state_handle(ts: &ThreadState, this: &Value) -> Option<Value> {
    let handle = this
        .as_instance()?
        .attr(ts.rt.names.get(Dunder::RandomState))?;
    handle.obj()?.handle::<State>()?;
    Some(handle)
}

/// Runs `f` on the state of the generator `this`.
fn with_twister<T>(
    ts: &ThreadState,
    this: &Value,
    f: impl FnOnce(&mut Twister) -> T,
) -> PyResult<T> {
    match state_handle(ts, this)
        .as_ref()
        .and_then(|h| h.obj())
        .and_then(|o| o.handle::<State>())
    {
        Some(state) => Ok(f(&mut state.0.borrow_mut())),
        None => Err(ts.type_error(format!(
            "descriptor of '_random.Random' object needs a '_random.Random' instance, not '{}'",
            type_name(ts, this)
        ))),
    }
}

/// `__new__`'s half: a zeroed state (CPython's allocation), until `__init__` seeds it.
fn new_state(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "_new_state", args, 0, 0)?;
    let Some(inst) = this.as_instance() else {
        return Err(ts.type_error("_new_state() needs a '_random.Random' instance"));
    };
    let state = State(RefCell::new(Twister {
        mt: [0; N],
        index: 0,
    }));
    let name = ts.rt.names.get(Dunder::RandomState).clone();
    inst.set_attr(name, Value::Obj(ObjRef::new(Obj::Handle(Box::new(state)))));
    Ok(Value::None)
}

/// `seed(n=None)`: None seeds from the OS's random source; an int by the 32-bit words of its
/// absolute value; anything else by its hash (as an unsigned word), as CPython does.
fn seed(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "seed", args, 0, 1)?;
    let key = match a.first() {
        None | Some(Value::None) => os_key(),
        Some(v) => int_key(v).map_or_else(|| hash_key(ts, v), Ok)?,
    };
    with_twister(ts, this, |tw| tw.init_by_array(&key))?;
    Ok(Value::None)
}

/// The key of an int seed: the 32-bit words of its absolute value (one word for zero).
fn int_key(v: &Value) -> Option<Vec<u32>> {
    let n = match v {
        Value::Int(i) => return Some(u64_words(i.unsigned_abs())),
        Value::Bool(b) => return Some(vec![*b as u32]),
        Value::Obj(o) => to_big(v).or_else(|| int_subclass_value(o).and_then(|b| to_big(&b)))?,
        _ => return None,
    };
    let words = n.abs().magnitude().to_u32_digits();
    Some(if words.is_empty() { vec![0] } else { words })
}

fn u64_words(n: u64) -> Vec<u32> {
    if n >> 32 == 0 {
        vec![n as u32]
    } else {
        vec![n as u32, (n >> 32) as u32]
    }
}

fn hash_key(ts: &mut ThreadState, v: &Value) -> PyResult<Vec<u32>> {
    Ok(u64_words(crate::protocol::ops::hash(ts, v)?))
}

/// A key of 624 words from the OS's random source (time and pid if it fails), as CPython's
/// `random_seed_urandom`.
fn os_key() -> Vec<u32> {
    let mut bytes = [0u8; N * 4];
    let mut filled = 0;
    while filled < bytes.len() {
        let rest = &mut bytes[filled..];
        // SAFETY: `rest` is a writable buffer of `rest.len()` bytes.
        let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if got < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        if got <= 0 {
            return time_pid_key();
        }
        filled += got as usize;
    }
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn time_pid_key() -> Vec<u32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut key = u64_words(nanos);
    key.resize(2, 0);
    key.push(std::process::id());
    key
}

/// `random()`: a float in [0.0, 1.0).
fn random(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "random", args, 0, 0)?;
    with_twister(ts, this, Twister::next_f64).map(Value::Float)
}

/// `getrandbits(k)`: an int of `k` random bits.
fn getrandbits(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "getrandbits", args, 1, 1)?;
    let k = c_int_arg(ts, &a[0])?;
    if k < 0 {
        return Err(ts.value_error("number of bits must be non-negative"));
    }
    let k = k as usize;
    match k {
        0 => Ok(Value::Int(0)),
        1..=32 => with_twister(ts, this, |tw| {
            Value::Int((tw.next_u32() >> (32 - k)) as i64)
        }),
        _ => with_twister(ts, this, |tw| from_words(tw.bits(k))),
    }
}

fn from_words(words: Vec<u32>) -> Value {
    from_big(num_bigint::BigInt::from_biguint(
        Sign::Plus,
        BigUint::new(words),
    ))
}

/// `_randbelow(n)`: a random int in [0, n) for n > 0, drawing `n.bit_length()` bits until
/// one is below `n` (CPython's `_randbelow_with_getrandbits`, `random.py` uses it while
/// neither `random` nor `getrandbits` is overridden).
fn randbelow(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_randbelow", args, 1, 1)?;
    if let Value::Int(n) = a[0] {
        if n > 0 {
            let k = 64 - n.leading_zeros();
            return with_twister(ts, this, |tw| loop {
                let r = if k <= 32 {
                    (tw.next_u32() >> (32 - k)) as i64
                } else {
                    let lo = tw.next_u32() as u64;
                    let hi = (tw.next_u32() >> (64 - k)) as u64;
                    (lo | hi << 32) as i64
                };
                if r < n {
                    break Value::Int(r);
                }
            });
        }
    }
    let Some(n) = to_big(&a[0]).filter(|n| n.sign() == Sign::Plus) else {
        return Err(ts.value_error("_randbelow() needs a positive int"));
    };
    let k = n.bits() as usize;
    with_twister(ts, this, |tw| loop {
        let r = from_words(tw.bits(k));
        if to_big(&r).is_some_and(|r| r < n) {
            break r;
        }
    })
}

/// `getstate()`: the 624 words and the index, as one tuple (CPython's layout).
fn getstate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "getstate", args, 0, 0)?;
    with_twister(ts, this, |tw| {
        let mut items: Vec<Value> = tw.mt.iter().map(|&w| Value::Int(w as i64)).collect();
        items.push(Value::Int(tw.index as i64));
        Value::new_tuple(items)
    })
}

/// `setstate(state)`: the inverse of `getstate`, with CPython's checks.
fn setstate(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "setstate", args, 1, 1)?;
    let Some(Obj::Tuple(items)) = a[0].obj().map(|o| &**o) else {
        return Err(ts.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(ts.value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (word, item) in mt.iter_mut().zip(items.iter()) {
        *word = unsigned_long(ts, item)? as u32;
    }
    let index = match to_big(&items[N]) {
        Some(i) => i,
        None => return Err(ts.type_error("an integer is required")),
    };
    let index = match usize::try_from(&index) {
        Ok(i) if i <= N => i,
        _ => return Err(ts.value_error("invalid state")),
    };
    with_twister(ts, this, |tw| {
        tw.mt = mt;
        tw.index = index;
        Value::None
    })
}

/// An int as a C `unsigned long`, with `PyLong_AsUnsignedLong`'s errors.
fn unsigned_long(ts: &ThreadState, v: &Value) -> PyResult<u64> {
    let Some(n) = to_big(v) else {
        return Err(ts.type_error("an integer is required"));
    };
    if n.sign() == Sign::Minus {
        return Err(ts.new_exc(
            ExcKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    u64::try_from(&n).map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            "Python int too large to convert to C unsigned long",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference outputs of Matsumoto and Nishimura's `mt19937ar.c` for
    /// `init_by_array({0x123, 0x234, 0x345, 0x456})`.
    #[test]
    fn matches_the_reference_generator() {
        let mut tw = Twister {
            mt: [0; N],
            index: N,
        };
        tw.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| tw.next_u32()).collect();
        assert_eq!(
            first,
            [1067595299, 955945823, 477289528, 4107218783, 4228976476]
        );
    }
}
