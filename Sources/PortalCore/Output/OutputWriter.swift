import Foundation

/// Writes a built site to disk all at once: into a staging folder, then swapped in.
public enum OutputWriter {
    /// Writes `files` as the whole content of `outputDir`.
    ///
    /// Everything goes to `<outputDir>.tmp-<pid>-<random>` first; only when every
    /// file is written is the old folder renamed aside, the new one renamed into
    /// place and the old one deleted. On any failure the staging folder is removed
    /// and `outputDir` is left exactly as it was.
    public static func write(_ files: [OutputFile], to outputDir: String) throws {
        let target = normalizedFolder(outputDir)
        let plan = try FolderPlan(files)
        let existing = FileOperations.kind(of: target)
        if existing.exists && !existing.isDirectory {
            throw OutputWriteError(.conflictingPaths, path: outputDir, message: "exists and is not a folder")
        }
        let parent = FileOperations.parentPath(of: target)
        if let failure = FileOperations.makeDirectories(parent) {
            throw OutputWriteError(.system, path: parent, message: failure)
        }

        let staging = uniqueSibling(of: target, tag: "tmp")
        if let failure = FileOperations.makeDirectory(staging) {
            throw OutputWriteError(.system, path: staging, message: failure)
        }
        do {
            try fill(staging, with: files, plan: plan)
            try swapIn(staging, as: target, replacing: existing.exists)
        } catch {
            removeTree(staging)
            throw error
        }
    }

    static func normalizedFolder(_ path: String) -> String {
        var folder = path
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "." : folder
    }

    static func uniqueSibling(of target: String, tag: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return "\(target).\(tag)-\(ProcessInfo.processInfo.processIdentifier)-\(random)"
    }

    /// Creates the folders (parents first, one depth at a time), then writes files in parallel.
    static func fill(_ staging: String, with files: [OutputFile], plan: FolderPlan) throws {
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

    /// Puts `staging` at `target`, keeping the old folder until the new one is in place.
    static func swapIn(_ staging: String, as target: String, replacing: Bool) throws {
        guard replacing else {
            if let failure = FileOperations.renameItem(staging, to: target) {
                throw OutputWriteError(.system, path: target, message: failure)
            }
            return
        }
        let aside = uniqueSibling(of: target, tag: "old")
        if let failure = FileOperations.renameItem(target, to: aside) {
            throw OutputWriteError(.system, path: target, message: "cannot move the previous output aside: \(failure)")
        }
        if let failure = FileOperations.renameItem(staging, to: target) {
            // Put the previous output back before reporting.
            _ = FileOperations.renameItem(aside, to: target)
            throw OutputWriteError(.system, path: target, message: failure)
        }
        removeTreeInParallel(aside)
    }

    /// Deleting thousands of files is slow on disk; spread the subtrees over the cores.
    static func removeTreeInParallel(_ path: String) {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        _ = parallelMap(children) { FileOperations.removeTree(path + "/" + $0) }
        FileOperations.removeTree(path)
    }

    static func removeTree(_ path: String) {
        FileOperations.removeTree(path)
    }
}
