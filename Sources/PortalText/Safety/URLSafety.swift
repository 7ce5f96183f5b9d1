/// Which URLs may leave configuration, front matter and raw HTML for an `href` or a `src`.
///
/// The scheme is read as a browser reads it: character references decoded (`&#106;`,
/// `&colon;`), ASCII tabs and line breaks anywhere dropped, leading control characters
/// and spaces dropped, letters compared without case. So `JAVASCRIPT:`, `java\tscript:`
/// and `&#106;avascript:` all have the scheme `javascript`.
package enum URLSafety {
    /// Schemes a URL from `site.toml`, `data/` or front matter may have.
    package static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of `url` (lower-cased) as a browser would find it, or nil when `url`
    /// is relative: no ASCII letter, then letters, digits, `+`, `-` or `.`, up to a `:`.
    package static func scheme(of url: String) -> String? {
        let decoded = HTMLEntities.decode(url)
        var scheme: [UInt8] = []
        var started = false
        for byte in decoded.utf8 {
            // The URL parser drops tabs and line breaks anywhere, and leading C0 controls and spaces.
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started {
                if byte <= 0x20 { continue }
                started = true
            }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                scheme.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether a URL from configuration or front matter may be used: http, https,
    /// mailto, or relative (`/a/`, `a.png`, `#x`, `//host/x`).
    package static func isAllowedLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return linkSchemes.contains(scheme)
    }

    /// Whether a URL in raw HTML runs code or reads local files: `javascript:`,
    /// `vbscript:`, `livescript:`, `file:`, and `data:` except PNG, GIF, JPEG and WebP
    /// images (cmark-gfm's own rule for Markdown links).
    package static func isDangerous(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return false }
        switch scheme {
        case "javascript", "vbscript", "livescript", "file":
            return true
        case "data":
            let decoded = HTMLEntities.decode(url).filter { !"\t\n\r".contains($0) }.lowercased()
            guard let colon = decoded.firstIndex(of: ":") else { return true }
            let rest = decoded[decoded.index(after: colon)...]
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { rest.hasPrefix($0) }
        default:
            return false
        }
    }

    /// The warning for a dropped value: `what` names it (`'url' of author 'li'`).
    package static func rejection(_ url: String, what: String, at location: SourceLocation) -> Diagnostic {
        .warning("ignoring \(what): '\(shown(url))' is not an http, https, mailto or relative URL", at: location)
    }

    /// `url` for a message: control characters written as escapes, at most 80 characters.
    package static func shown(_ url: String) -> String {
        var text = ""
        for scalar in url.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += scalar == "\t" ? "\\t" : scalar == "\n" ? "\\n" : scalar == "\r" ? "\\r" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return url.unicodeScalars.count > 80 ? text + "…" : text
    }
}

/// Character references as HTML decodes them in attribute values: numeric ones
/// (`&#106;`, `&#x6A`, with or without `;`) and the named ones a URL or a title
/// commonly holds. Unknown names stay as written.
package enum HTMLEntities {
    package static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "Tab": "\t", "NewLine": "\n", "sol": "/", "bsol": "\\", "num": "#", "quest": "?",
        "period": ".", "comma": ",", "semi": ";", "equals": "=", "plus": "+", "hyphen": "\u{2010}", "lowbar": "_",
        "lpar": "(", "rpar": ")", "excl": "!", "percnt": "%", "commat": "@", "dollar": "$", "ast": "*",
        "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}", "grave": "`", "Hat": "^", "verbar": "|", "vert": "|",
        "hellip": "…", "mdash": "—", "ndash": "–", "copy": "©", "reg": "®", "trade": "™", "middot": "·",
        "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "times": "×",
        "bull": "•", "deg": "°",
    ]

    /// `text` with its character references decoded; text without `&` is returned as it is.
    package static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "&"), let (scalar, length) = reference(bytes, at: i) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            out.append(contentsOf: Array(String(scalar).utf8))
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference starting at the `&` at `start` and its length in bytes.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < bytes.count {
                let byte = bytes[i]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                // Past U+10FFFF the value no longer matters: it becomes U+FFFD.
                value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
            let scalar = value == 0 || (0xD800...0xDFFF).contains(value) ? nil : Unicode.Scalar(value)
            return (String(scalar ?? "\u{FFFD}"), i - start)
        }
        let nameStart = i
        while i < bytes.count, i - nameStart < 12,
              (bytes[i] | 0x20) >= UInt8(ascii: "a") && (bytes[i] | 0x20) <= UInt8(ascii: "z") {
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ";"), i > nameStart,
              let value = named[String(decoding: bytes[nameStart..<i], as: UTF8.self)] else { return nil }
        return (value, i + 1 - start)
    }
}
