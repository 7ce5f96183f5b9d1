import PortalText

/// What the built site offers to link to: its output files, and the heading ids
/// of the pages among them. Built once per build; every lookup is a hash lookup.
public struct LinkTargets: Sendable {
    /// Output path (`en/posts/a/index.html`) -> index into `files`.
    package let files: [String: Int]
    package let contents: [OutputFile.Content]
    /// Output path of a page -> the ids of its headings (level 2 and deeper).
    package private(set) var headings: [String: [String]]
    /// Output path of a page -> its Markdown file, for messages.
    package let pageFiles: [String: String]

    public init(files: [OutputFile], pages: [(outputPath: String, file: String, headingIDs: [String])]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(files.count)
        for i in files.indices where index[files[i].path] == nil {
            index[files[i].path] = i
        }
        self.files = index
        contents = files.map(\.content)
        var headings: [String: [String]] = [:]
        var pageFiles: [String: String] = [:]
        for page in pages where pageFiles[page.outputPath] == nil {
            headings[page.outputPath] = page.headingIDs
            pageFiles[page.outputPath] = page.file
        }
        self.headings = headings
        self.pageFiles = pageFiles
    }

    package func contains(_ outputPath: String) -> Bool { files[outputPath] != nil }

    /// After one page's Markdown changed (`portal serve`): its new heading ids.
    package mutating func setHeadings(_ ids: [String], for outputPath: String) {
        if headings[outputPath] != nil { headings[outputPath] = ids }
    }

    /// Whether the file at `outputPath` has an element with this id. Heading ids
    /// answer first; otherwise the HTML is searched (ids from the theme, raw HTML,
    /// footnotes, first-level headings), which only links that look broken cost.
    package func hasAnchor(_ id: String, in outputPath: String) -> Bool {
        if headings[outputPath]?.contains(id) == true { return true }
        // Anchors are only checked in HTML the build wrote (not in copied files or feeds).
        guard outputPath.hasSuffix(".html"), let i = files[outputPath] else { return true }
        let bytes: [UInt8]
        switch contents[i] {
        case let .bytes(stored): bytes = stored
        case let .deferred(content): bytes = content.bytes()
        case .copy: return true
        }
        let escaped = HTMLEscaping.escape(id)
        return Self.find(Array("id=\"\(escaped)\"".utf8), in: bytes)
            || Self.find(Array("name=\"\(escaped)\"".utf8), in: bytes)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
