import Foundation
import PortalSources
import PortalText
import Yams

/// Reads a TOML, YAML or JSON configuration file into an `ImportTable`.
package enum ConfigFileReader {
    /// YAML trees larger than this (counting each use of an alias) are refused:
    /// Yams shares aliased nodes, and copying them out could otherwise grow without bound.
    package static let maximumNodes = 200_000
    package static let maximumDepth = 100

    package enum Format: String, Sendable {
        case toml, yaml, json

        package init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "toml": self = .toml
            case "yaml", "yml": self = .yaml
            case "json": self = .json
            default: return nil
            }
        }
    }

    /// The file at `path` (`name` is used in messages); nil after an error.
    package static func read(path: String, name: String, diagnostics: inout [Diagnostic]) -> ImportTable? {
        guard let format = Format(fileName: name) else {
            diagnostics.append(.error("\(name): not a TOML, YAML or JSON file", at: SourceLocation(path: name)))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error("cannot read \(name)", at: SourceLocation(path: name)))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(.error("\(name) is not valid UTF-8", at: SourceLocation(path: name)))
            return nil
        }
        return parse(text, format: format, name: name, diagnostics: &diagnostics)
    }

    package static func parse(_ text: String, format: Format, name: String, diagnostics: inout [Diagnostic]) -> ImportTable? {
        switch format {
        case .toml: return parseTOML(text, name: name, diagnostics: &diagnostics)
        case .yaml: return parseYAML(text, name: name, diagnostics: &diagnostics)
        case .json: return parseJSON(text, name: name, diagnostics: &diagnostics)
        }
    }

    // MARK: TOML

    static func parseTOML(_ text: String, name: String, diagnostics: inout [Diagnostic]) -> ImportTable? {
        guard let root = TOMLValueReader.parseTable(text, file: name, diagnostics: &diagnostics) else { return nil }
        return table(from: root)
    }

    static func table(from toml: TOMLTable) -> ImportTable {
        var table = ImportTable()
        for (key, node) in toml.orderedEntries {
            table[key] = value(from: node)
        }
        return table
    }

    static func value(from node: TOMLNode) -> ImportValue {
        switch node.value {
        case let .string(value): return .string(value)
        case let .integer(value): return .integer(value)
        case let .float(value): return .float(value)
        case let .boolean(value): return .bool(value)
        case let .array(array): return .array(array.items.map(value(from:)))
        case let .table(inner): return .table(Self.table(from: inner))
        case let .localDate(date): return .other(date.description)
        case let .localTime(time): return .other(time.description)
        case let .localDateTime(date, time): return .other("\(date)T\(time)")
        case let .offsetDateTime(date, time, _): return .other("\(date)T\(time)")
        }
    }

    // MARK: YAML

    static func parseYAML(_ text: String, name: String, diagnostics: inout [Diagnostic]) -> ImportTable? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            diagnostics.append(DataLoader.yamlDiagnostic(error, file: name))
            return nil
        }
        guard let root else { return ImportTable() }
        var budget = maximumNodes
        guard let value = value(from: root, depth: 0, budget: &budget) else {
            diagnostics.append(.error(
                "\(name) is too large once its aliases are expanded (more than \(maximumNodes) values or \(maximumDepth) levels)",
                at: SourceLocation(path: name)))
            return nil
        }
        guard let table = value.table else {
            diagnostics.append(.error("\(name) must hold a mapping of keys to values", at: SourceLocation(path: name)))
            return nil
        }
        return table
    }

    /// Nil when the tree exceeds the budget or the depth.
    static func value(from node: Node, depth: Int, budget: inout Int) -> ImportValue? {
        budget -= 1
        guard budget >= 0, depth <= maximumDepth else { return nil }
        switch node {
        case let .scalar(scalar):
            if node.null != nil { return .other("null") }
            if let bool = node.bool { return .bool(bool) }
            if let int = node.int { return .integer(int) }
            if let float = node.float { return .float(float) }
            return .string(scalar.string)
        case let .sequence(sequence):
            var items: [ImportValue] = []
            for item in sequence {
                guard let value = value(from: item, depth: depth + 1, budget: &budget) else { return nil }
                items.append(value)
            }
            return .array(items)
        case let .mapping(mapping):
            var table = ImportTable()
            for (key, item) in mapping {
                guard let value = value(from: item, depth: depth + 1, budget: &budget) else { return nil }
                table[key.scalar?.string ?? ""] = value
            }
            return .table(table)
        case .alias:
            return .other("alias")
        }
    }

    // MARK: JSON

    static func parseJSON(_ text: String, name: String, diagnostics: inout [Diagnostic]) -> ImportTable? {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            diagnostics.append(.error("invalid JSON: \(error.localizedDescription)", at: SourceLocation(path: name)))
            return nil
        }
        guard let value = value(fromJSON: object, depth: 0), let table = value.table else {
            diagnostics.append(.error("\(name) must hold an object of keys and values", at: SourceLocation(path: name)))
            return nil
        }
        return table
    }

    static func value(fromJSON object: Any, depth: Int) -> ImportValue? {
        guard depth <= maximumDepth else { return nil }
        switch object {
        case let string as String:
            return .string(string)
        case let number as NSNumber:
            // JSON true and false come back as NSNumbers holding a Bool ("c" or "B").
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" { return .bool(number.boolValue) }
            if type == "d" || type == "f" {
                let double = number.doubleValue
                return double == double.rounded() && abs(double) < 1e15 ? .integer(Int(double)) : .float(double)
            }
            return .integer(number.intValue)
        case let array as [Any]:
            var items: [ImportValue] = []
            for item in array {
                guard let value = value(fromJSON: item, depth: depth + 1) else { return nil }
                items.append(value)
            }
            return .array(items)
        case let dictionary as [String: Any]:
            var table = ImportTable()
            // JSON objects come back unordered: sort the keys so that the output is stable.
            for key in dictionary.keys.sorted() {
                guard let item = dictionary[key], let value = value(fromJSON: item, depth: depth + 1) else { return nil }
                table[key] = value
            }
            return .table(table)
        case is NSNull:
            return .other("null")
        default:
            return .other(String(describing: object))
        }
    }
}
