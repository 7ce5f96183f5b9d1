import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// Renders with default options unless told otherwise.
func renderMarkdown(
    _ markdown: String,
    unsafe: Bool = false,
    chinese: ChineseOptions = ChineseOptions(),
    links: (any LinkRewriting)? = nil
) -> RenderedMarkdown {
    MarkdownRenderer.prepare()
    return MarkdownRenderer(options: MarkdownOptions(unsafe: unsafe), chinese: chinese).render(markdown, links: links)
}

/// Records every rewrite call and prefixes root-relative destinations.
final class RecordingRewriter: LinkRewriting, @unchecked Sendable {
    struct Call: Equatable {
        var destination: String
        var isImage: Bool
        var line: Int
    }

    private let lock = NSLock()
    private var recorded: [Call] = []

    var calls: [Call] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func rewrite(_ destination: String, isImage: Bool, line: Int) -> String? {
        lock.lock()
        recorded.append(Call(destination: destination, isImage: isImage, line: line))
        lock.unlock()
        if destination.hasPrefix("/") { return "/base" + destination }
        if isImage && !destination.contains(":") { return "/media/" + destination }
        return nil
    }
}
