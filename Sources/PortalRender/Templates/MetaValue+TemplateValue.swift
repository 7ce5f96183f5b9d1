import Foundation
import PortalSources
import PortalText
import PortalTemplates

extension MetaValue {
    /// A value a template can use: strings, numbers, booleans, lists and objects;
    /// dates as RFC 3339 text in UTC; of repeated keys, the first.
    package var templateValue: TemplateValue {
        switch self {
        case let .string(s): return .string(s)
        case let .int(i): return .int(i)
        case let .double(d): return .string(String(d))
        case let .bool(b): return .bool(b)
        case let .date(d, _): return .string(ISO8601DateFormatter.string(from: d, timeZone: TimeZone.utc, formatOptions: [.withInternetDateTime]))
        case let .array(a): return .list(a.map(\.templateValue))
        case let .table(t):
            var members: [String: TemplateValue] = [:]
            for entry in t where members[entry.key] == nil { members[entry.key] = entry.value.templateValue }
            return .object(members)
        }
    }
}
