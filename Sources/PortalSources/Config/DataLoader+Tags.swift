import Foundation
import PortalText

extension DataLoader {
    /// Parses the text of `data/tags.toml`: one table per tag, a string per language code.
    package static func parseTagNames(_ text: String, file: String) -> (names: [String: [String: String]], diagnostics: [Diagnostic]) {
        ParseMemos.tagNames.value(for: file, text: text) { parseTagNamesText(text, file: file) }
    }

    package static func parseTagNamesText(_ text: String, file: String) -> (names: [String: [String: String]], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = TOMLValueReader.parseTable(text, file: file, diagnostics: &diagnostics) else {
            return ([:], diagnostics)
        }
        var reader = TOMLValueReader(file: file, text: text, root: root)
        var names: [String: [String: String]] = [:]
        for tag in root.keys {
            guard let table = reader.table(root, tag, at: []) else { continue }
            var perLanguage: [String: String] = [:]
            for code in table.keys {
                if let name = reader.string(table, code, at: [tag]) {
                    perLanguage[code.lowercased()] = name
                }
            }
            names[tag] = perLanguage
        }
        return (names, (diagnostics + reader.diagnostics).sortedForDisplay())
    }
}
