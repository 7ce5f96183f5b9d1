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

    package static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        table[scalar.value] ?? scalar
    }
}
