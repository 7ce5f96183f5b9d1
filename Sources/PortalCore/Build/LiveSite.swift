import Foundation

/// The site model that deferred pages and feeds render from; `portal serve`
/// swaps it when a page's body changes, so every open page sees the new one.
final class ModelBox: @unchecked Sendable {
    private let lock = NSLock()
    private var current: SiteModel

    init(_ model: SiteModel) {
        current = model
    }

    var model: SiteModel {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}

/// What the last good build of `portal serve` keeps so that an edit to the body
/// of a page costs one parse and one Markdown render, not a build.
struct LiveSite: Sendable {
    let box: ModelBox
    let files: [OutputFile]
    /// Diagnostics other than broken links, which are kept per file below.
    let otherDiagnostics: [Diagnostic]
    var linkWarnings: [String: [Diagnostic]]
    var checker: LinkChecker
    let parser: DocumentParser
    let renderer: MarkdownRenderer
    let index: LinkIndex
    let configKey: Int
    let linkKey: Int
    /// Site-relative source path -> ids of the pages made from it (a fallback copy shares its source).
    let pagesBySource: [String: [Int]]
    let statistics: BuildStatistics

    var diagnostics: [Diagnostic] {
        otherDiagnostics + linkWarnings.keys.sorted().flatMap { linkWarnings[$0] ?? [] }
    }
}
