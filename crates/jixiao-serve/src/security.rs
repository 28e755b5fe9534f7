//! The checks every request passes before a page: the Host header names this server (no DNS
//! rebinding), the token when one is set (header, or the cookie `?token=` sets), a form posted
//! from this origin only, and the session cookie (a new random session when there is none).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::App;

pub const SESSION_COOKIE: &str = "jixiao_session";
pub const TOKEN_COOKIE: &str = "jixiao_token";

/// The session a request belongs to (put in its extensions by [`guard`]).
#[derive(Clone)]
pub struct SessionId(pub String);

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{why}\n")).into_response()
}

/// The host part of a Host header or of an Origin's authority, lowercased, and its port.
fn split_host(authority: &str) -> (String, Option<u16>) {
    let authority = authority.trim().to_ascii_lowercase();
    if let Some(rest) = authority.strip_prefix('[') {
        // [::1]:8080
        let (host, after) = rest.split_once(']').unwrap_or((rest, ""));
        return (format!("[{host}]"), after.strip_prefix(':').and_then(|p| p.parse().ok()));
    }
    match authority.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => (host.to_owned(), port.parse().ok()),
        _ => (authority, None),
    }
}

/// Whether a Host header names this server: localhost or a loopback address, or the address
/// it is bound to (any address literal when it is bound to all of them), with its port.
pub fn host_allowed(host: &str, bound: std::net::SocketAddr) -> bool {
    let (name, port) = split_host(host);
    if port.is_some_and(|p| p != bound.port()) {
        return false;
    }
    let ip: Option<std::net::IpAddr> = name.trim_start_matches('[').trim_end_matches(']').parse().ok();
    match ip {
        Some(ip) => ip.is_loopback() || ip == bound.ip() || bound.ip().is_unspecified(),
        None => name == "localhost",
    }
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// Equal in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The checks, then the page, then the cookies a new session or a token in the query sets.
pub async fn guard(State(app): State<Arc<App>>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return refuse(StatusCode::BAD_REQUEST, "no Host header");
    };
    if !host_allowed(host, app.config.addr) {
        return refuse(StatusCode::FORBIDDEN, "this server answers to its own address only (the Host header names another)");
    }
    let mut set_cookies: Vec<String> = Vec::new();
    if let Some(token) = app.config.token.as_deref() {
        let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
        let header_token = headers.get("x-jixiao-token").and_then(|v| v.to_str().ok());
        let carried = bearer.or(header_token).or_else(|| cookie(headers, TOKEN_COOKIE));
        if !carried.is_some_and(|t| same(t, token)) {
            let query = request.uri().query().unwrap_or("");
            let given = query_value(query, "token").map(percent_decode);
            if given.as_deref().is_some_and(|t| same(t, token)) && request.method() == axum::http::Method::GET {
                // Set the cookie and go to the same page without the token in its address.
                let rest: Vec<&str> = query.split('&').filter(|p| !p.starts_with("token=") && !p.is_empty()).collect();
                let path = request.uri().path();
                let location = if rest.is_empty() { path.to_owned() } else { format!("{path}?{}", rest.join("&")) };
                let mut response = Response::builder().status(StatusCode::SEE_OTHER).header(header::LOCATION, location).body(Body::empty()).unwrap_or_default();
                if let Ok(v) = HeaderValue::from_str(&format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict")) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
                return response;
            }
            return refuse(
                StatusCode::UNAUTHORIZED,
                "this server needs its token: open the address it printed (with ?token=…), or send Authorization: Bearer <token>",
            );
        }
    }
    // A form posted from another origin (a page elsewhere submitting to this one) is refused.
    if request.method() != axum::http::Method::GET && request.method() != axum::http::Method::HEAD {
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            let authority = origin.split_once("://").map_or(origin, |(_, a)| a);
            if origin == "null" || !split_host(authority).0.eq(&split_host(host).0) || split_host(authority).1 != split_host(host).1 {
                return refuse(StatusCode::FORBIDDEN, "a form from another origin is refused");
            }
        }
    }
    let session = match cookie(headers, SESSION_COOKIE).filter(|id| id.len() == 32 && app.sessions.exists(id)) {
        Some(id) => id.to_owned(),
        None => {
            let id = match crate::session::new_id() {
                Ok(id) => id,
                Err(e) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
            };
            app.sessions.open(&id, app.preloaded.clone(), app.config.review.clone());
            set_cookies.push(format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict"));
            id
        }
    };
    request.extensions_mut().insert(SessionId(session));
    let mut response = next.run(request).await;
    for c in set_cookies {
        if let Ok(v) = HeaderValue::from_str(&c) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    let h = response.headers_mut();
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    // Not no-referrer: under it a browser sends `Origin: null` with a form, which is refused.
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `%XX` and `+` in a query value decoded (a token may hold any character).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                Ok(b) => {
                    out.push(b);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let bound: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert!(host_allowed("localhost:8080", bound));
        assert!(host_allowed("127.0.0.1:8080", bound));
        assert!(host_allowed("[::1]:8080", bound));
        assert!(host_allowed("LOCALHOST", bound));
        assert!(!host_allowed("evil.example:8080", bound));
        assert!(!host_allowed("localhost:9999", bound));
        assert!(!host_allowed("127.0.0.1.evil.example", bound));
        let all: std::net::SocketAddr = "0.0.0.0:80".parse().unwrap();
        assert!(host_allowed("192.168.1.5", all));
        assert!(!host_allowed("rebind.example", all));
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%2Bb+c%zz%4"), "a+b c%zz%4");
    }
}
