import Foundation
import PortalText
import PortalSources
import PortalMarkdown
import PortalSite
import PortalRender

/// The site model that deferred pages and feeds render from; `portal serve`
/// swaps it when a page's body changes, so every open page sees the new one.
package final class ModelBox: @unchecked Sendable {
    private let current: Locked<SiteModel>

    package init(_ model: SiteModel) {
        current = Locked(model)
    }

    package var model: SiteModel {
        get { current.value }
        set { current.set(newValue) }
    }
}

/// What the last good build of `portal serve` keeps so that an edit to the body
/// of a page costs one parse and one Markdown render, not a build.
package struct LiveSite: Sendable {
    package let box: ModelBox
    package var files: [OutputFile]
    /// Diagnostics other than broken links, which are kept per file below.
    package let otherDiagnostics: [Diagnostic]
    package private(set) var linkWarnings: [String: [Diagnostic]]
    package var checker: LinkChecker
    package let parser: DocumentParser
    package let renderer: MarkdownRenderer
    package let index: LinkIndex
    package let configKey: Int
    package let linkKey: Int
    /// Site-relative source path -> ids of the pages made from it (a fallback copy shares its source).
    package let pagesBySource: [String: [Int]]
    package let statistics: BuildStatistics
    /// Absolute paths of the files copied as they are (read from disk when served).
    package let copiedSources: Set<String>

    /// Everything found, sorted for display; kept, since sorting thousands of warnings
    /// again after every keystroke would cost more than the edit itself.
    package private(set) var diagnostics: [Diagnostic] = []

    package init(box: ModelBox, files: [OutputFile], otherDiagnostics: [Diagnostic], linkWarnings: [String: [Diagnostic]],
         checker: LinkChecker, parser: DocumentParser, renderer: MarkdownRenderer, index: LinkIndex,
         configKey: Int, linkKey: Int, pagesBySource: [String: [Int]], statistics: BuildStatistics) {
        self.box = box
        self.files = files
        self.otherDiagnostics = otherDiagnostics
        self.linkWarnings = linkWarnings
        self.checker = checker
        self.parser = parser
        self.renderer = renderer
        self.index = index
        self.configKey = configKey
        self.linkKey = linkKey
        self.pagesBySource = pagesBySource
        self.statistics = statistics
        var copied = Set<String>()
        for file in files { if case let .copy(from) = file.content { copied.insert(from) } }
        copiedSources = copied
        sortDiagnostics()
    }

    /// Replaces the link warnings of one Markdown file; true when they changed.
    package mutating func setLinkWarnings(_ warnings: [Diagnostic], for file: String) -> Bool {
        guard (linkWarnings[file] ?? []) != warnings else { return false }
        linkWarnings[file] = warnings.isEmpty ? nil : warnings
        return true
    }

    package mutating func sortDiagnostics() {
        diagnostics = (otherDiagnostics + linkWarnings.values.flatMap { $0 }).sortedForDisplay()
    }
}
