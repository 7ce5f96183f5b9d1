/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// A file copied verbatim from this absolute path.
        case copy(from: String)
        /// Made when first asked for (`portal serve` renders only the pages a browser opens).
        case deferred(DeferredContent)
    }

    /// What made a file, for messages: the source file it comes from, or the part of
    /// the build that generated it.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        /// The site-relative path of the source file (`content/posts/a.md`), if there is one.
        public var source: String?
        public var description: String

        /// A file made from `path`; `note` says how (`alias 'old/'`).
        public static func source(_ path: String, note: String? = nil) -> Origin {
            Origin(source: path, description: path + (note.map { " (\($0))" } ?? ""))
        }

        /// A file no source names (`(feed)`, `(generated en/tags/index.html)`).
        public static func generated(_ what: String) -> Origin {
            Origin(source: nil, description: "(" + what + ")")
        }
    }

    /// Path relative to the output folder, no leading slash (`zh-hans/index.html`).
    public var path: String
    public var content: Content
    public var origin: Origin

    public init(path: String, content: Content, origin: Origin? = nil) {
        self.path = path
        self.content = content
        self.origin = origin ?? .generated("generated " + path)
    }

    public init(path: String, text: String, origin: Origin? = nil) {
        self.init(path: path, content: .bytes(Array(text.utf8)), origin: origin)
    }
}

/// The bytes of a file, produced on demand; equal only to itself.
public final class DeferredContent: Sendable, Hashable {
    private let make: @Sendable () -> [UInt8]

    public init(_ make: @escaping @Sendable () -> [UInt8]) {
        self.make = make
    }

    public func bytes() -> [UInt8] { make() }

    public static func == (lhs: DeferredContent, rhs: DeferredContent) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
