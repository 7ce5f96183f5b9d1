import Foundation
import PortalText

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
        if !first.isUnicodeWhitespace, !last.isUnicodeWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
