import Foundation
import PortalText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches the site's sources by comparing sizes and modification times
/// (where inotify is unavailable). `stat` costs about 2 µs per file.
final class PollingWatcher: ChangeWatcher, @unchecked Sendable {
    let changes = ChangeBuffer()
    private let root: String
    private let folders: [String]
    private let interval: Duration
    private let quietPeriod: Duration
    private let stopped = Locked(false)

    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    init(root: String, interval: Duration, quietPeriod: Duration) {
        folders = ServeOptions.watchedFolders(siteRoot: root)
        self.root = root
        self.interval = interval
        self.quietPeriod = quietPeriod
        let thread = Thread { [self] in self.loop() }
        thread.name = "portal-poll"
        thread.start()
    }

    func stop() {
        stopped.set(true)
    }

    private var isStopped: Bool { stopped.value }

    private func loop() {
        defer { changes.finish() }
        var known = scan()
        while !isStopped {
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            var current = scan()
            var changed = Self.difference(known, current)
            guard !changed.isEmpty else { continue }
            // Wait for the burst to end before reporting it.
            while !isStopped {
                Thread.sleep(forTimeInterval: Double(quietPeriod.milliseconds) / 1000)
                let next = scan()
                let more = Self.difference(current, next)
                current = next
                if more.isEmpty { break }
                changed.formUnion(more)
            }
            known = current
            changes.add(changed.sorted())
        }
    }

    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Every watched file, site-relative, with its stamp.
    func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for file in ServeOptions.watchedFiles {
            if let stamp = Self.stamp(root + "/" + file) { result[file] = stamp }
        }
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                if ServeOptions.isNoise(name) { continue }
                let path = folder + "/" + relative
                if let stamp = Self.stamp(root + "/" + path) { result[path] = stamp }
            }
        }
        return result
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Stamp(size: Int(info.st_size), seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec)
        #else
        return Stamp(size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        #endif
    }
}
