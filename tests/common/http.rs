//! A plain HTTP/1.1 client on a TCP socket, for talking to the room as a phone would, and as a
//! hostile client would (oversized headers, broken bodies, slow writes).

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// Sends `raw` as it is and reads the whole answer (the server closes after it).
pub fn raw(address: SocketAddr, raw: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(raw).unwrap();
    // Up to the end of the body its length names, or else to the end of the stream (not every
    // server closes the connection when asked to).
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            let reply = parse(&bytes[..end + 4]);
            if let Some(length) = reply.header("content-length").and_then(|l| l.parse::<usize>().ok())
                && bytes.len() >= end + 4 + length
            {
                return parse(&bytes[..end + 4 + length]);
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return parse(&bytes),
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
        }
    }
}

/// One request with `Connection: close`.
pub fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    raw(address, &encode(address, method, path, headers, body, true))
}

pub fn get(address: SocketAddr, path: &str) -> Reply {
    request(address, "GET", path, &[], b"")
}

/// A JSON POST.
pub fn post(address: SocketAddr, path: &str, body: &serde_json::Value) -> Reply {
    request(address, "POST", path, &[("Content-Type", "application/json")], body.to_string().as_bytes())
}

pub fn encode(
    host: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    close: bool,
) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {}\r\n", body.len());
    if close {
        head.push_str("Connection: close\r\n");
    }
    for (name, value) in headers {
        head.extend([*name, ": ", *value, "\r\n"]);
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

pub fn parse(bytes: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':').map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())))
        .collect();
    Reply { status, headers, body: body.to_owned() }
}

/// A participant's live page: the server-sent events stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    pub status: u16,
}

impl Events {
    pub fn open(address: SocketAddr, path: &str) -> Self {
        let mut stream = TcpStream::connect(address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: room\r\n\r\n").as_bytes()).unwrap();
        let mut reader = BufReader::new(stream);
        let mut status_line = String::new();
        reader.read_line(&mut status_line).unwrap();
        let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
        }
        Self { reader, status }
    }

    /// The next message, or `None` when the stream ended. Chunked framing lines and comments
    /// are passed over.
    pub fn next(&mut self) -> Option<serde_json::Value> {
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).ok()? == 0 {
                return None;
            }
            if let Some(data) = line.trim_end().strip_prefix("data: ") {
                return Some(serde_json::from_str(data).expect("JSON event"));
            }
        }
    }

    /// Whether the server ended the stream (its last, empty chunk arrived) within `wait`.
    pub fn ended(&mut self, wait: Duration) -> bool {
        let _ = self.reader.get_ref().set_read_timeout(Some(wait));
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return true,
                Ok(_) if line.trim_end() == "0" => return true,
                Ok(_) => {}
                Err(_) => return false,
            }
        }
    }

    /// Reads messages until one satisfies `wanted` (or the stream ends: then panics).
    pub fn until(&mut self, wanted: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        loop {
            let message = self.next().expect("the stream ended before the expected message");
            if wanted(&message) {
                return message;
            }
        }
    }
}
