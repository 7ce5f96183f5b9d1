import Foundation
import PortalText

/// A file under `data/` as templates read it (`data.<folders>.<name>`).
public struct DataFile: Sendable {
    /// Folders and the file name without extension (or language): `data/events/2026.toml`
    /// is `["events", "2026"]`.
    public var path: [String]
    /// The language code (lower-cased) of a variant such as `sponsors.zh-hans.yaml`.
    public var language: String?
    public var value: MetaValue
    /// `data/…`, for messages.
    public var file: String
}

extension DataLoader {
    /// The file kinds `data/` holds for templates.
    package static let dataExtensions: Set<String> = ["toml", "yaml", "yml", "json"]
    /// Values one YAML or JSON data file may hold (aliases counted each time they are used).
    package static let maxDataNodes = 1_000_000
    package static let maxDataBytes = 16 << 20

    /// Every `data/**/*.{toml,yaml,yml,json}` (hidden files and folders left out), in path
    /// order. `languages` are the site's codes: `name.<code>.ext` is that language's
    /// variant of `name`. A file that does not parse is an error at its line and column.
    public static func loadDataFiles(siteRoot: String, languages: [String], timeZone: TimeZone) -> (files: [DataFile], diagnostics: [Diagnostic]) {
        let folder = (siteRoot as NSString).appendingPathComponent("data")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: folder) else { return ([], []) }
        var relative: [String] = []
        while let path = enumerator.nextObject() as? String {
            let parts = path.split(separator: "/")
            if parts.contains(where: { $0.hasPrefix(".") }) {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            let ext = (path as NSString).pathExtension.lowercased()
            if dataExtensions.contains(ext), (enumerator.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory {
                relative.append(path)
            }
        }
        let codes = Set(languages.map { $0.lowercased() })
        var files: [DataFile] = []
        var diagnostics: [Diagnostic] = []
        for path in relative.sorted() {
            let file = "data/" + path
            let ext = (path as NSString).pathExtension.lowercased()
            var stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var language: String?
            let suffix = (stem as NSString).pathExtension.lowercased()
            if !suffix.isEmpty, codes.contains(suffix) {
                language = suffix
                stem = (stem as NSString).deletingPathExtension
            }
            let folders = (path as NSString).deletingLastPathComponent.split(separator: "/").map(String.init)
            if let size = (try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(path)))?[.size] as? Int,
               size > maxDataBytes {
                diagnostics.append(.error("data file is larger than \(maxDataBytes >> 20) MB (\(size) bytes)", at: SourceLocation(path: file)))
                continue
            }
            let text: String
            switch readText(siteRoot: siteRoot, file: file) {
            case .missing: continue
            case let .failed(diagnostic):
                diagnostics.append(diagnostic)
                continue
            case let .text(value): text = value
            }
            let value: MetaValue?
            if ext == "toml" {
                var problems: [Diagnostic] = []
                guard let root = TOMLValueReader.parseTable(text, file: file, diagnostics: &problems) else {
                    diagnostics += problems
                    continue
                }
                let reader = TOMLValueReader(file: file, text: text, root: root)
                value = .table(reader.keysInSourceOrder(root, at: []).compactMap { key in
                    root[key].map { (key: key, value: reader.metaValue($0, at: [key], timeZone: timeZone)) }
                })
            } else {
                // YAML reads more than JSON allows (`{"a": }`): JSON is checked as JSON first.
                if ext == "json", let problem = jsonProblem(text) {
                    diagnostics.append(.error("invalid JSON: \(problem.message)", at: SourceLocation(path: file, line: problem.line, column: problem.column)))
                    continue
                }
                switch YAMLFrontMatterReader.readValue(text, maxNodes: maxDataNodes) {
                case let .success(node):
                    value = node.flatMap { MetadataNormalizer(path: file, timeZone: timeZone).metaValue($0) }
                case let .failure(problem):
                    let message = ext == "json" ? problem.message.replacingOccurrences(of: "invalid YAML", with: "invalid JSON") : problem.message
                    diagnostics.append(.error(message, at: SourceLocation(path: file, line: problem.line, column: problem.column)))
                    continue
                }
            }
            files.append(DataFile(path: folders + [stem], language: language, value: value ?? .table([]), file: file))
        }
        return (files, diagnostics)
    }

    /// What Foundation's JSON reader finds wrong with `text`, at the line and column of
    /// the character it names ("around character 15"); nil for valid JSON.
    static func jsonProblem(_ text: String) -> (message: String, line: Int, column: Int)? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return nil
        } catch {
            var description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "not valid JSON"
            var line = 1, column = 1
            if let range = description.range(of: "around character "),
               let offset = Int(description[range.upperBound...].prefix { $0.isNumber }) {
                var seen = 0
                for scalar in text.unicodeScalars {
                    if seen >= offset { break }
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                    seen += 1
                }
                description = String(description[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            if description.hasSuffix(".") { description.removeLast() }
            return (description.prefix(1).lowercased() + description.dropFirst(), line, column)
        }
    }
}
