/// Traditional Chinese characters to their simplified forms, so that 社區 finds 社区.
/// The table is generated from ICU by scripts/make-t2s.swift; the browser reads the
/// same pairs from the theme's `assets/search-t2s.txt`.
package enum TraditionalSimplified {
    /// Traditional scalar -> simplified scalar.
    package static let table: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        var iterator = pairs.unicodeScalars.makeIterator()
        while let traditional = iterator.next(), let simplified = iterator.next() {
            map[traditional.value] = simplified
        }
        return map
    }()

    /// The table as an array over the common Han blocks (U+3400...U+9FFF): one index
    /// per character of a page, no hashing; 0 where a character stays.
    private static let common: [UInt32] = {
        var values = [UInt32](repeating: 0, count: 0xA000 - 0x3400)
        for (traditional, simplified) in table where traditional >= 0x3400 && traditional < 0xA000 {
            values[Int(traditional) - 0x3400] = simplified.value
        }
        return values
    }()

    /// The simplified form of a scalar value, or the value itself.
    @inline(__always)
    package static func simplified(_ value: UInt32) -> UInt32 {
        if value >= 0x3400 && value < 0xA000 {
            let mapped = common[Int(value) - 0x3400]
            return mapped == 0 ? value : mapped
        }
        if value < 0x20000 { return value }
        return table[value]?.value ?? value
    }
}
