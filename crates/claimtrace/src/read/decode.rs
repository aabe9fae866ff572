//! Bytes to text: byte-order marks, declared charsets, and a Windows-1252
//! fallback for legacy pages that are not valid UTF-8.

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// Decodes `bytes` to a string. `declared` is a charset label from outside
/// the bytes (an HTTP `Content-Type`); HTML pages may declare their own in
/// a `<meta>` tag, which `sniff_html` finds.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String> {
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    // Valid UTF-8 with no charset from outside is taken as it is: a
    // single-byte declaration inside such a page is almost always wrong.
    if declared.is_none() {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(text.to_string());
        }
    }
    let label = declared.map(str::to_string).or_else(|| sniff_html_charset(bytes));
    if let Some(encoding) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A page declared as Latin-1 that is really UTF-8 is common; trust
        // valid UTF-8 over a single-byte declaration.
        if encoding != encoding_rs::UTF_8 {
            if let Ok(text) = std::str::from_utf8(bytes) {
                if !text.is_ascii() && encoding.is_single_byte() {
                    return Ok(text.to_string());
                }
            }
        }
        let (text, _, _) = encoding.decode(bytes);
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

/// NUL bytes, or many control characters, mean binary data. UTF-16 with a
/// byte-order mark is text.
fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    !head.is_empty() && controls * 10 > head.len()
}

/// The charset an HTML page declares in its first kilobytes:
/// `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">`.
fn sniff_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = crate::chars::after(&head, at + "charset=".len());
    let rest = rest.trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes() {
        assert_eq!(decode("Kyiv — “yes”".as_bytes(), None).unwrap(), "Kyiv — “yes”");
    }

    #[test]
    fn windows_1252_fallback() {
        // “Hello” café in Windows-1252.
        let bytes = b"\x93Hello\x94 caf\xe9";
        assert_eq!(decode(bytes, None).unwrap(), "“Hello” café");
    }

    #[test]
    fn declared_latin1_in_meta() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(bytes, None).unwrap().contains("café"));
    }

    #[test]
    fn declared_by_caller() {
        assert_eq!(decode(b"na\xefve", Some("latin1")).unwrap(), "naïve");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for c in "hi".encode_utf16() {
            bytes.extend_from_slice(&c.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), "hi");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\x00\x00", None), Err(Error::Binary));
    }
}
