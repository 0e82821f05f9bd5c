//! The native core of `_lzma` (`_lzma.py` is its Python face, CPython's own `lzma.py` sits on
//! top), over the `liblzma` crate (xz's liblzma, built from source): compressors and
//! decompressors for the xz, alone and raw formats with CPython's filter chains. Its functions
//! are bound to the module's namespace so that failures raise the module's `LZMAError`.

use std::cell::RefCell;

use liblzma::stream::{
    Action, Check, Error as LzmaFailure, Filters, LzmaOptions, MatchFinder, Mode, Status, Stream,
    TELL_ANY_CHECK,
};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::dict::{dict_get, store_dict};
use crate::objects::function::{native_value, Args, NativeFn};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_encoder", encoder),
    ("_decoder", decoder),
    ("_process", process),
];

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FILTER_LZMA1: i64 = 0x4000000000000001;
const FILTER_LZMA2: i64 = 0x21;
const FILTER_DELTA: i64 = 0x03;
const FILTER_X86: i64 = 0x04;
const FILTER_POWERPC: i64 = 0x05;
const FILTER_IA64: i64 = 0x06;
const FILTER_ARM: i64 = 0x07;
const FILTER_ARMTHUMB: i64 = 0x08;
const FILTER_SPARC: i64 = 0x09;

/// Stores the functions, each bound to the module's namespace (for `LZMAError`).
pub fn init(_ts: &mut ThreadState, dict: &ObjRef) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        let value = native_value(name, *f, Value::Obj(dict.clone()));
        store_dict(dict, &Value::new_str(*name), value);
    }
    Ok(())
}

/// A coder's liblzma stream (`None` once a compressor is flushed).
struct Coder(RefCell<Option<Stream>>);

impl NativeHandle for Coder {
    fn repr(&self) -> String {
        "<lzma coder>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// liblzma's failure as CPython reports it: an `LZMAError` (a `MemoryError` for memory).
fn lzma_error(ts: &ThreadState, module: &Value, failure: LzmaFailure) -> ObjRef {
    let msg = match failure {
        LzmaFailure::UnsupportedCheck => "Unsupported integrity check",
        LzmaFailure::Mem => return ts.new_exc(ExcKind::MemoryError, String::new()),
        LzmaFailure::MemLimit => "Memory usage limit exceeded",
        LzmaFailure::Format => "Input format not supported by decoder",
        LzmaFailure::Options => "Invalid or unsupported options",
        LzmaFailure::Data => "Corrupt input data",
        LzmaFailure::NoCheck | LzmaFailure::Program => "Internal error",
    };
    let class = module
        .obj()
        .and_then(|d| dict_get(d, &Value::new_str("LZMAError")));
    match class {
        Some(Value::Obj(class)) => new_exception(&class, vec![Value::new_str(msg)]),
        _ => ts.new_exc(ExcKind::RuntimeError, msg.to_string()),
    }
}

/// The ints of a normalized filter tuple made by `_lzma.py` (`-1` for an unset option).
fn filter_fields(ts: &mut ThreadState, spec: &Value) -> PyResult<Vec<i64>> {
    let Some(Obj::Tuple(items)) = spec.obj().map(|o| &**o) else {
        return Err(ts.type_error("filter must be a tuple"));
    };
    items.iter().map(|v| int_arg(ts, v)).collect()
}

/// LZMA1/LZMA2 options: a preset, then the options that were given.
/// `f` is `[id, preset, dict_size, lc, lp, pb, mode, nice_len, mf, depth, dist, start_offset]`.
fn lzma_options(f: &[i64]) -> Result<LzmaOptions, LzmaFailure> {
    let mut o = LzmaOptions::new_preset(f[1] as u32)?;
    let set = |i: usize| (f[i] >= 0).then_some(f[i] as u32);
    if let Some(v) = set(2) {
        o.dict_size(v);
    }
    if let Some(v) = set(3) {
        o.literal_context_bits(v);
    }
    if let Some(v) = set(4) {
        o.literal_position_bits(v);
    }
    if let Some(v) = set(5) {
        o.position_bits(v);
    }
    match set(6) {
        Some(1) => drop(o.mode(Mode::Fast)),
        Some(2) => drop(o.mode(Mode::Normal)),
        Some(_) => return Err(LzmaFailure::Options),
        None => {}
    }
    if let Some(v) = set(7) {
        o.nice_len(v);
    }
    let finder = match set(8) {
        Some(0x03) => Some(MatchFinder::HashChain3),
        Some(0x04) => Some(MatchFinder::HashChain4),
        Some(0x12) => Some(MatchFinder::BinaryTree2),
        Some(0x13) => Some(MatchFinder::BinaryTree3),
        Some(0x14) => Some(MatchFinder::BinaryTree4),
        Some(_) => return Err(LzmaFailure::Options),
        None => None,
    };
    if let Some(mf) = finder {
        o.match_finder(mf);
    }
    if let Some(v) = set(9) {
        o.depth(v);
    }
    Ok(o)
}

/// Adds one filter to the chain.
fn add_filter(chain: &mut Filters, f: &[i64]) -> Result<(), LzmaFailure> {
    let offset = (f[11].max(0) as u32).to_le_bytes();
    let offset: &[u8] = if f[11] > 0 { &offset } else { &[] };
    match f[0] {
        FILTER_LZMA1 => drop(chain.lzma1(&lzma_options(f)?)),
        FILTER_LZMA2 => drop(chain.lzma2(&lzma_options(f)?)),
        FILTER_DELTA => drop(chain.delta_properties(&[(f[10].max(1) - 1) as u8])?),
        FILTER_X86 => drop(chain.x86_properties(offset)?),
        FILTER_POWERPC => drop(chain.powerpc_properties(offset)?),
        FILTER_IA64 => drop(chain.ia64_properties(offset)?),
        FILTER_ARM => drop(chain.arm_properties(offset)?),
        FILTER_ARMTHUMB => drop(chain.arm_thumb_properties(offset)?),
        FILTER_SPARC => drop(chain.sparc_properties(offset)?),
        _ => return Err(LzmaFailure::Options),
    }
    Ok(())
}

/// The filter chain of a list of normalized filter tuples, and the first filter's fields.
fn chain_of(ts: &mut ThreadState, specs: &Value) -> PyResult<(Filters, Vec<Vec<i64>>)> {
    let specs = crate::protocol::iter::collect(ts, specs)?;
    let fields = specs
        .iter()
        .map(|s| filter_fields(ts, s))
        .collect::<PyResult<Vec<_>>>()?;
    let mut chain = Filters::new();
    for f in &fields {
        if f.len() != 12 {
            return Err(ts.value_error("malformed filter"));
        }
        add_filter(&mut chain, f).map_err(|_| ts.value_error("Invalid filter chain"))?;
    }
    Ok((chain, fields))
}

fn new_handle(stream: Stream) -> Value {
    Value::Obj(ObjRef::new(Obj::Handle(Box::new(Coder(RefCell::new(
        Some(stream),
    ))))))
}

/// `_encoder(format, check, preset, filters)`: a compressor's stream (arguments checked by
/// `_lzma.py`; `filters` is `None` or a list of normalized filter tuples).
fn encoder(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_encoder", args, 4, 4)?;
    let format = int_arg(ts, &a[0])?;
    let check = match int_arg(ts, &a[1])? {
        -1 | 4 => Check::Crc64,
        0 => Check::None,
        1 => Check::Crc32,
        10 => Check::Sha256,
        _ => return Err(lzma_error(ts, this, LzmaFailure::UnsupportedCheck)),
    };
    let preset = int_arg(ts, &a[2])? as u32;
    let chain = match &a[3] {
        Value::None => None,
        specs => Some(chain_of(ts, specs)?),
    };
    let stream = match (format, chain) {
        (FORMAT_XZ, None) => Stream::new_easy_encoder(preset, check),
        (FORMAT_XZ, Some((chain, _))) => Stream::new_stream_encoder(&chain, check),
        (FORMAT_ALONE, None) => {
            LzmaOptions::new_preset(preset).and_then(|o| Stream::new_lzma_encoder(&o))
        }
        (FORMAT_ALONE, Some((_, fields))) => {
            if fields.len() != 1 || fields[0][0] != FILTER_LZMA1 {
                return Err(ts.value_error(
                    "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter",
                ));
            }
            lzma_options(&fields[0]).and_then(|o| Stream::new_lzma_encoder(&o))
        }
        (_, Some((chain, _))) => Stream::new_raw_encoder(&chain),
        (_, None) => return Err(ts.value_error("Must specify filters for FORMAT_RAW")),
    };
    stream.map(new_handle).map_err(|e| lzma_error(ts, this, e))
}

/// `_decoder(format, memlimit, filters)`: a decompressor's stream.
fn decoder(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_decoder", args, 3, 3)?;
    let format = int_arg(ts, &a[0])?;
    let memlimit = match &a[1] {
        Value::None => u64::MAX,
        v => int_arg(ts, v)?.max(0) as u64,
    };
    let stream = match format {
        FORMAT_AUTO => Stream::new_auto_decoder(memlimit, TELL_ANY_CHECK),
        FORMAT_XZ => Stream::new_stream_decoder(memlimit, TELL_ANY_CHECK),
        FORMAT_ALONE => Stream::new_lzma_decoder(memlimit),
        _ => {
            let (chain, _) = chain_of(ts, &a[2])?;
            Stream::new_raw_decoder(&chain)
        }
    };
    stream.map(new_handle).map_err(|e| lzma_error(ts, this, e))
}

/// What one run of a stream did.
struct Run {
    output: Vec<u8>,
    consumed: usize,
    ended: bool,
}

/// Runs `stream` over `input` with `action` until the input is used up (or, finishing, the
/// stream ends), producing at most `limit` bytes.
fn run(
    stream: &mut Stream,
    input: &[u8],
    action: Action,
    limit: usize,
) -> Result<Run, LzmaFailure> {
    const CHUNK: usize = 32 * 1024;
    let start = stream.total_in();
    let mut output: Vec<u8> = Vec::new();
    // A buffer of the room left, so that no more than `limit` bytes come out.
    let mut buf = vec![0u8; CHUNK];
    loop {
        let consumed = (stream.total_in() - start) as usize;
        let room = limit.saturating_sub(output.len()).min(CHUNK);
        if room == 0 {
            return Ok(Run {
                output,
                consumed,
                ended: false,
            });
        }
        let before_out = stream.total_out();
        let status = stream.process(&input[consumed..], &mut buf[..room], action)?;
        let produced = (stream.total_out() - before_out) as usize;
        output.extend_from_slice(&buf[..produced]);
        let now_consumed = (stream.total_in() - start) as usize;
        let ended = status == Status::StreamEnd;
        // Telling the check (TELL_ANY_CHECK) is a pause, not a stall.
        let stalled = produced == 0 && now_consumed == consumed && status != Status::GetCheck;
        let input_done = now_consumed == input.len() && produced < room;
        if ended || stalled || (input_done && matches!(action, Action::Run)) {
            return Ok(Run {
                output,
                consumed: now_consumed,
                ended,
            });
        }
    }
}

/// `_process(coder, data, finish, max_length)`: `(output, input consumed, stream ended)`;
/// `finish` ends a compressor's stream (its coder is done after it).
fn process(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_process", args, 4, 4)?;
    let data = bytes_arg(ts, &a[1])?;
    let finish = crate::protocol::ops::truthy(ts, &a[2])?;
    let limit = usize::try_from(int_arg(ts, &a[3])?).unwrap_or(usize::MAX);
    let Some(coder) = a[0].obj().and_then(|o| o.handle::<Coder>()) else {
        return Err(ts.type_error("_process() needs an lzma coder"));
    };
    let mut slot = coder.0.borrow_mut();
    let Some(stream) = slot.as_mut() else {
        return Err(ts.value_error("Compressor has been flushed"));
    };
    let action = if finish { Action::Finish } else { Action::Run };
    let done = run(stream, &data, action, limit).map_err(|e| lzma_error(ts, this, e))?;
    if finish {
        *slot = None;
    }
    Ok(Value::new_tuple(vec![
        new_bytes(done.output),
        Value::Int(done.consumed as i64),
        Value::Bool(done.ended),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_lzma2() -> Filters {
        let mut chain = Filters::new();
        let mut f = vec![-1; 12];
        f[0] = FILTER_LZMA2;
        f[1] = 6;
        add_filter(&mut chain, &f).expect("lzma2 filter");
        chain
    }

    #[test]
    fn raw_lzma2_round_trips_and_honours_the_output_limit() {
        let data = b"gilvm ".repeat(1000);
        let mut enc = Stream::new_raw_encoder(&raw_lzma2()).expect("encoder");
        let mut packed = run(&mut enc, &data, Action::Run, usize::MAX)
            .expect("run")
            .output;
        let end = run(&mut enc, &[], Action::Finish, usize::MAX).expect("finish");
        assert!(end.ended);
        packed.extend(end.output);
        let mut dec = Stream::new_raw_decoder(&raw_lzma2()).expect("decoder");
        let first = run(&mut dec, &packed, Action::Run, 100).expect("first");
        assert_eq!(first.output, data[..100]);
        let rest = run(&mut dec, &packed[first.consumed..], Action::Run, usize::MAX);
        assert_eq!(rest.expect("rest").output, data[100..]);
    }

    #[test]
    fn corrupt_input_is_an_error_not_a_panic() {
        let mut dec = Stream::new_auto_decoder(u64::MAX, TELL_ANY_CHECK).expect("decoder");
        let junk = b"\xfd7zXZ\x00\x00\x01garbage-garbage-garbage";
        assert!(run(&mut dec, junk, Action::Run, usize::MAX).is_err());
    }
}
