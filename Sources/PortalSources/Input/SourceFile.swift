/// A Markdown source found under `content/`, with what its name tells.
public struct SourceFile: Sendable, Hashable {
    /// Absolute path on disk.
    public var absolutePath: String
    /// Path relative to the site root (`content/posts/a.en.md`), used in messages.
    public var sitePath: String
    /// Path relative to `content/` (`posts/a.en.md`).
    public var contentPath: String
    /// Configured language code (`zh-Hans`).
    public var language: String
    /// `contentPath` with the language removed (suffix or top folder) and no
    /// extension: two files with the same key are translations (`posts/a`).
    public var translationPath: String
    /// `.txt` files hold Markdown too, but never front matter-free titles from `#`.
    public var isPlainText: Bool
    /// Where the folder this file was read from appears under `content/` (a mount's
    /// `target`, language folder excluded): `docs/next`; "" for `content/` itself.
    public var mountTarget: String = ""
    /// An `.html` content file with front matter (Hugo renders these as pages): its body
    /// is HTML, shown under the `[markdown] unsafe` rule for raw HTML.
    public var isHTML = false

    public init(absolutePath: String, sitePath: String, contentPath: String, language: String, translationPath: String, isPlainText: Bool = false,
                mountTarget: String = "") {
        self.absolutePath = absolutePath
        self.sitePath = sitePath
        self.contentPath = contentPath
        self.language = language
        self.translationPath = translationPath
        self.isPlainText = isPlainText
        self.mountTarget = mountTarget
    }

    /// File name without folders (`a.en.md`).
    public var fileName: String {
        contentPath.splitUTF8("/").last.map(String.init) ?? contentPath
    }

    /// Whether the body is MDX: an `.mdx` file, or any page of a Docusaurus tree (a
    /// folder mounted at a place, where Docusaurus reads `.md` as MDX too).
    public var isMDX: Bool { contentPath.hasSuffix(".mdx") || !mountTarget.isEmpty }

    /// Whether this is a section's `_index.md`.
    public var isSectionIndex: Bool { translationPath == "_index" || translationPath.hasSuffix("/_index") }

    /// Whether this is a page bundle's `index.md`.
    public var isBundleIndex: Bool { translationPath == "index" || translationPath.hasSuffix("/index") }
}

/// A file under `content/` or `static/` that is copied, not rendered.
public struct StaticAsset: Sendable, Hashable {
    public var absolutePath: String
    /// Path relative to `content/` or `static/` (`posts/images/a.jpg`).
    public var relativePath: String
    public var fromContent: Bool

    public init(absolutePath: String, relativePath: String, fromContent: Bool) {
        self.absolutePath = absolutePath
        self.relativePath = relativePath
        self.fromContent = fromContent
    }
}
