/// The line walk and the character check both flat front-matter readers start with.
package enum FrontMatterLines {
    /// Calls `body` with each line of `bytes` (without its line feed) and its 1-based
    /// number until `body` returns false; returns whether it never did.
    package static func eachLine(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        var number = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            guard body(UnsafeBufferPointer(rebasing: bytes[start..<end]), number) else { return false }
            start = end + 1
        }
        return true
    }

    /// Characters libyaml refuses or reads as line breaks (controls, DEL, C1 controls,
    /// U+2028, U+2029, U+FFFE, U+FFFF) and the byte-order mark: left to Yams (and, in
    /// TOML front matter, to `TOMLParser`).
    package static func holdsSpecialCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return true }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let after = index + 2 < bytes.count ? bytes[index + 2] : 0
            if byte == 0xC2 && next >= 0x80 && next <= 0x9F { return true }
            if byte == 0xE2 && next == 0x80 && (after == 0xA8 || after == 0xA9) { return true }
            if byte == 0xEF && (next == 0xBF && after >= 0xBE || next == 0xBB && after == 0xBF) { return true }
            index += 1
        }
        return false
    }
}
