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

    private struct State {
        package var entries: [String: Entry] = [:]
        package var tally = Counters()
        package var liveSite: LiveSite?
        package var git: GitLastmod.Result?
    }

    private let state = Locked(State())

    /// `[git] lastmod` dates, read once for the life of the cache.
    package func gitLastmod(siteRoot: String) -> GitLastmod.Result {
        if let known = state.withLock({ $0.git }) { return known }
        let read = GitLastmod.read(siteRoot: siteRoot)
        state.withLock { $0.git = read }
        return read
    }

    /// The last good build of `portal serve`, for the quick path; nil after a failed one.
    package var live: LiveSite? {
        get { state.withLock { $0.liveSite } }
        set { state.withLock { $0.liveSite = newValue } }
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
        state.withLock { $0.tally }
    }

    /// Forgets everything (used when a rebuild must start from scratch).
    public func removeAll() {
        state.withLock {
            $0.entries.removeAll()
            $0.liveSite = nil
        }
    }

    /// The parse of `source`, from the cache when its size and mtime and the configuration are unchanged.
    package func parsed(_ source: SourceFile, configKey: Int, orMake make: () -> (Document?, [Diagnostic])) -> (Document?, [Diagnostic]) {
        let stamp = FileStamp(path: source.absolutePath)
        if let stamp {
            let hit: (Document?, [Diagnostic])? = state.withLock { state in
                guard let entry = state.entries[source.absolutePath], entry.stamp == stamp,
                      entry.configKey == configKey, entry.source == source else { return nil }
                state.tally.parseHits += 1
                return entry.parsed
            }
            if let hit { return hit }
        }
        let result = make()
        state.withLock { state in
            state.tally.parseMisses += 1
            if let stamp {
                state.entries[source.absolutePath] = Entry(source: source, stamp: stamp, configKey: configKey, parsed: result, rendered: nil)
            } else {
                state.entries[source.absolutePath] = nil
            }
        }
        return result
    }

    /// The rendered body of the page parsed from `source`, reused while the link key is unchanged.
    package func rendered(_ source: SourceFile, linkKey: Int, orMake make: () -> (RenderedMarkdown, [Diagnostic])) -> (RenderedMarkdown, [Diagnostic]) {
        let hit: (RenderedMarkdown, [Diagnostic])? = state.withLock { state in
            guard let rendered = state.entries[source.absolutePath]?.rendered, rendered.linkKey == linkKey else { return nil }
            state.tally.renderHits += 1
            return (rendered.markdown, rendered.warnings)
        }
        if let hit { return hit }
        let result = make()
        state.withLock { state in
            state.tally.renderMisses += 1
            // Only attach to an entry made by this build's parse; otherwise do not cache.
            state.entries[source.absolutePath]?.rendered = (result.0, result.1, linkKey)
        }
        return result
    }

    /// Drops entries of sources that no longer exist.
    package func prune(keeping sources: [SourceFile]) {
        let alive = Set(sources.map(\.absolutePath))
        state.withLock { state in
            state.entries = state.entries.filter { alive.contains($0.key) }
        }
    }
}
