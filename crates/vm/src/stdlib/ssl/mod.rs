//! The native core of `ssl` (`_ssl`; `ssl.py` is the Python face), over rustls with ring.
//! A TLS connection is an [`Engine`] that works on bytes in memory, as CPython's `SSLObject`
//! over `MemoryBIO`s does: ciphertext in (`_feed`), ciphertext out (`_take`), plaintext
//! `_read`/`_write`. `ssl.py`'s `SSLSocket` moves the ciphertext through a socket, whose
//! calls release the GIL; nothing here blocks.
//!
//! Failures go through `hooks(kind, reason_or_code, message)`, which returns the exception to
//! raise (kinds: `ssl`, `cert`, `eof`).

mod config;

use std::cell::{Cell, RefCell};
use std::io::{ErrorKind, Read, Write};
use std::sync::Arc;

use rustls::pki_types::ServerName;
use rustls::{AlertDescription, CertificateError, Connection, Error as TlsError};

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::OrMemoryError;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::{NativeHandle, Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_arg, bytes_data, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::protocol::call::call_value;
use crate::protocol::ops::truthy;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_check_chain", check_chain),
    ("_check_ca", check_ca),
    ("_new", new_engine),
    ("_feed", feed),
    ("_take", take),
    ("_handshaking", handshaking),
    ("_read", read),
    ("_write", write),
    ("_shutdown", shutdown),
    ("_info", info),
    ("_pending", pending),
    ("_rand_bytes", rand_bytes),
];

struct Engine {
    conn: RefCell<Connection>,
    /// Ciphertext received but not yet taken in (rustls takes no more while its plaintext
    /// buffer is full).
    pending: RefCell<Vec<u8>>,
    /// The transport ended: no more ciphertext will come.
    eof: Cell<bool>,
}

impl NativeHandle for Engine {
    fn repr(&self) -> String {
        "<TLS engine>".into()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn engine_of<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<&'a Engine> {
    v.obj()
        .and_then(|o| o.handle::<Engine>())
        .ok_or_else(|| ts.type_error("expected a TLS engine"))
}

/// The exception `hooks` makes.
fn hook_error(ts: &mut ThreadState, hooks: &Value, kind: &str, reason: Value, msg: &str) -> ObjRef {
    let args = [Value::new_str(kind), reason, Value::new_str(msg)];
    match call_value(ts, hooks, &args, &[]) {
        Ok(Value::Obj(exc)) => exc,
        Ok(_) => ts.type_error("ssl hooks returned no exception"),
        Err(e) => e,
    }
}

fn ssl_error(ts: &mut ThreadState, hooks: &Value, reason: &str, msg: &str) -> ObjRef {
    hook_error(ts, hooks, "ssl", Value::new_str(reason), msg)
}

/// A rustls failure as OpenSSL would name it: certificate checks as `cert` with OpenSSL's
/// verify code and message, alerts by their OpenSSL reason.
fn tls_error(ts: &mut ThreadState, hooks: &Value, e: &TlsError) -> ObjRef {
    match e {
        TlsError::InvalidCertificate(c) => {
            let (code, msg) = verify_failure(c);
            hook_error(ts, hooks, "cert", Value::Int(code), &msg)
        }
        TlsError::NoCertificatesPresented => ssl_error(
            ts,
            hooks,
            "PEER_DID_NOT_RETURN_A_CERTIFICATE",
            "peer did not return a certificate",
        ),
        TlsError::AlertReceived(alert) => {
            let (reason, msg) = alert_reason(*alert);
            ssl_error(ts, hooks, &reason, &msg)
        }
        other => ssl_error(ts, hooks, "", &other.to_string()),
    }
}

fn verify_failure(e: &CertificateError) -> (i64, String) {
    use CertificateError as C;
    match e {
        C::UnknownIssuer => (20, "unable to get local issuer certificate".into()),
        C::Expired | C::ExpiredContext { .. } => (10, "certificate has expired".into()),
        C::NotValidYet | C::NotValidYetContext { .. } => (9, "certificate is not yet valid".into()),
        C::NotValidForName | C::NotValidForNameContext { .. } => {
            (62, "Hostname mismatch, certificate is not valid".into())
        }
        C::BadSignature => (7, "certificate signature failure".into()),
        C::Revoked => (23, "certificate revoked".into()),
        other => (1, format!("{other:?}")),
    }
}

/// OpenSSL's reason for a received alert: `SSLV3_ALERT_BAD_CERTIFICATE`, `sslv3 alert bad
/// certificate` (TLS 1.0 alerts are `TLSV1_`, TLS 1.3's `TLSV13_`).
fn alert_reason(alert: AlertDescription) -> (String, String) {
    use AlertDescription as A;
    let prefix = match alert {
        A::CloseNotify
        | A::UnexpectedMessage
        | A::BadRecordMac
        | A::DecompressionFailure
        | A::HandshakeFailure
        | A::NoCertificate
        | A::BadCertificate
        | A::UnsupportedCertificate
        | A::CertificateRevoked
        | A::CertificateExpired
        | A::CertificateUnknown
        | A::IllegalParameter => "sslv3",
        A::CertificateRequired => "tlsv13",
        _ => "tlsv1",
    };
    let name = snake(&format!("{alert:?}"));
    let msg = format!("{prefix} alert {}", name.replace('_', " "));
    (
        format!("{}_ALERT_{}", prefix.to_uppercase(), name.to_uppercase()),
        msg,
    )
}

/// `BadCertificate` → `bad_certificate`; `UnknownCA` → `unknown_ca`.
fn snake(camel: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = camel.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        let prev_lower = i > 0 && chars[i - 1].is_lowercase();
        if c.is_uppercase() && i > 0 && (prev_lower || next_lower) {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `_check_chain(certdata, keydata, hooks)`: `load_cert_chain`'s check of its files.
fn check_chain(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_check_chain", args, 3, 3)?;
    let certs = bytes_arg(ts, &a[0])?;
    let key = bytes_arg(ts, &a[1])?;
    let checked = config::certificates(&certs)
        .and_then(|c| {
            if c.is_empty() {
                Err("PEM lib".into())
            } else {
                Ok(())
            }
        })
        .and_then(|()| config::private_key(&key).map(drop));
    checked.map_err(|msg| ssl_error(ts, &a[2], "PEM_LIB", &msg))?;
    Ok(Value::None)
}

/// `_check_ca(data, hooks)` → how many certificates `data` (PEM or DER) holds.
fn check_ca(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_check_ca", args, 2, 2)?;
    let data = bytes_arg(ts, &a[0])?;
    match config::certificates(&data) {
        Ok(certs) if !certs.is_empty() => Ok(Value::Int(certs.len() as i64)),
        Ok(_) => Err(ssl_error(
            ts,
            &a[1],
            "NO_CERTIFICATE_OR_CRL_FOUND",
            "no certificate or crl found",
        )),
        Err(msg) => Err(ssl_error(ts, &a[1], "PEM_LIB", &msg)),
    }
}

fn bytes_list(ts: &ThreadState, v: &Value) -> PyResult<Vec<Vec<u8>>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::List(items)) => items.borrow().iter().map(|b| bytes_arg(ts, b)).collect(),
        _ => Err(ts.type_error("expected a list of bytes")),
    }
}

/// The settings tuple `ssl.py` builds: `(verify_mode, check_hostname, ca_data, default_roots,
/// chain, alpn, min_version, max_version)`, `chain` `None` or `(certdata, keydata)`.
fn settings(ts: &mut ThreadState, v: &Value) -> PyResult<config::Settings> {
    let items = match v.obj().map(|o| &**o) {
        Some(Obj::Tuple(items)) if items.len() == 8 => items.to_vec(),
        _ => return Err(ts.type_error("_new: bad settings")),
    };
    let chain = match items[4].obj().map(|o| &**o) {
        None => None,
        Some(Obj::Tuple(pair)) if pair.len() == 2 => {
            Some((bytes_arg(ts, &pair[0])?, bytes_arg(ts, &pair[1])?))
        }
        _ => return Err(ts.type_error("_new: bad chain")),
    };
    Ok(config::Settings {
        verify_mode: int_arg(ts, &items[0])?,
        check_hostname: truthy(ts, &items[1])?,
        ca_data: bytes_list(ts, &items[2])?,
        default_roots: truthy(ts, &items[3])?,
        chain,
        alpn: bytes_list(ts, &items[5])?,
        min_version: int_arg(ts, &items[6])?,
        max_version: int_arg(ts, &items[7])?,
    })
}

/// `_new(server_side, server_hostname, settings, hooks)` → a TLS engine.
fn new_engine(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_new", args, 4, 4)?;
    let server_side = truthy(ts, &a[0])?;
    let settings = settings(ts, &a[2])?;
    let hooks = &a[3];
    let conn = if server_side {
        let config = config::server(&settings).map_err(|m| ssl_error(ts, hooks, "", &m))?;
        rustls::ServerConnection::new(Arc::new(config)).map(Connection::Server)
    } else {
        let mut config = config::client(&settings).map_err(|m| ssl_error(ts, hooks, "", &m))?;
        let name = match &a[1] {
            Value::None => {
                // No name to send or check (check_hostname is off): no SNI, as OpenSSL.
                config.enable_sni = false;
                ServerName::try_from("localhost").map(|n| n.to_owned())
            }
            v => match v.as_str() {
                Some(s) => ServerName::try_from(s.as_str().to_owned()),
                None => return Err(ts.type_error("server_hostname must be a str")),
            },
        };
        let name = name.map_err(|e| ts.value_error(format!("invalid server_hostname: {e}")))?;
        rustls::ClientConnection::new(Arc::new(config), name).map(Connection::Client)
    };
    let conn = conn.map_err(|e| tls_error(ts, hooks, &e))?;
    Ok(Value::Obj(ObjRef::new(Obj::Handle(Box::new(Engine {
        conn: RefCell::new(conn),
        pending: RefCell::new(Vec::new()),
        eof: Cell::new(false),
    })))))
}

impl Engine {
    /// Takes in as much pending ciphertext as rustls accepts now.
    fn pump(&self) -> Result<(), TlsError> {
        let mut pending = self.pending.borrow_mut();
        let mut conn = self.conn.borrow_mut();
        let mut consumed = 0;
        while consumed < pending.len() {
            let mut rest = &pending[consumed..];
            match conn.read_tls(&mut rest) {
                Ok(0) | Err(_) => break,
                Ok(n) => consumed += n,
            }
            conn.process_new_packets()?;
        }
        pending.drain(..consumed);
        Ok(())
    }
}

/// `_feed(engine, data, hooks)`: ciphertext from the peer; `b""` means the transport ended.
fn feed(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_feed", args, 3, 3)?;
    let engine = engine_of(ts, &a[0])?;
    let data = bytes_data(&a[1]).ok_or_else(|| ts.type_error("_feed: data must be bytes"))?;
    if data.is_empty() {
        engine.eof.set(true);
    }
    engine.pending.borrow_mut().extend_from_slice(&data);
    engine.pump().map_err(|e| tls_error(ts, &a[2], &e))?;
    Ok(Value::None)
}

/// `_take(engine)` → the ciphertext waiting to go to the peer.
fn take(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_take", args, 1, 1)?;
    let mut conn = engine_of(ts, &a[0])?.conn.borrow_mut();
    let mut out = Vec::new();
    while conn.wants_write() {
        if conn.write_tls(&mut out).is_err() {
            break;
        }
    }
    Ok(new_bytes(out))
}

/// `_handshaking(engine)` → whether the handshake is still going on.
fn handshaking(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_handshaking", args, 1, 1)?;
    Ok(Value::Bool(
        engine_of(ts, &a[0])?.conn.borrow().is_handshaking(),
    ))
}

/// `_read(engine, n, hooks)` → up to `n` bytes of plaintext; `b""` after the peer's
/// close_notify; `None` while more ciphertext is needed.
fn read(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_read", args, 3, 3)?;
    let engine = engine_of(ts, &a[0])?;
    let n = int_arg(ts, &a[1])?.clamp(0, 1 << 20) as usize;
    engine.pump().map_err(|e| tls_error(ts, &a[2], &e))?;
    let mut buf = vec![0; n];
    let result = engine.conn.borrow_mut().reader().read(&mut buf);
    match result {
        Ok(k) => {
            buf.truncate(k);
            Ok(new_bytes(buf))
        }
        Err(e) if e.kind() == ErrorKind::WouldBlock && !engine.eof.get() => Ok(Value::None),
        Err(_) => Err(hook_error(
            ts,
            &a[2],
            "eof",
            Value::new_str("UNEXPECTED_EOF_WHILE_READING"),
            "EOF occurred in violation of protocol",
        )),
    }
}

/// `_pending(engine)` → how many decrypted bytes wait to be read (a failure shows at the
/// next read).
fn pending(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_pending", args, 1, 1)?;
    let state = engine_of(ts, &a[0])?
        .conn
        .borrow_mut()
        .process_new_packets();
    Ok(Value::Int(
        state.map_or(0, |s| s.plaintext_bytes_to_read() as i64),
    ))
}

/// `_write(engine, data)` → how many bytes of plaintext were taken.
fn write(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_write", args, 2, 2)?;
    let data = bytes_arg(ts, &a[1])?;
    let engine = engine_of(ts, &a[0])?;
    let written = engine.conn.borrow_mut().writer().write_all(&data);
    written.map_err(|e| ts.value_error(e.to_string()))?;
    Ok(Value::Int(data.len() as i64))
}

/// `_shutdown(engine)`: queues the close_notify alert.
fn shutdown(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_shutdown", args, 1, 1)?;
    engine_of(ts, &a[0])?.conn.borrow_mut().send_close_notify();
    Ok(Value::None)
}

/// `_info(engine)` → `(version, (cipher, protocol, bits), alpn, peer_certs_der)`; `None`s
/// before the handshake.
fn info(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_info", args, 1, 1)?;
    let conn = engine_of(ts, &a[0])?.conn.borrow();
    let version = conn.protocol_version().map(|v| match v {
        rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_owned(),
        rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_owned(),
        other => format!("{other:?}"),
    });
    let cipher = conn.negotiated_cipher_suite().map(|s| {
        let (name, bits) = openssl_cipher(&format!("{:?}", s.suite()));
        let proto = version.clone().unwrap_or_default();
        Value::new_tuple(vec![
            Value::new_str(name),
            Value::new_str(proto),
            Value::Int(bits),
        ])
    });
    let alpn = conn.alpn_protocol().map(|p| new_bytes(p.to_vec()));
    let certs = conn
        .peer_certificates()
        .map(|c| c.iter().map(|d| new_bytes(d.to_vec())).collect())
        .unwrap_or_default();
    Ok(Value::new_tuple(vec![
        version.map_or(Value::None, Value::new_str),
        cipher.unwrap_or(Value::None),
        alpn.unwrap_or(Value::None),
        Value::new_list(certs),
    ]))
}

/// `_rand_bytes(n)`: `n` bytes from the crypto provider's system random source.
fn rand_bytes(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_rand_bytes", args, 1, 1)?;
    let n =
        usize::try_from(int_arg(ts, &a[0])?).map_err(|_| ts.value_error("num must be positive"))?;
    crate::object::alloc::check_items::<u8>(n).or_memory_error(ts)?;
    let mut buf = vec![0; n];
    config::provider()
        .secure_random
        .fill(&mut buf)
        .map_err(|_| {
            ts.new_exc(
                crate::object::error::ExcKind::OSError,
                "no system randomness",
            )
        })?;
    Ok(new_bytes(buf))
}

/// OpenSSL's name of a cipher suite and its secret bits: `TLS13_AES_128_GCM_SHA256` →
/// `TLS_AES_128_GCM_SHA256`; `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384` →
/// `ECDHE-RSA-AES256-GCM-SHA384`.
fn openssl_cipher(rustls_name: &str) -> (String, i64) {
    let bits = if rustls_name.contains("AES_128") {
        128
    } else {
        256
    };
    if let Some(rest) = rustls_name.strip_prefix("TLS13_") {
        return (format!("TLS_{rest}"), bits);
    }
    let body = rustls_name.trim_start_matches("TLS_");
    let (kx, cipher) = body.split_once("_WITH_").unwrap_or(("", body));
    let cipher = cipher
        .replace("AES_128", "AES128")
        .replace("AES_256", "AES256")
        .replace("_POLY1305_SHA256", "_POLY1305");
    let name = format!("{kx}-{cipher}")
        .trim_start_matches('-')
        .replace('_', "-");
    (name, bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openssl_cipher_names() {
        assert_eq!(
            openssl_cipher("TLS13_AES_256_GCM_SHA384"),
            ("TLS_AES_256_GCM_SHA384".into(), 256)
        );
        assert_eq!(
            openssl_cipher("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            ("ECDHE-ECDSA-AES128-GCM-SHA256".into(), 128)
        );
        assert_eq!(
            openssl_cipher("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            ("ECDHE-RSA-CHACHA20-POLY1305".into(), 256)
        );
    }

    #[test]
    fn alert_reasons() {
        assert_eq!(
            alert_reason(AlertDescription::BadCertificate),
            (
                "SSLV3_ALERT_BAD_CERTIFICATE".into(),
                "sslv3 alert bad certificate".into()
            )
        );
        assert_eq!(
            alert_reason(AlertDescription::UnknownCA),
            (
                "TLSV1_ALERT_UNKNOWN_CA".into(),
                "tlsv1 alert unknown ca".into()
            )
        );
    }
}
