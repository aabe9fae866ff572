//! Fetching an article over HTTP: a size cap, a time limit, conditional
//! GET for feeds, and, for servers that fetch on behalf of others, a guard
//! that refuses private networks (SSRF).
//!
//! The guard ([`Network::PublicOnly`]) checks the addresses a name
//! resolves to, and the connection is made to exactly those addresses, so
//! a name cannot resolve to a public address for the check and a private
//! one for the connection. It applies to every redirect too (each hop is
//! resolved through it), and no proxy from the environment stands between
//! it and the target. What it refuses is [`refusal`].

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;
use std::time::Duration;

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::ResponseExt;

/// Bytes of one response and what the transport said about them.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    /// The validators the response gave, for a conditional GET later.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The URL the body came from, after redirects.
    pub final_url: String,
}

/// Validators from an earlier response, for a conditional GET.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Which addresses a fetch may connect to.
#[derive(Clone, Default)]
pub enum Network {
    /// Any address (the CLI: its user may read their intranet).
    #[default]
    Any,
    /// Public addresses only: loopback, private, link-local, shared,
    /// cloud-metadata and other special-purpose addresses are refused
    /// (a server fetching URLs that others give it).
    PublicOnly,
    /// Addresses for which the function gives no reason to refuse (tests
    /// of the guard over loopback).
    Custom(Arc<dyn Fn(IpAddr) -> Option<&'static str> + Send + Sync>),
}

impl fmt::Debug for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Network::Any => "Any",
            Network::PublicOnly => "PublicOnly",
            Network::Custom(_) => "Custom",
        })
    }
}

impl Network {
    fn refuses(&self, ip: IpAddr) -> Option<&'static str> {
        match self {
            Network::Any => None,
            Network::PublicOnly => refusal(ip),
            Network::Custom(f) => f(ip),
        }
    }
}

/// How a fetch is bounded.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest body read, in bytes (after decompression).
    pub max_bytes: usize,
    /// The whole request, redirects included.
    pub timeout: Duration,
    /// Redirects followed.
    pub redirects: u32,
    pub network: Network,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 16 << 20,
            timeout: Duration::from_secs(30),
            redirects: 5,
            network: Network::Any,
        }
    }
}

/// Why a fetch failed, in words that name the problem.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) URL: {0}")]
    NotHttp(String),
    #[error("refused: {host} resolves to {ip}, a {why} address (a server started with --allow-private may fetch it)")]
    Refused { host: String, ip: IpAddr, why: &'static str },
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("input too large: over {0} bytes")]
    TooLarge(usize),
    #[error("too many redirects (over {0})")]
    Redirects(u32),
    #[error("cannot resolve the host name")]
    HostNotFound,
    #[error("cannot fetch: {0}")]
    Other(String),
}

/// The guard's refusal, carried through ureq's error.
#[derive(Debug)]
struct Refusal {
    host: String,
    ip: IpAddr,
    why: &'static str,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} resolves to {}, a {} address", self.host, self.ip, self.why)
    }
}

impl std::error::Error for Refusal {}

/// Resolves as ureq does, then refuses the name if any of its addresses
/// is one the network policy refuses (a name with one private address
/// among public ones could be made to connect to it).
#[derive(Debug)]
struct Guarded {
    network: Network,
}

impl Resolver for Guarded {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = DefaultResolver::default().resolve(uri, config, timeout)?;
        for addr in addrs.iter() {
            if let Some(why) = self.network.refuses(addr.ip()) {
                let host = uri.host().unwrap_or("").to_string();
                return Err(ureq::Error::Other(Box::new(Refusal { host, ip: addr.ip(), why })));
            }
        }
        Ok(addrs)
    }
}

/// GETs `url`; with `validators`, conditionally: `None` when the server
/// answers 304 Not Modified.
pub fn fetch_url(
    url: &str,
    limits: &Limits,
    validators: Option<&Validators>,
) -> Result<Option<Fetched>, FetchError> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(FetchError::NotHttp(url.to_string()));
    }
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .user_agent(concat!("claimtrace/", env!("CARGO_PKG_VERSION"), " (+news claim analysis)"))
        .http_status_as_error(false)
        .max_redirects(limits.redirects)
        .max_redirects_will_error(true);
    if !matches!(limits.network, Network::Any) {
        // A proxy would connect on our behalf to addresses we never see.
        config = config.proxy(None);
    }
    let agent = ureq::Agent::with_parts(
        config.build(),
        DefaultConnector::default(),
        Guarded { network: limits.network.clone() },
    );
    let mut request = agent.get(url);
    if let Some(v) = validators {
        if let Some(etag) = &v.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &v.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request.call().map_err(|e| error(e, limits))?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(None);
    }
    if status >= 400 {
        return Err(FetchError::Status(status));
    }
    if (300..400).contains(&status) {
        return Err(FetchError::Other(format!("a redirect ({status}) without a usable Location")));
    }
    let header =
        |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type");
    let (etag, last_modified) = (header("etag"), header("last-modified"));
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes as u64)
        .read_to_vec()
        .map_err(|e| error(e, limits))?;
    Ok(Some(Fetched { bytes, content_type, etag, last_modified, final_url }))
}

fn error(err: ureq::Error, limits: &Limits) -> FetchError {
    match err {
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::Timeout(_) => FetchError::Timeout(limits.timeout.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(limits.max_bytes),
        ureq::Error::TooManyRedirects => FetchError::Redirects(limits.redirects),
        ureq::Error::HostNotFound => FetchError::HostNotFound,
        ureq::Error::Other(inner) => match inner.downcast::<Refusal>() {
            Ok(r) => FetchError::Refused { host: r.host, ip: r.ip, why: r.why },
            Err(other) => FetchError::Other(other.to_string()),
        },
        other => FetchError::Other(other.to_string()),
    }
}

/// Why a server fetching for others must not connect to `ip`, or `None`
/// for a public unicast address. Covers the special-purpose registries of
/// IANA (RFC 6890 and later) that matter for a request: this host,
/// loopback, private, shared (carrier-grade NAT), link-local (where cloud
/// metadata services live), benchmarking, reserved, multicast, broadcast;
/// IPv6 loopback, unique-local, link-local, site-local, multicast, and v4
/// addresses carried in v6 (mapped, compatible, NAT64, 6to4, Teredo),
/// which are judged by the v4 address inside.
pub fn refusal(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => refusal_v4(v4),
        IpAddr::V6(v6) => refusal_v6(v6),
    }
}

fn refusal_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => "this-network",
        (10, _, _) | (172, 16..=31, _) | (192, 168, _) => "private",
        (100, 64..=127, _) => "shared (carrier-grade NAT)",
        (127, _, _) => "loopback",
        (169, 254, _) => "link-local (cloud metadata)",
        (192, 0, 0) => "IETF protocol",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (192, 88, 99) => "6to4 relay",
        (198, 18..=19, _) => "benchmarking",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved",
        _ => return None,
    })
}

fn refusal_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return refusal_v4(v4);
    }
    let s = ip.segments();
    // ::/96 (v4-compatible, deprecated, and ::, ::1).
    if s[..6] == [0; 6] {
        return match ip {
            Ipv6Addr::UNSPECIFIED => Some("unspecified"),
            Ipv6Addr::LOCALHOST => Some("loopback"),
            _ => refusal_v4(v4_in(s[6], s[7])).or(Some("v4-compatible")),
        };
    }
    let embedded = |hi: u16, lo: u16| refusal_v4(v4_in(hi, lo));
    Some(match s[0] {
        // NAT64: the v4 address is the last 32 bits.
        0x64 if s[1] == 0xff9b => return embedded(s[6], s[7]),
        // 6to4: the v4 address follows the prefix.
        0x2002 => return embedded(s[1], s[2]).or(None),
        // Teredo: the client's v4 address, inverted, in the last 32 bits.
        0x2001 if s[1] == 0 => return embedded(!s[6], !s[7]),
        0x2001 if s[1] == 0x0db8 => "documentation",
        0x0100 if s[1..4] == [0; 3] => "discard-only",
        0xfc00..=0xfdff => "unique-local",
        0xfe80..=0xfebf => "link-local",
        0xfec0..=0xfeff => "site-local",
        0xff00..=0xffff => "multicast",
        _ => return None,
    })
}

fn v4_in(hi: u16, lo: u16) -> Ipv4Addr {
    let [a, b] = hi.to_be_bytes();
    let [c, d] = lo.to_be_bytes();
    Ipv4Addr::new(a, b, c, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn private_and_special_addresses_are_refused() {
        for s in [
            "127.0.0.1",
            "127.255.0.9",
            "0.0.0.0",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.100.100.200",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "fd00:ec2::254",
            "fc00::1",
            "fe80::1",
            "ff02::1",
        ] {
            assert!(refusal(ip(s)).is_some(), "{s} should be refused");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for s in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "172.32.0.1",
            "172.15.255.255",
            "100.128.0.1",
            "169.253.1.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::",
        ] {
            assert_eq!(refusal(ip(s)), None, "{s} should pass");
        }
    }

    proptest::proptest! {
        /// A v4 address is judged the same whether it comes as v4, as a
        /// v4-mapped v6 address or through NAT64.
        #[test]
        fn v4_inside_v6_is_judged_as_v4(n: u32) {
            let v4 = Ipv4Addr::from(n);
            let mapped = IpAddr::V6(v4.to_ipv6_mapped());
            let [a, b, c, d] = v4.octets();
            let nat64 = IpAddr::V6(Ipv6Addr::new(
                0x64, 0xff9b, 0, 0, 0, 0,
                u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d]),
            ));
            let v4r = refusal(IpAddr::V4(v4));
            proptest::prop_assert_eq!(refusal(mapped), v4r);
            proptest::prop_assert_eq!(refusal(nat64), v4r);
        }
    }

    /// A one-shot HTTP server on loopback answering each connection with
    /// `reply(port)`; returns its port.
    fn serve(reply: impl Fn(u16) -> String + Send + 'static) -> u16 {
        serve_on("127.0.0.1", reply)
    }

    fn serve_on(host: &str, reply: impl Fn(u16) -> String + Send + 'static) -> u16 {
        let listener = TcpListener::bind((host, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                let _ = stream.write_all(reply(port).as_bytes());
            }
        });
        port
    }

    fn ok(body: &str) -> String {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    }

    #[test]
    fn the_guard_refuses_loopback_and_names_the_address() {
        let port = serve(|_| ok("hello"));
        let url = format!("http://127.0.0.1:{port}/");
        let limits = Limits { network: Network::PublicOnly, ..Limits::default() };
        let err = fetch_url(&url, &limits, None).unwrap_err();
        assert!(matches!(err, FetchError::Refused { why: "loopback", .. }), "{err}");
        assert!(err.to_string().contains("127.0.0.1"), "{err}");
        let err = fetch_url(&format!("http://localhost:{port}/"), &limits, None).unwrap_err();
        assert!(matches!(err, FetchError::Refused { .. }), "{err}");
        // Without the guard the same URL is fetched.
        let got = fetch_url(&url, &Limits::default(), None).unwrap().unwrap();
        assert_eq!(got.bytes, b"hello");
    }

    #[test]
    fn the_guard_applies_to_every_redirect() {
        // 127.0.0.2 is loopback too (all of 127/8 is); the policy lets
        // 127.0.0.1 through and refuses 127.0.0.2, where the redirect goes.
        let target = serve_on("127.0.0.2", |_| ok("secret"));
        let port = serve(move |_| {
            format!(
                "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:{target}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        });
        let network = Network::Custom(Arc::new(|ip: IpAddr| {
            (ip != IpAddr::V4(Ipv4Addr::LOCALHOST)).then_some("test-refused")
        }));
        let limits = Limits { network, ..Limits::default() };
        let err = fetch_url(&format!("http://127.0.0.1:{port}/"), &limits, None).unwrap_err();
        assert!(matches!(err, FetchError::Refused { why: "test-refused", .. }), "{err}");
        // Followed when the policy allows the redirect's target.
        let got = fetch_url(&format!("http://127.0.0.1:{port}/"), &Limits::default(), None)
            .unwrap()
            .unwrap();
        assert_eq!(got.bytes, b"secret");
        assert!(got.final_url.contains("127.0.0.2"), "{}", got.final_url);
    }

    #[test]
    fn limits_are_errors_that_say_so() {
        let port = serve(|_| ok(&"x".repeat(10_000)));
        let limits = Limits { max_bytes: 1000, ..Limits::default() };
        let err = fetch_url(&format!("http://127.0.0.1:{port}/"), &limits, None).unwrap_err();
        assert!(matches!(err, FetchError::TooLarge(1000)), "{err}");
        let looping = serve(|port| {
            format!(
                "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        });
        let err = fetch_url(&format!("http://127.0.0.1:{looping}/"), &Limits::default(), None)
            .unwrap_err();
        assert!(matches!(err, FetchError::Redirects(5)), "{err}");
        let err = fetch_url("file:///etc/passwd", &Limits::default(), None).unwrap_err();
        assert!(matches!(err, FetchError::NotHttp(_)), "{err}");
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = silent.local_addr().unwrap().port();
        let limits = Limits { timeout: Duration::from_millis(300), ..Limits::default() };
        let err = fetch_url(&format!("http://127.0.0.1:{port}/"), &limits, None).unwrap_err();
        assert!(matches!(err, FetchError::Timeout(_)), "{err}");
        drop(silent);
    }
}
