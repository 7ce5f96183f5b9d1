import Foundation
@testable import PortalSources

/// Text forms of parsed TOML that tests compare: `canonical` without positions (the
/// form the differential test also gives TOMLKit's tables), `located` with them.
enum TOMLText {
    /// A string in quotes, escaped as Swift writes it (TOMLKit changes `String.debugDescription`).
    static func quote(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
    }

    static func canonical(_ table: TOMLTable) -> String {
        "{" + table.keys.sorted().compactMap { key in table[key].map { "\(quote(key))=\(canonical($0))" } }.joined(separator: ", ") + "}"
    }

    static func canonical(_ node: TOMLNode) -> String {
        switch node.value {
        case let .string(text): return "s" + quote(text)
        case let .integer(number): return "i\(number)"
        case let .float(number): return "f" + float(number)
        case let .boolean(flag): return "b\(flag)"
        case let .offsetDateTime(date, time, offset): return "odt\(date)T\(clock(time))\(offset >= 0 ? "+" : "-")\(abs(offset))"
        case let .localDateTime(date, time): return "ldt\(date)T\(clock(time))"
        case let .localDate(date): return "ld\(date)"
        case let .localTime(time): return "lt" + clock(time)
        case let .array(array): return "[" + array.items.map(canonical).joined(separator: ", ") + "]"
        case let .table(table): return canonical(table)
        }
    }

    static func float(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return "\(number)"
    }

    static func clock(_ time: TOMLLocalTime) -> String {
        "\(time).\(time.nanosecond)"
    }

    /// Every value with `@line:column`.
    static func located(_ table: TOMLTable) -> String {
        table.orderedEntries.map { "\($0.key)=\(located($0.node))" }.joined(separator: "; ")
    }

    static func located(_ node: TOMLNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.value {
        case let .array(array): return "[" + array.items.map(located).joined(separator: ", ") + "]" + place
        case let .table(table): return "{" + located(table) + "}" + place
        default: return canonical(node) + place
        }
    }

    /// The parse as text, or the error as `line:column: message`.
    static func result(_ text: String) -> String {
        do throws(TOMLError) {
            return canonical(try TOMLParser.parse(text))
        } catch {
            return "error \(error)"
        }
    }
}
