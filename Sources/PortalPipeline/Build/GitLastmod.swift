import Foundation
import PortalText

/// `[git] lastmod`: the date of the last commit that changed each file, from one
/// `git log` over the whole site folder (not one process per file).
package enum GitLastmod {
    package struct Result: Sendable {
        /// Path relative to the site folder (`content/posts/a.md`) -> commit time.
        package var dates: [String: Date] = [:]
        /// Why no dates could be read (no git, not a repository), for one warning.
        package var problem: String?
    }

    package static func read(siteRoot: String) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Newest commit first; `--relative` gives paths from the site folder and keeps to it.
        process.arguments = ["git", "-c", "core.quotePath=false", "-C", siteRoot, "log", "--relative", "--name-only",
                             "--no-renames", "--format=%x01%ct"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Result(problem: "git could not be run (\(error.localizedDescription))")
        }
        // Read to the end before waiting: a large history fills the pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = message.split(separator: "\n").first.map(String.init) ?? "git log failed"
            return Result(problem: reason.hasPrefix("fatal: ") ? String(reason.dropFirst(7)) : reason)
        }
        return Result(dates: parse(data))
    }

    /// `\u{1}<seconds>` lines start a commit; the names after it are the files it changed.
    package static func parse(_ data: Data) -> [String: Date] {
        var dates: [String: Date] = [:]
        var current: Date?
        for line in data.split(separator: 0x0A) {
            if line.first == 0x01 {
                current = Int(String(decoding: line.dropFirst(), as: UTF8.self)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
            } else if let current, !line.isEmpty {
                let path = String(decoding: line, as: UTF8.self)
                if dates[path] == nil { dates[path] = current }
            }
        }
        return dates
    }
}
