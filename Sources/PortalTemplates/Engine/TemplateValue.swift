/// A value templates read: strings, numbers, booleans, lists and objects.
/// Contexts are built from these directly, so rendering never casts.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    /// HTML made by portal (rendered Markdown), as UTF-8 bytes: `{{{name}}}` copies them.
    case html([UInt8])
    case list([TemplateValue])
    case object(TemplateObject)

    /// An object with the members of `members`.
    package static func object(_ members: [String: TemplateValue]) -> TemplateValue {
        .object(TemplateObject(members))
    }

    /// The member `key` of an object; `nil` for anything else or a missing key.
    package subscript(key: String) -> TemplateValue? {
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
    package var items: [TemplateValue] {
        if case let .list(items) = self { return items }
        return []
    }

    /// The string, when this is one.
    package var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The text `{{name}}` prints before escaping.
    package var text: String {
        switch self {
        case let .string(s): return s
        case let .html(bytes): return String(decoding: bytes, as: UTF8.self)
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
        self = .object(TemplateObject(pairs: elements))
    }
}

/// The members of a template object, kept in a plain list: contexts are built fresh for
/// every page and read a few times each, so a list compared key by key costs less than
/// hashing every key into a dictionary and hashing again to read it.
public struct TemplateObject: Sendable, Equatable {
    private struct Member: Sendable {
        package var key: String
        package var value: TemplateValue
    }

    private var members: [Member]

    /// Members in the given order. The keys come from literals and fixed lists written in
    /// portal's code, which never repeat a key, so none is looked up before it is added.
    package init(pairs: [(String, TemplateValue)]) {
        members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    /// The members of a dictionary, in key order.
    package init(_ dictionary: [String: TemplateValue]) {
        members = dictionary.sorted { $0.key < $1.key }.map { Member(key: $0.key, value: $0.value) }
    }

    package var count: Int { members.count }

    package subscript(key: String) -> TemplateValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return members[index].value
        }
        set {
            if let index = index(of: key) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    @inline(__always)
    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
            return index
        }
        return nil
    }

    /// Equal members, in any order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.members.count == rhs.members.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}
