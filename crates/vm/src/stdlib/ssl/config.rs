//! An `SSLContext`'s settings as rustls configurations: certificates from PEM, the root
//! store (the files loaded, plus webpki-roots for `load_default_certs`), and the server
//! certificate check `verify_mode`/`check_hostname` ask for.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, Error, RootCertStore, ServerConfig,
    SignatureScheme, SupportedProtocolVersion,
};

pub const CERT_NONE: i64 = 0;
pub const CERT_OPTIONAL: i64 = 1;

/// What `ssl.py`'s `SSLContext` hands over when a socket or BIO is wrapped.
pub struct Settings {
    pub verify_mode: i64,
    pub check_hostname: bool,
    /// CA certificates, each PEM text (any number of certificates) or one DER certificate.
    pub ca_data: Vec<Vec<u8>>,
    pub default_roots: bool,
    /// `load_cert_chain`'s certificate file and key file contents (PEM).
    pub chain: Option<(Vec<u8>, Vec<u8>)>,
    pub alpn: Vec<Vec<u8>>,
    /// `TLSVersion` values; negative for "no limit".
    pub min_version: i64,
    pub max_version: i64,
}

pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The certificates of PEM text, or `data` as one DER certificate if it is not PEM.
pub fn certificates(data: &[u8]) -> Result<Vec<CertificateDer<'static>>, String> {
    if !data.windows(11).any(|w| w == b"-----BEGIN ") {
        return Ok(vec![CertificateDer::from(data.to_vec())]);
    }
    CertificateDer::pem_slice_iter(data)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("PEM lib: {e}"))
}

pub fn private_key(data: &[u8]) -> Result<PrivateKeyDer<'static>, String> {
    PrivateKeyDer::from_pem_slice(data).map_err(|e| format!("PEM lib: {e}"))
}

fn roots(settings: &Settings) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    if settings.default_roots {
        store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    for data in &settings.ca_data {
        for cert in certificates(data)? {
            store.add(cert).map_err(|e| e.to_string())?;
        }
    }
    Ok(store)
}

fn versions(settings: &Settings) -> Vec<&'static SupportedProtocolVersion> {
    let allowed = |v: i64| {
        (settings.min_version < 0 || settings.min_version <= v)
            && (settings.max_version < 0 || v <= settings.max_version)
    };
    let mut out = Vec::new();
    if allowed(0x0303) {
        out.push(&rustls::version::TLS12);
    }
    if allowed(0x0304) {
        out.push(&rustls::version::TLS13);
    }
    out
}

fn chain(
    settings: &Settings,
) -> Result<Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>, String> {
    match &settings.chain {
        Some((certs, key)) => Ok(Some((certificates(certs)?, private_key(key)?))),
        None => Ok(None),
    }
}

pub fn client(settings: &Settings) -> Result<ClientConfig, String> {
    let provider = provider();
    let verifier = Arc::new(Verifier {
        chain: (settings.verify_mode != CERT_NONE)
            .then(|| {
                let roots = roots(settings)?;
                if roots.is_empty() {
                    return Ok(None);
                }
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                    .build()
                    .map(Some)
                    .map_err(|e| e.to_string())
            })
            .transpose()?,
        check_hostname: settings.check_hostname,
        provider: provider.clone(),
    });
    let builder = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&versions(settings))
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let mut config = match chain(settings)? {
        Some((certs, key)) => builder
            .with_client_auth_cert(certs, key)
            .map_err(|e| e.to_string())?,
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = settings.alpn.clone();
    Ok(config)
}

pub fn server(settings: &Settings) -> Result<ServerConfig, String> {
    let provider = provider();
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(&versions(settings))
        .map_err(|e| e.to_string())?;
    let builder = if settings.verify_mode == CERT_NONE {
        builder.with_no_client_auth()
    } else {
        let roots = Arc::new(roots(settings)?);
        let mut verifier = WebPkiClientVerifier::builder_with_provider(roots, provider);
        if settings.verify_mode == CERT_OPTIONAL {
            verifier = verifier.allow_unauthenticated();
        }
        builder.with_client_cert_verifier(verifier.build().map_err(|e| e.to_string())?)
    };
    let Some((certs, key)) = chain(settings)? else {
        return Err("a server needs a certificate: call load_cert_chain() first".into());
    };
    let mut config = builder
        .with_single_cert(certs, key)
        .map_err(|e| e.to_string())?;
    config.alpn_protocols = settings.alpn.clone();
    Ok(config)
}

/// The client's check of the server's certificate: the chain against the roots unless
/// `CERT_NONE` (`chain: None` with roots asked for but none loaded fails as OpenSSL does),
/// the name only with `check_hostname`; handshake signatures are always checked.
#[derive(Debug)]
struct Verifier {
    chain: Option<Option<Arc<WebPkiServerVerifier>>>,
    check_hostname: bool,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let verifier = match &self.chain {
            None => return Ok(ServerCertVerified::assertion()),
            Some(None) => return Err(Error::InvalidCertificate(CertificateError::UnknownIssuer)),
            Some(Some(verifier)) => verifier,
        };
        match verifier.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_hostname => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
