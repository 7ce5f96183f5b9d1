/// One of the site's languages, by its place in `SiteConfig.languages`. Only the
/// configuration makes them, so storage kept per language never misses one.
public struct LanguageID: Hashable, Comparable, Sendable {
    public let index: Int

    package init(index: Int) {
        self.index = index
    }

    public static func < (lhs: LanguageID, rhs: LanguageID) -> Bool { lhs.index < rhs.index }
}

/// One value for each language of a site, read and written by `LanguageID`.
public struct PerLanguage<Value: Sendable>: Sendable {
    private var values: [Value]

    public init(_ config: SiteConfig, _ make: (LanguageID) throws -> Value) rethrows {
        values = try config.languageIDs.map(make)
    }

    public subscript(_ id: LanguageID) -> Value {
        get { values[id.index] }
        // Changed in place: with a plain setter, `lists[language].append(x)` in another
        // module copies the whole list out and back for each element added.
        _modify { yield &values[id.index] }
    }

    public var ids: [LanguageID] { values.indices.map(LanguageID.init) }

    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> PerLanguage<T> {
        PerLanguage<T>(values: try values.map(transform))
    }

    private init(values: [Value]) {
        self.values = values
    }
}

extension SiteConfig {
    /// Every language, in output order.
    public var languageIDs: [LanguageID] { languages.indices.map(LanguageID.init) }

    /// The language whose code matches `code` case-insensitively.
    public func languageID(matching code: String) -> LanguageID? {
        let lowered = code.lowercased()
        return languages.firstIndex { $0.code.lowercased() == lowered }.map(LanguageID.init)
    }

    /// The language `defaultLanguage` names (the first one when it names none).
    public var defaultLanguageID: LanguageID {
        languageID(matching: defaultLanguage) ?? LanguageID(index: 0)
    }

    public subscript(_ id: LanguageID) -> LanguageConfig { languages[id.index] }
}
