import Foundation
import PortalText
import PortalSite
import PortalSources

/// What `portal build` and `portal serve` ask of a build.
public struct BuildOptions: Sendable {
    /// The site folder (holds `site.toml` and `content/`).
    public var sourceRoot: String
    /// Replaces `baseURL` of `site.toml` when set.
    public var baseURL: String?
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Build pages whose `expiryDate` has passed (`--expired`).
    public var includeExpired: Bool
    /// The moment "future" is measured against.
    public var now: Date
    /// Treat warnings as errors.
    public var strict: Bool

    public init(sourceRoot: String, baseURL: String? = nil, includeDrafts: Bool = false, includeFuture: Bool = false, includeExpired: Bool = false,
                now: Date = Date(), strict: Bool = false) {
        self.sourceRoot = sourceRoot
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.includeExpired = includeExpired
        self.now = now
        self.strict = strict
    }
}

/// A built site held in memory, with everything found wrong on the way.
public struct BuildResult: Sendable {
    /// Sorted by path.
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
    public var statistics: BuildStatistics

    public init(files: [OutputFile], diagnostics: [Diagnostic], statistics: BuildStatistics) {
        self.files = files
        self.diagnostics = diagnostics
        self.statistics = statistics
    }

    /// True when the result must not be published (errors, or warnings under `strict`).
    public var failed: Bool { diagnostics.hasErrors }
}

/// Counts and stage times printed after a build.
public struct BuildStatistics: Sendable {
    /// Pages per language code.
    public var pagesPerLanguage: [(language: String, pages: Int)] = []
    public var archivePages: Int = 0
    public var staticFiles: Int = 0
    public var aliases: Int = 0
    /// Set when `portal serve` only re-rendered the Markdown of these many pages
    /// (the files are those of the previous build, reading the new pages).
    public var patchedPages: Int?
    /// Stage name and seconds, in pipeline order.
    public var stageTimes: [(stage: String, seconds: Double)] = []

    public init() {}
}

/// The moment a build is made at, as `--now` gives it.
public enum BuildTime {
    /// `2026-01-01T00:00:00Z`, `2026-01-01T08:00:00+08:00` or `2026-01-01` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        FrontMatterDate.parse(text, timeZone: TimeZone(identifier: "UTC")!)?.date
    }
}
