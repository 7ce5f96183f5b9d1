/// A value templates read: strings, numbers, booleans, lists and objects.
/// Contexts are built from these directly, so rendering never casts.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The member `key` of an object; `nil` for anything else or a missing key.
    subscript(key: String) -> TemplateValue? {
        get {
            if case let .object(members) = self { return members[key] }
            return nil
        }
        set {
            guard case var .object(members) = self else { return }
            self = .null
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The elements of a list; empty for anything else.
    var items: [TemplateValue] {
        if case let .list(items) = self { return items }
        return []
    }

    /// The string, when this is one.
    var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The text `{{name}}` prints before escaping.
    var text: String {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .bool(b): return b ? "true" : "false"
        case .null, .list, .object: return ""
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(elements.count)
        for (key, value) in elements { members[key] = value }
        self = .object(members)
    }
}
