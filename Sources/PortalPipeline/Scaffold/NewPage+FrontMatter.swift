import Foundation
import PortalSources

extension NewPage {
    /// `launch-day` -> `Launch Day`; a date prefix and language suffix are dropped,
    /// and a bundle's `index.md` takes its folder's name.
    /// `translationPath` is the content path without language and extension (`posts/launch-day`).
    package static func derivedTitle(translationPath: String) -> String {
        var names = translationPath.split(separator: "/").map(String.init)
        var name = names.popLast() ?? ""
        if name == "index" || name == "_index", let folder = names.last { name = folder }
        let bytes = Array(name.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        if bytes.count > 11, digits.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }),
           bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-") {
            name = String(decoding: bytes[11...], as: UTF8.self)
        }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return title.isEmpty ? name : title
    }

    /// `YYYY-MM-DD` of `now` in `timeZone`.
    package static func day(_ now: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The front matter block, then an empty line for the body.
    package static func frontMatter(title: String, day: String, draft: Bool, format: ContentOptions.FrontMatterFormat) -> String {
        let quoted = quote(title)
        switch format {
        case .toml:
            return "+++\ntitle = \(quoted)\ndate = \(day)\ndraft = \(draft)\n+++\n\n"
        case .yaml:
            return "---\ntitle: \(quoted)\ndate: \(day)\ndraft: \(draft)\n---\n\n"
        }
    }

    /// A double-quoted string that TOML and YAML read the same way.
    package static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
