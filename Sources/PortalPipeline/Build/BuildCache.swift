import Foundation
import PortalText
import PortalSources
import PortalMarkdown

/// Results of earlier builds kept between rebuilds (`portal serve`): parsed
/// documents and rendered Markdown per source, reused while the file, the
/// configuration and the set of linkable pages are unchanged.
public final class BuildCache: @unchecked Sendable {
    package struct Entry {
        package var source: SourceFile
        package var stamp: FileStamp
        package var configKey: Int
        package var parsed: (document: Document?, diagnostics: [Diagnostic])
        /// Rendered body and link warnings, valid for `linkKey` only.
        package var rendered: (markdown: RenderedMarkdown, warnings: [Diagnostic], linkKey: Int)?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var tally = Counters()
    private var liveSite: LiveSite?

    /// The last good build of `portal serve`, for the quick path; nil after a failed one.
    package var live: LiveSite? {
        get { lock.withLock { liveSite } }
        set { lock.withLock { liveSite = newValue } }
    }

    /// How often the cache answered and how often it had to work (for tests and timings).
    public struct Counters: Sendable, Equatable {
        public var parseHits = 0
        public var parseMisses = 0
        public var renderHits = 0
        public var renderMisses = 0
    }

    public init() {}

    public var counters: Counters {
        lock.withLock { tally }
    }

    /// Forgets everything (used when a rebuild must start from scratch).
    public func removeAll() {
        lock.withLock {
            entries.removeAll()
            liveSite = nil
        }
    }

    /// The parse of `source`, from the cache when its size and mtime and the configuration are unchanged.
    package func parsed(_ source: SourceFile, configKey: Int, orMake make: () -> (Document?, [Diagnostic])) -> (Document?, [Diagnostic]) {
        let stamp = FileStamp(path: source.absolutePath)
        if let stamp {
            let hit: (Document?, [Diagnostic])? = lock.withLock {
                guard let entry = entries[source.absolutePath], entry.stamp == stamp,
                      entry.configKey == configKey, entry.source == source else { return nil }
                tally.parseHits += 1
                return entry.parsed
            }
            if let hit { return hit }
        }
        let result = make()
        lock.withLock {
            tally.parseMisses += 1
            if let stamp {
                entries[source.absolutePath] = Entry(source: source, stamp: stamp, configKey: configKey, parsed: result, rendered: nil)
            } else {
                entries[source.absolutePath] = nil
            }
        }
        return result
    }

    /// The rendered body of the page parsed from `source`, reused while the link key is unchanged.
    package func rendered(_ source: SourceFile, linkKey: Int, orMake make: () -> (RenderedMarkdown, [Diagnostic])) -> (RenderedMarkdown, [Diagnostic]) {
        let hit: (RenderedMarkdown, [Diagnostic])? = lock.withLock {
            guard let rendered = entries[source.absolutePath]?.rendered, rendered.linkKey == linkKey else { return nil }
            tally.renderHits += 1
            return (rendered.markdown, rendered.warnings)
        }
        if let hit { return hit }
        let result = make()
        lock.withLock {
            tally.renderMisses += 1
            // Only attach to an entry made by this build's parse; otherwise do not cache.
            entries[source.absolutePath]?.rendered = (result.0, result.1, linkKey)
        }
        return result
    }

    /// Drops entries of sources that no longer exist.
    package func prune(keeping sources: [SourceFile]) {
        let alive = Set(sources.map(\.absolutePath))
        lock.withLock {
            entries = entries.filter { alive.contains($0.key) }
        }
    }
}
