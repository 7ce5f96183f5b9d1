/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// A file copied verbatim from this absolute path.
        case copy(from: String)
        /// Made when first asked for (`portal serve` renders only the pages a browser opens).
        case deferred(DeferredContent)
    }

    /// Path relative to the output folder, no leading slash (`zh-hans/index.html`).
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Array(text.utf8)))
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
