import Foundation
import PortalText
import PortalSite

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

    package static func normalizedFolder(_ path: String) -> String {
        var folder = path
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "." : folder
    }

    package static func uniqueSibling(of target: String, tag: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return "\(target).\(tag)-\(ProcessInfo.processInfo.processIdentifier)-\(random)"
    }

    /// The inodes (folders and files) placed together in one block group (see `makeSpread`);
    /// a folder whose tree holds more, in two or more subfolders, is spread.
    package static let inodesPerGroup = 16

    /// Creates the folders (parents first, one depth at a time), then writes files in parallel.
    package static func fill(_ staging: String, with files: [OutputFile], plan: FolderPlan) throws {
        let folders = plan.folders
        // The folders that took the spreading attribute (none on file systems without it).
        var spread = Set<Int>()
        if plan.spreadRoot, FileOperations.spreadSubfolders(of: staging) { spread.insert(FolderPlan.root) }
        for level in plan.levels {
            // One thread per parent folder (creating entries in one folder takes its lock),
            // the biggest parents first, ties in the order of the plan.
            let groups = level.enumerated().sorted { ($0.element.folders.count, $1.offset) > ($1.element.folders.count, $0.offset) }.map(\.element)
            let spreadParents = spread
            let outcomes = parallelMap(groups, oneByOne: true) { group -> Result<[Int], OutputWriteError> in
                do throws(OutputWriteError) {
                    if spreadParents.contains(group.parent) {
                        try makeSpread(group.folders, in: group.parent, plan: plan, staging: staging)
                    } else {
                        for folder in group.folders { try makeFolder(staging, folders[folder].path) }
                    }
                } catch {
                    return .failure(error)
                }
                return .success(group.folders.filter { folders[$0].spread && FileOperations.spreadSubfolders(of: staging + "/" + folders[$0].path) })
            }
            for outcome in outcomes {
                switch outcome {
                case let .success(marked): spread.formUnion(marked)
                case let .failure(failure): throw failure
                }
            }
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

    /// Makes the subfolders of a spread folder. ext4 places a new subfolder of a folder
    /// marked `T` by looking over every block group of the disk (which costs more than the
    /// rest of making it), and a subfolder of an unmarked folder in the group where that
    /// folder last took an inode. So the mark is on for the first subfolder of every
    /// `inodesPerGroup` folders and files (the subfolders' trees, as `size` counts them),
    /// which ext4 spreads, and off for the others, which land beside it; each subfolder's
    /// own subfolders and files follow it. The folder is left unmarked.
    package static func makeSpread(_ subfolders: [Int], in parentIndex: Int, plan: FolderPlan, staging: String) throws(OutputWriteError) {
        let parent = parentIndex == FolderPlan.root ? "" : plan.folders[parentIndex].path
        let spreading = SpreadSwitch(folder: parent.isEmpty ? staging : staging + "/" + parent)
        defer { spreading?.spread(false) }
        var inGroup = 0
        for index in subfolders {
            spreading?.spread(inGroup == 0)
            try makeFolder(staging, plan.folders[index].path)
            inGroup += plan.folders[index].size
            if inGroup >= inodesPerGroup { inGroup = 0 }
        }
    }

    /// Puts `staging` at `target`, keeping the old folder until the new one is in place.
    package static func swapIn(_ staging: String, as target: String, replacing: Bool) throws {
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
    package static func removeTreeInParallel(_ path: String) {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        _ = parallelMap(children) { FileOperations.removeTree(path + "/" + $0) }
        FileOperations.removeTree(path)
    }

    package static func removeTree(_ path: String) {
        FileOperations.removeTree(path)
    }
}
