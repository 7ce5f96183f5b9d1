import Foundation
import PortalText

/// The last result of parsing each TOML file, kept with the text it came from.
///
/// `portal serve` runs a full build after many edits, most of which leave
/// `site.toml`, `data/*.toml` and `Templates/i18n/*.toml` as they were: a file is
/// parsed again only when its text changed; one result per file is kept.
package final class ParseMemo<Value>: @unchecked Sendable {
    private let entries = Locked([String: (text: String, value: Value)]())

    /// The result for `text` of the file `key`: the kept one when the text is the same.
    package func value(for key: String, text: String, parse: () -> Value) -> Value {
        if let kept = entries.withLock({ $0[key] }), kept.text == text { return kept.value }
        let value = parse()
        entries.withLock { $0[key] = (text, value) }
        return value
    }
}

package enum ParseMemos {
    package static let siteConfig = ParseMemo<(config: SiteConfig?, diagnostics: [Diagnostic])>()
    package static let authors = ParseMemo<(registry: AuthorRegistry, diagnostics: [Diagnostic])>()
    package static let tagNames = ParseMemo<(names: [String: [String: String]], diagnostics: [Diagnostic])>()
    package static let strings = ParseMemo<Result<[String: String], Diagnostic>>()
}
