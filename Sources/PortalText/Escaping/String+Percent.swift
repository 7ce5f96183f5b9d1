import Foundation

extension String {
    /// The text with `%XX` sequences decoded (Foundation's `removingPercentEncoding`), or
    /// the text itself when it holds none or they do not decode; text without `%` skips
    /// Foundation.
    package var percentDecoded: String {
        guard containsUTF8Byte(where: { $0 == UInt8(ascii: "%") }) else { return self }
        return removingPercentEncoding ?? self
    }

    /// Percent-encodes a site path for use in `href` (Chinese slugs become `%E4…`):
    /// every byte but ASCII letters, digits and `-._~:/` becomes `%XX`.
    package var percentEncodedPath: String {
        guard containsUTF8Byte(where: { !Self.isPathSafe($0) }) else { return self }
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 3) { encoded in
                let hex: StaticString = "0123456789ABCDEF"
                var count = 0
                for byte in bytes {
                    if Self.isPathSafe(byte) {
                        encoded[count] = byte
                        count += 1
                    } else {
                        encoded[count] = UInt8(ascii: "%")
                        encoded[count + 1] = hex.utf8Start[Int(byte >> 4)]
                        encoded[count + 2] = hex.utf8Start[Int(byte & 0x0F)]
                        count += 3
                    }
                }
                return count
            }
        }
    }

    private static func isPathSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
