/// A cursor over the ASCII bytes of a short text such as a date.
package struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package var atEnd: Bool { index == bytes.count }
    package var position: Int { index }

    package mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Skips one or more spaces or tabs.
    package mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index > start
    }

    /// +1 or -1 when a sign follows.
    package mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// A run of ASCII digits whose length is in `lengths`; consumes nothing on failure.
    package mutating func digits(_ lengths: ClosedRange<Int>) -> Int? {
        var end = index
        var value = 0
        while end < bytes.count, end - index < lengths.upperBound, bytes[end] >= 0x30, bytes[end] <= 0x39 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        guard lengths.contains(end - index) else { return nil }
        // A longer run of digits than allowed is not this field.
        if end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { return nil }
        index = end
        return value
    }

    /// Digits of a decimal fraction, as nanoseconds (extra digits are cut).
    package mutating func fraction() -> Int? {
        var nanoseconds = 0
        var count = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanoseconds *= 10 }
        return nanoseconds
    }
}
