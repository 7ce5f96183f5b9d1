import Foundation

/// Runs the whole pipeline in memory: config, discovery, front matter, resolution,
/// Markdown, archives, templates. Touches the disk only to read.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() -> BuildResult {
        BuildResult(files: [], diagnostics: [], statistics: BuildStatistics()) // STUB
    }
}
