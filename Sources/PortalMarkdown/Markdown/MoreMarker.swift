/// The summary markers `<!--more-->` (Hugo) and `<!-- truncate -->` (Docusaurus).
package enum MoreMarker {
    /// Whether an HTML block's text is nothing but a marker (spaces and case ignored).
    package static func matches(_ literal: String) -> Bool {
        let text = Substring(literal).trimmingSpaces()
        guard text.count >= 7, text.hasPrefix("<!--"), text.hasSuffix("-->") else { return false }
        let inner = text.dropFirst(4).dropLast(3).trimmingSpaces().lowercased()
        return inner == "more" || inner == "truncate"
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var s = drop(while: { $0.isWhitespace })
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }
}
