//! The `idna` codec of `str.encode` / `bytes.decode`: IDNA 2003 (RFC 3490) as CPython's
//! `encodings.idna` does it, label by label: ASCII labels as they are, others through
//! nameprep (the `stringprep` crate) and punycode (the `idna` crate's) behind `xn--`. Only the
//! `strict` error handler, as in CPython. Unlike CPython's nameprep, the crate's refuses
//! code points unassigned in Unicode 3.2.

use crate::interp::thread_state::ThreadState;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::ObjRef;

const ACE_PREFIX: &str = "xn--";

/// Whether `encoding` names this codec.
pub fn is_idna(encoding: &str) -> bool {
    encoding.eq_ignore_ascii_case("idna")
}

/// Why a label could not be converted: the codec's own UnicodeError (which CPython reports
/// as `encoding with 'idna' codec failed (UnicodeError: ...)`), or an exception raised on the
/// way (an ASCII codec's UnicodeDecodeError), reported as it is.
enum Failure {
    Idna(String),
    Raised(ObjRef),
}

impl From<ObjRef> for Failure {
    fn from(exc: ObjRef) -> Failure {
        Failure::Raised(exc)
    }
}

type Converted<T> = Result<T, Failure>;

fn fail<T>(message: impl Into<String>) -> Converted<T> {
    Err(Failure::Idna(message.into()))
}

fn raise(ts: &ThreadState, direction: &str, failure: Failure) -> ObjRef {
    match failure {
        Failure::Raised(exc) => exc,
        Failure::Idna(message) => ts.new_exc(
            ExcKind::UnicodeError,
            format!("{direction} with 'idna' codec failed (UnicodeError: {message})"),
        ),
    }
}

const LABEL_ERROR: &str = "label empty or too long";

/// A label that is ready: its length checked.
fn checked(label: String) -> Converted<String> {
    if (1..64).contains(&label.len()) {
        Ok(label)
    } else {
        fail(LABEL_ERROR)
    }
}

/// Why nameprep refused `label`, in CPython's words.
fn nameprep_error(label: &str, error: stringprep::Error) -> Failure {
    let text = error.to_string();
    let bad = text
        .strip_prefix("prohibited character `")
        .and_then(|rest| rest.chars().next());
    if let Some(c) = bad {
        let repr = crate::text::repr::str_repr(&c.to_string());
        return Failure::Idna(format!("Invalid character {repr}"));
    }
    let rand_al = |c: Option<char>| {
        c.is_some_and(|c| {
            use unicode_bidi::BidiClass::{AL, R};
            matches!(unicode_bidi::bidi_class(c), R | AL)
        })
    };
    let requirement = if rand_al(label.chars().next()) && rand_al(label.chars().last()) {
        2
    } else {
        3
    };
    Failure::Idna(format!("Violation of BIDI requirement {requirement}"))
}

/// CPython's `ToASCII` of one label.
fn to_ascii(label: &str) -> Converted<String> {
    if label.is_ascii() {
        return checked(label.to_string());
    }
    let prepared = stringprep::nameprep(label).map_err(|e| nameprep_error(label, e))?;
    if prepared.is_ascii() {
        return checked(prepared.into_owned());
    }
    if prepared.starts_with(ACE_PREFIX) {
        return fail("Label starts with ACE prefix");
    }
    match idna::punycode::encode_str(&prepared) {
        Some(encoded) => checked(format!("{ACE_PREFIX}{encoded}")),
        None => fail("label too long for punycode"),
    }
}

/// CPython's `ToUnicode` of one label of bytes.
fn to_unicode(ts: &ThreadState, label: &[u8]) -> Converted<String> {
    // Strict ascii decoding never yields a lone surrogate: the text is exact.
    let ascii = |bytes: &[u8]| -> crate::object::error::PyResult<String> {
        Ok(crate::text::codecs::decode(ts, bytes, "ascii", "strict")?
            .as_str()
            .to_owned())
    };
    let Some(encoded) = label.strip_prefix(ACE_PREFIX.as_bytes()) else {
        return Ok(ascii(label)?);
    };
    let Some(decoded) = idna::punycode::decode_to_string(&ascii(encoded)?) else {
        return fail("Invalid punycode in IDN label");
    };
    if to_ascii(&decoded)? != ascii(label)?.to_ascii_lowercase() {
        return fail("IDNA does not round-trip");
    }
    Ok(decoded)
}

fn check_errors(errors: &str, word: &str) -> Converted<()> {
    if errors == "strict" {
        return Ok(());
    }
    fail(format!("{word} error handling {errors}"))
}

/// `s.encode("idna", errors)`.
pub fn encode(ts: &ThreadState, s: &str, errors: &str) -> PyResult<Vec<u8>> {
    encode_labels(s, errors).map_err(|f| raise(ts, "encoding", f))
}

/// `data.decode("idna", errors)`.
pub fn decode(ts: &ThreadState, data: &[u8], errors: &str) -> PyResult<String> {
    decode_labels(ts, data, errors).map_err(|f| raise(ts, "decoding", f))
}

fn encode_labels(s: &str, errors: &str) -> Converted<Vec<u8>> {
    check_errors(errors, "unsupported")?;
    if s.is_ascii() {
        let labels: Vec<&str> = s.split('.').collect();
        let (last, rest) = labels.split_last().unwrap_or((&"", &[]));
        if rest.iter().any(|l| !(1..64).contains(&l.len())) {
            return fail(LABEL_ERROR);
        }
        if last.len() >= 64 {
            return fail("label too long");
        }
        return Ok(s.as_bytes().to_vec());
    }
    let mut labels: Vec<&str> = s.split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}']).collect();
    let trailing_dot = labels.last() == Some(&"");
    if trailing_dot {
        labels.pop();
    }
    let mut out = labels
        .iter()
        .map(|label| to_ascii(label))
        .collect::<Converted<Vec<String>>>()?
        .join(".");
    if trailing_dot {
        out.push('.');
    }
    Ok(out.into_bytes())
}

fn decode_labels(ts: &ThreadState, data: &[u8], errors: &str) -> Converted<String> {
    check_errors(errors, "Unsupported")?;
    let has_prefix = data
        .windows(ACE_PREFIX.len())
        .any(|w| w == ACE_PREFIX.as_bytes());
    if !has_prefix && data.is_ascii() {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    let mut labels: Vec<&[u8]> = data.split(|&b| b == b'.').collect();
    let trailing_dot = labels.last().is_some_and(|l| l.is_empty());
    if trailing_dot {
        labels.pop();
    }
    let mut out = labels
        .iter()
        .map(|label| to_unicode(ts, label))
        .collect::<Converted<Vec<String>>>()?
        .join(".");
    if trailing_dot {
        out.push('.');
    }
    Ok(out)
}
