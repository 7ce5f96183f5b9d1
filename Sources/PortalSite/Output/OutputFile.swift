import PortalText

/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// A file copied verbatim from this absolute path.
        case copy(from: String)
        /// Made when first asked for (`portal serve` renders only the pages a browser opens).
        case deferred(DeferredContent)
    }

    /// What made a file, for messages: the source file (and the line of the front-matter
    /// key) it comes from, or the part of the build that generated it.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        /// The site-relative path of the source file (`content/posts/a.md`), if there is one.
        public var source: String?
        /// The line of the front-matter key that named the file (a tag, an author, an alias).
        public var line: Int?
        /// What the file is for its source (`tag 'dapr'`), or what generated it (`feed`).
        public var note: String?

        /// A file made from `path`; `note` says how (`alias 'old/'`).
        public static func source(_ path: String, line: Int? = nil, note: String? = nil) -> Origin {
            Origin(source: path, line: line, note: note)
        }

        /// A file no source names (`(feed)`, `(generated en/tags/index.html)`).
        public static func generated(_ what: String) -> Origin {
            Origin(source: nil, line: nil, note: what)
        }

        /// `content/a.md:4 (tag 'x')`, `content/a.md`, or `(the list of tags)`.
        public var description: String {
            guard let source else { return "(" + (note ?? "generated") + ")" }
            return source + (line.map { ":\($0)" } ?? "") + (note.map { " (\($0))" } ?? "")
        }

        /// Where a message about the file points: its source and line, if it has a source.
        public var location: SourceLocation? {
            source.map { SourceLocation(path: $0, line: line ?? 1) }
        }

        /// What the file is, for a sentence: `tag 'x' of content/a.md:4`, `the list of tags`.
        public var what: String {
            guard let source else { return note ?? "generated" }
            guard let note else { return description }
            return note + " of " + source + (line.map { ":\($0)" } ?? "")
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
