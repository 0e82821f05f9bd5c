//! The native core of `zlib` (`zlib.py` is the Python face), over `flate2` with the system
//! zlib, so compressed bytes are the ones CPython's zlib makes. Its functions are bound to the
//! module's namespace so that failures raise the module's own `zlib.error`.

use std::cell::RefCell;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{new_exception, PyResult};
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::dict::{dict_get, store_dict};
use crate::objects::function::{native_value, Args, NativeFn};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_compress", compress),
    ("_decompress", decompress),
    ("_compressobj", compressobj),
    ("_comp_compress", comp_compress),
    ("_comp_flush", comp_flush),
    ("_decompressobj", decompressobj),
    ("_decomp_decompress", decomp_decompress),
    ("crc32", crc32),
    ("adler32", adler32),
];

/// `crc32` for `binascii`, which shares it.
pub const CRC32: &[(&str, NativeFn)] = &[("crc32", crc32)];

/// Stores the functions, each bound to the module's namespace (for `zlib.error`).
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        let value = native_value(name, *f, Value::Obj(dict.clone()));
        store_dict(dict, &Value::new_str(*name), value);
    }
    Ok(())
}

/// A `zlib.error` (or `RuntimeError` before the module's source has defined it).
fn zlib_error(ts: &ThreadState, module: &Value, msg: String) -> ObjRef {
    let class = module
        .obj()
        .and_then(|d| dict_get(d, &Value::new_str("error")));
    match class {
        Some(Value::Obj(class)) => new_exception(&class, vec![Value::new_str(msg)]),
        _ => ts.new_exc(crate::object::error::ExcKind::RuntimeError, msg),
    }
}

enum Format {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    Auto,
}

fn window(bits: i64) -> u8 {
    bits.clamp(9, 15) as u8
}

fn compress_format(wbits: i64) -> Option<Format> {
    match wbits {
        9..=15 => Some(Format::Zlib(window(wbits))),
        -15..=-9 => Some(Format::Raw(window(-wbits))),
        25..=31 => Some(Format::Gzip(window(wbits - 16))),
        _ => None,
    }
}

fn decompress_format(wbits: i64) -> Option<Format> {
    match wbits {
        0 => Some(Format::Zlib(15)),
        8..=15 => Some(Format::Zlib(window(wbits))),
        -15..=-8 => Some(Format::Raw(window(-wbits))),
        24..=31 => Some(Format::Gzip(window(wbits - 16))),
        40..=47 => Some(Format::Auto),
        _ => None,
    }
}

fn level_of(ts: &ThreadState, module: &Value, level: i64) -> PyResult<Compression> {
    match level {
        -1 => Ok(Compression::default()),
        0..=9 => Ok(Compression::new(level as u32)),
        _ => Err(zlib_error(ts, module, "Bad compression level".into())),
    }
}

fn new_compress(ts: &ThreadState, module: &Value, level: i64, wbits: i64) -> PyResult<Compress> {
    let level = level_of(ts, module, level)?;
    match compress_format(wbits) {
        Some(Format::Zlib(w)) => Ok(Compress::new_with_window_bits(level, true, w)),
        Some(Format::Raw(w)) => Ok(Compress::new_with_window_bits(level, false, w)),
        Some(Format::Gzip(w)) => Ok(Compress::new_gzip(level, w)),
        _ => Err(ts.value_error("Invalid initialization option")),
    }
}

fn new_decompress(ts: &ThreadState, wbits: i64, data: &[u8]) -> PyResult<Decompress> {
    match decompress_format(wbits) {
        Some(Format::Zlib(w)) => Ok(Decompress::new_with_window_bits(true, w)),
        Some(Format::Raw(w)) => Ok(Decompress::new_with_window_bits(false, w)),
        Some(Format::Gzip(w)) => Ok(Decompress::new_gzip(w)),
        Some(Format::Auto) if data.starts_with(&[0x1f, 0x8b]) => Ok(Decompress::new_gzip(15)),
        Some(Format::Auto) => Ok(Decompress::new_with_window_bits(true, 15)),
        None => Err(ts.value_error("Invalid initialization option")),
    }
}

/// Runs `c` over all of `input` with `flush`, returning the output.
fn run_compress(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 16 * 1024];
    let start = c.total_in();
    loop {
        let consumed = (c.total_in() - start) as usize;
        let before_out = c.total_out();
        let status = c.compress(&input[consumed..], &mut buf, flush);
        let produced = (c.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..produced]);
        let consumed = (c.total_in() - start) as usize;
        match status {
            Ok(Status::Ok) if consumed < input.len() || produced == buf.len() => {}
            Ok(Status::Ok) if matches!(flush, FlushCompress::Finish) => {}
            _ => break,
        }
    }
    out
}

fn compress(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_compress", args, 3, 3)?;
    let data = bytes_arg(ts, &a[0])?;
    let mut c = new_compress(ts, this, int_arg(ts, &a[1])?, int_arg(ts, &a[2])?)?;
    Ok(new_bytes(run_compress(
        &mut c,
        &data,
        FlushCompress::Finish,
    )))
}

/// Decompresses `input` into `out` (at most `max` bytes more when `max > 0`); returns how
/// much input was consumed and whether the stream ended.
fn run_decompress(
    ts: &ThreadState,
    module: &Value,
    d: &mut Decompress,
    input: &[u8],
    out: &mut Vec<u8>,
    max: usize,
) -> PyResult<(usize, bool)> {
    let start = d.total_in();
    let limit = if max > 0 { out.len() + max } else { usize::MAX };
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let consumed = (d.total_in() - start) as usize;
        let room = (limit - out.len()).min(buf.len());
        if room == 0 {
            return Ok((consumed, false));
        }
        let before_out = d.total_out();
        let status = d.decompress(&input[consumed..], &mut buf[..room], FlushDecompress::None);
        let produced = (d.total_out() - before_out) as usize;
        out.extend_from_slice(&buf[..produced]);
        let consumed = (d.total_in() - start) as usize;
        match status {
            Ok(Status::StreamEnd) => return Ok((consumed, true)),
            Ok(_) => {
                if produced < room && (consumed >= input.len() || produced == 0) {
                    return Ok((consumed, false));
                }
            }
            Err(e) => {
                let msg = e.message().unwrap_or("invalid stream").to_string();
                return Err(zlib_error(
                    ts,
                    module,
                    format!("Error -3 while decompressing data: {msg}"),
                ));
            }
        }
    }
}

fn decompress(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_decompress", args, 2, 2)?;
    let data = bytes_arg(ts, &a[0])?;
    let mut d = new_decompress(ts, int_arg(ts, &a[1])?, &data)?;
    let mut out = Vec::new();
    let (_, ended) = run_decompress(ts, this, &mut d, &data, &mut out, 0)?;
    if !ended {
        return Err(zlib_error(
            ts,
            this,
            "Error -5 while decompressing data: incomplete or truncated stream".into(),
        ));
    }
    Ok(new_bytes(out))
}

struct Compressor(RefCell<Option<Compress>>);

impl NativeHandle for Compressor {
    fn repr(&self) -> String {
        "<zlib compressor>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

struct Decompressor {
    state: RefCell<Option<Decompress>>,
    wbits: i64,
}

impl NativeHandle for Decompressor {
    fn repr(&self) -> String {
        "<zlib decompressor>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn handle(o: Obj) -> Value {
    Value::Obj(ObjRef::new(o))
}

fn compressobj(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_compressobj", args, 2, 2)?;
    let c = new_compress(ts, this, int_arg(ts, &a[0])?, int_arg(ts, &a[1])?)?;
    Ok(handle(Obj::Handle(Box::new(Compressor(RefCell::new(
        Some(c),
    ))))))
}

fn compressor<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a Compressor> {
    v.obj()
        .and_then(|o| o.handle::<Compressor>())
        .ok_or_else(|| ts.type_error("expected a compressor"))
}

fn comp_compress(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_comp_compress", args, 2, 2)?;
    let data = bytes_arg(ts, &a[1])?;
    let h = compressor(ts, &a[0])?;
    let mut state = h.0.borrow_mut();
    let Some(c) = state.as_mut() else {
        return Err(zlib_error(
            ts,
            this,
            "Error -2 while compressing data: inconsistent stream state".into(),
        ));
    };
    Ok(new_bytes(run_compress(c, &data, FlushCompress::None)))
}

fn comp_flush(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_comp_flush", args, 2, 2)?;
    let mode = int_arg(ts, &a[1])?;
    let h = compressor(ts, &a[0])?;
    let mut state = h.0.borrow_mut();
    let flush = match mode {
        0 => return Ok(new_bytes(Vec::new())),
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        _ => FlushCompress::Finish,
    };
    let Some(c) = state.as_mut() else {
        return Err(zlib_error(
            ts,
            this,
            "Error -2 while flushing: inconsistent stream state".into(),
        ));
    };
    let out = run_compress(c, &[], flush);
    if matches!(flush, FlushCompress::Finish) {
        *state = None;
    }
    Ok(new_bytes(out))
}

fn decompressobj(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_decompressobj", args, 1, 1)?;
    let wbits = int_arg(ts, &a[0])?;
    if decompress_format(wbits).is_none() {
        return Err(ts.value_error("Invalid initialization option"));
    }
    Ok(handle(Obj::Handle(Box::new(Decompressor {
        state: RefCell::new(None),
        wbits,
    }))))
}

/// `_decomp_decompress(h, data, max_length)` -> `(output, consumed, eof)`.
fn decomp_decompress(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_decomp_decompress", args, 3, 3)?;
    let data = bytes_arg(ts, &a[1])?;
    let max = int_arg(ts, &a[2])?.max(0) as usize;
    let h = a[0]
        .obj()
        .and_then(|o| o.handle::<Decompressor>())
        .ok_or_else(|| ts.type_error("expected a decompressor"))?;
    let mut state = h.state.borrow_mut();
    if state.is_none() {
        if data.is_empty() {
            return Ok(Value::new_tuple(vec![
                new_bytes(Vec::new()),
                Value::Int(0),
                Value::Bool(false),
            ]));
        }
        *state = Some(new_decompress(ts, h.wbits, &data)?);
    }
    let d = state.as_mut().expect("decompressor state");
    let mut out = Vec::new();
    let (consumed, ended) = run_decompress(ts, this, d, &data, &mut out, max)?;
    Ok(Value::new_tuple(vec![
        new_bytes(out),
        Value::Int(consumed as i64),
        Value::Bool(ended),
    ]))
}

fn start_value(ts: &ThreadState, args: &[Value], default: u32) -> PyResult<u32> {
    match args.get(1) {
        Some(v) => Ok(int_arg(ts, v)? as u32),
        None => Ok(default),
    }
}

fn crc32(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "crc32", args, 1, 2)?;
    let data = bytes_arg(ts, &a[0])?;
    let mut h = crc32fast::Hasher::new_with_initial(start_value(ts, a, 0)?);
    h.update(&data);
    Ok(Value::Int(h.finalize() as i64))
}

fn adler32(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "adler32", args, 1, 2)?;
    let data = bytes_arg(ts, &a[0])?;
    let start = start_value(ts, a, 1)?;
    let (mut s1, mut s2) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5552) {
        for &b in chunk {
            s1 += b as u32;
            s2 += s1;
        }
        s1 %= 65521;
        s2 %= 65521;
    }
    Ok(Value::Int(((s2 << 16) | s1) as i64))
}
