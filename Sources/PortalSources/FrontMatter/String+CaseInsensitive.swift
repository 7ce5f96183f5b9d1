import Foundation

extension String {
    /// ASCII-insensitive comparison, enough for front-matter keys (`Title`, `linktitle`).
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8
        let b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = (x >= 65 && x <= 90) ? x + 32 : x
            let ly = (y >= 65 && y <= 90) ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, answered without Foundation when
    /// neither end is whitespace (almost every front-matter value).
    package var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !Self.isTrimmedWhitespace(first), !Self.isTrimmedWhitespace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The members of `CharacterSet.whitespacesAndNewlines`: Unicode Z* (Zs, Zl, Zp),
    /// tab, line feed to carriage return, and next line.
    private static func isTrimmedWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
