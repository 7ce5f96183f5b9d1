#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalText

/// Checks that raw bytes are text and normalises them: no BOM, LF line endings.
package enum SourceDecoder {
    /// A source as text: its bytes without a UTF-8 BOM and with CRLF turned into LF, and
    /// the same as a String (validated once, by the standard library).
    package struct Decoded {
        package let bytes: [UInt8]
        package let text: String

        /// The text between two byte offsets of `bytes` (line starts, so scalar boundaries).
        package func text(_ range: Range<Int>) -> String {
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// The decoded source, or the first problem.
    package static func decode(_ bytes: [UInt8]) -> Result<Decoded, FrontMatterProblem> {
        if let nul = firstIndex(of: 0, in: bytes) {
            let place = position(ofOffset: nul, in: bytes)
            return .failure(FrontMatterProblem(message: "binary file", line: place.line, column: place.column))
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let normalized = normalizingLineEndings(bytes, from: start)
        guard let text = String(validating: normalized, as: UTF8.self) else {
            // Only now find where: the place is given in the file as it is on disk.
            let place = position(ofOffset: firstInvalidUTF8Offset(in: bytes) ?? 0, in: bytes)
            return .failure(FrontMatterProblem(message: "invalid UTF-8", line: place.line, column: place.column))
        }
        return .success(Decoded(bytes: normalized, text: text))
    }

    package static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count else { return nil }
            guard let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    package static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        firstInvalidUTF8Offset(in: bytes) == nil
    }

    /// Offset of the first byte that does not begin a well-formed UTF-8 sequence.
    /// ASCII is skipped eight bytes at a time.
    package static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count, ByteWord.isASCII(ByteWord.load(base, at: index)) {
                    index += 8
                    continue
                }
                let lead = base[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = base[index + 1]
                guard second >= low, second <= high else { return index }
                for k in 2..<length where base[index + k] & 0xC0 != 0x80 {
                    return index
                }
                index += length
            }
            return nil
        }
    }

    /// Line and column (counted in code points, continuation bytes skipped) of a byte offset.
    package static func position(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    package static func normalizingLineEndings(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        guard var carriageReturn = firstIndex(of: 0x0D, in: bytes, from: start) else {
            return start == 0 ? bytes : Array(bytes[start...])
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - start)
        var chunkStart = start
        while true {
            if carriageReturn + 1 < bytes.count, bytes[carriageReturn + 1] == 0x0A {
                result.append(contentsOf: bytes[chunkStart..<carriageReturn])
                chunkStart = carriageReturn + 1
            }
            guard let next = firstIndex(of: 0x0D, in: bytes, from: carriageReturn + 1) else { break }
            carriageReturn = next
        }
        result.append(contentsOf: bytes[chunkStart...])
        return result
    }
}
