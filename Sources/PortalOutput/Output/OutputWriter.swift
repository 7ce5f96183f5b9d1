#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PortalText
import PortalSite

/// Writes a built site to disk all at once: into a staging folder, then swapped in.
public enum OutputWriter {
    /// Writes `files` as the whole content of `outputDir`.
    ///
    /// Everything goes to `<outputDir>.tmp-<pid>-<random>` first, beginning with the
    /// marker (`OutputFolder.markerName`); only when every file is written does the new
    /// folder take the place of the old one, in one atomic exchange where the file system
    /// offers it, and the old one is deleted. On any failure the staging folder is removed
    /// and `outputDir` is left exactly as it was. A folder that is not empty and carries
    /// no marker is refused, and what killed builds left beside `outputDir` is removed.
    public static func write(_ files: [OutputFile], to outputDir: String) throws {
        try write(files, to: outputDir, exchange: FolderExchange.exchange)
    }

    /// `write`, with the exchange to use (tests stand in a file system that refuses it).
    @discardableResult
    package static func write(_ files: [OutputFile], to outputDir: String, exchange: (String, String) -> Int32) throws -> FolderExchange.Method? {
        let target = normalizedFolder(outputDir)
        let plan = try FolderPlan(files)
        let existing = FileOperations.kind(of: target)
        if existing.exists && !existing.isDirectory {
            throw OutputWriteError(.conflictingPaths, path: outputDir, message: "exists and is not a folder")
        }
        if existing.exists && !OutputFolder.isMarked(target) && !OutputFolder.isEmptyFolder(target) {
            throw OutputWriteError(.notAnOutput, path: outputDir, message: "is not empty and was not written by portal (it holds no \(OutputFolder.markerName))")
        }
        let parent = FileOperations.parentPath(of: target)
        if let failure = FileOperations.makeDirectories(parent) {
            throw OutputWriteError(.system, path: parent, message: failure)
        }
        OutputFolder.removeLeftovers(of: target)

        let staging = uniqueSibling(of: target, tag: "tmp")
        BuildInterrupts.register(staging)
        defer { BuildInterrupts.unregister(staging) }
        if let failure = FileOperations.makeDirectory(staging) {
            throw OutputWriteError(.system, path: staging, message: failure)
        }
        do {
            if let failure = FileOperations.writeNewFile(at: staging + "/" + OutputFolder.markerName, bytes: Array(OutputFolder.markerText.utf8)) {
                throw OutputWriteError(.system, path: OutputFolder.markerName, message: failure)
            }
            try fill(staging, with: files, plan: plan)
            return try swapIn(staging, as: target, replacing: existing.exists, exchange: exchange)
        } catch {
            OutputFolder.removeOutputTree(staging)
            throw error
        }
    }

    package static func normalizedFolder(_ path: String) -> String {
        var folder = path
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "." : folder
    }

    package static func uniqueSibling(of target: String, tag: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return "\(target).\(tag)-\(ProcessInfo.processInfo.processIdentifier)-\(random)"
    }

    /// Creates the folders (parents first, one depth at a time), then writes files in parallel.
    package static func fill(_ staging: String, with files: [OutputFile], plan: FolderPlan) throws {
        let folders = plan.folders
        for level in plan.levels {
            // One thread per parent folder (creating entries in one folder takes its lock),
            // the biggest parents first, ties in the order of the plan.
            let groups = level.enumerated().sorted { ($0.element.folders.count, $1.offset) > ($1.element.folders.count, $0.offset) }.map(\.element)
            let failures = parallelMap(groups, oneByOne: true) { group -> OutputWriteError? in
                do throws(OutputWriteError) {
                    for folder in group.folders { try makeFolder(staging, folders[folder].path) }
                } catch {
                    return error
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }

        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Small chunks: pages are rendered here too, and list pages cost more than posts.
        let chunkCount = cores * 32
        let chunkSize = max(1, (files.count + chunkCount - 1) / chunkCount)
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map { $0..<min($0 + chunkSize, files.count) }
        let failures = parallelMap(chunks, oneByOne: true) { range -> OutputWriteError? in
            for index in range {
                let file = files[index]
                let destination = staging + "/" + file.path
                let failure: String?
                switch file.content {
                case let .bytes(bytes): failure = FileOperations.writeNewFile(at: destination, bytes: bytes)
                case let .copy(source): failure = FileOperations.copyFile(from: source, to: destination)
                case let .deferred(content): failure = FileOperations.writeNewFile(at: destination, bytes: content.bytes())
                }
                if let failure { return OutputWriteError(.system, path: file.path, message: failure) }
            }
            return nil
        }
        // The first failure in input order, whatever thread found it first.
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    private static func makeFolder(_ staging: String, _ folder: Substring) throws(OutputWriteError) {
        if let failure = FileOperations.makeDirectory(staging + "/" + folder) {
            throw OutputWriteError(.system, path: String(folder), message: failure)
        }
    }

    /// Puts `staging` at `target`, keeping the old folder until the new one is in place:
    /// one exchange of the two, or where the file system refuses it, two renames.
    /// Returns how, or nil when there was no old folder (one rename).
    package static func swapIn(_ staging: String, as target: String, replacing: Bool, exchange: (String, String) -> Int32 = FolderExchange.exchange) throws -> FolderExchange.Method? {
        guard replacing else {
            try BuildInterrupts.whileSwapping {
                if let failure = FileOperations.renameItem(staging, to: target) {
                    throw OutputWriteError(.system, path: target, message: failure)
                }
                BuildInterrupts.outputReplaced()
            }
            return nil
        }
        // After an exchange the staging path holds the previous output.
        var old = staging
        let method: FolderExchange.Method = try BuildInterrupts.whileSwapping {
            let code = exchange(staging, target)
            if code == 0 {
                BuildInterrupts.outputReplaced()
                return .exchange
            }
            guard FolderExchange.isUnsupported(code) else {
                throw OutputWriteError(.system, path: target, message: String(cString: strerror(code)))
            }
            let aside = uniqueSibling(of: target, tag: "old")
            if let failure = FileOperations.renameItem(target, to: aside) {
                throw OutputWriteError(.system, path: target, message: "cannot move the previous output aside: \(failure)")
            }
            BuildInterrupts.register(aside)
            if let failure = FileOperations.renameItem(staging, to: target) {
                // Put the previous output back before reporting.
                _ = FileOperations.renameItem(aside, to: target)
                BuildInterrupts.unregister(aside)
                throw OutputWriteError(.system, path: target, message: failure)
            }
            old = aside
            BuildInterrupts.outputReplaced()
            return .renames
        }
        OutputFolder.removeOutputTree(old)
        if old != staging { BuildInterrupts.unregister(old) }
        return method
    }
}
