#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A set of ASCII bytes kept as two 64-bit masks, so testing a byte is a shift and an and.
/// Bytes of 0x80 and above are never members.
public struct ASCIISet: Sendable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64

    public init(_ characters: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in characters.utf8 {
            precondition(byte < 0x80, "ASCIISet holds ASCII only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.low = low
        self.high = high
    }

    @inlinable
    public func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte &- 64)) != 0 }
        return false
    }
}

/// Eight bytes of text tested at once, so that scans skip the runs holding nothing they look for.
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must have eight bytes after it).
    @inlinable
    public static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// Non-zero when one of the bytes of `word` is `byte`.
    @inlinable
    public static func holds(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & highs
    }

    /// Non-zero when one of the bytes of `word` is below `limit` (at most 0x80).
    @inlinable
    public static func holdsBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- UInt64(limit) &* ones) & ~word & highs
    }

    /// Whether all eight bytes are ASCII.
    @inlinable
    public static func isASCII(_ word: UInt64) -> Bool {
        word & highs == 0
    }
}

extension String {
    /// Whether some UTF-8 byte of the string passes `test`, read straight from the string's storage.
    @inlinable
    public func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(where: test) }
    }
}

extension StringProtocol {
    /// The parts between occurrences of the ASCII character `separator`, found by reading
    /// UTF-8 bytes rather than Characters (paths and lines need no grapheme breaking).
    package func splitUTF8(_ separator: Unicode.Scalar, omittingEmptySubsequences: Bool = true) -> [SubSequence] {
        precondition(separator.isASCII, "splitUTF8 splits at an ASCII character")
        let byte = UInt8(separator.value)
        let bytes = utf8
        var parts: [SubSequence] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == byte {
                if !omittingEmptySubsequences || start != index { parts.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if !omittingEmptySubsequences || start != bytes.endIndex { parts.append(self[start..<bytes.endIndex]) }
        return parts
    }
}

extension String {
    /// Whether the UTF-8 bytes of `self` sort before those of `other` (byte order, as
    /// `utf8.lexicographicallyPrecedes` gives it, compared with memcmp).
    package func precedesInByteOrder(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }
}

extension [String] {
    /// The indices of the strings in the byte order of their UTF-8 (each key made once;
    /// sorting indices moves no strings or records around).
    package func indicesInByteOrder() -> [Int] {
        indices.sorted { self[$0].precedesInByteOrder(self[$1]) }
    }
}

extension [UInt8] {
    /// Appends the UTF-8 encoding of `scalar`: text built byte by byte and made a String
    /// once, instead of appending scalars to a String one at a time.
    @inlinable
    public mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { append($0) }
        }
    }
}
