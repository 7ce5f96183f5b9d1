#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalText

/// Lists the regular files under a folder with `opendir`/`readdir`, using the
/// entry type readdir already knows so that most files cost no `stat`.
///
/// Symbolic links are followed only when they resolve inside `siteRoot`, to no
/// private file (see `PublishedLinks`); others are skipped with a warning.
/// Directory cycles are cut.
package struct DirectoryWalker {
    package struct Entry: Sendable {
        package var absolutePath: String
        /// Path relative to the walked folder, `/`-separated.
        package var relativePath: String
    }

    /// The file every build output holds (`OutputFolder.markerName`): a folder holding
    /// it is an output, never read as sources.
    package static let outputMarker = OutputMarker.name

    /// Real path of the site root (symlinks resolved).
    package let realSiteRoot: String
    /// Names to leave out (files and folders alike).
    package let isSkipped: (String) -> Bool

    package init(siteRoot: String, isSkipped: @escaping (String) -> Bool) {
        self.realSiteRoot = Self.realPath(siteRoot) ?? siteRoot
        self.isSkipped = isSkipped
    }

    /// Files under `folder`; `displayPrefix` (e.g. `content/`) names them in messages.
    package func walk(folder: String, displayPrefix: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var state = WalkState()
        if let identity = Self.identity(of: folder) { state.visited.insert(identity) }
        walk(directory: folder, relative: "", displayPrefix: displayPrefix, state: &state)
        return (state.entries, state.diagnostics)
    }

    private struct WalkState {
        package var entries: [Entry] = []
        package var diagnostics: [Diagnostic] = []
        package var visited: Set<FileIdentity> = []
    }

    private struct FileIdentity: Hashable {
        package var device: UInt64
        package var inode: UInt64
    }

    /// `realDirectory` is the real path of `directory` when a linked folder led here:
    /// each file is then checked as a link's target is.
    private func walk(directory: String, relative: String, displayPrefix: String, state: inout WalkState, realDirectory: String? = nil) {
        guard let handle = opendir(directory) else {
            state.diagnostics.append(.warning("cannot read folder: \(Self.errorText())", at: SourceLocation(path: displayPrefix + relative)))
            return
        }
        defer { closedir(handle) }
        let found = (entries: state.entries.count, diagnostics: state.diagnostics.count)
        var isOutput = false
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            let rawName = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(validatingCString: $0) }
            }
            guard let name = rawName else {
                state.diagnostics.append(.warning("skipped a file whose name is not valid UTF-8", at: SourceLocation(path: displayPrefix + relative)))
                continue
            }
            if name == Self.outputMarker { isOutput = true }
            if name == "." || name == ".." || isSkipped(name) { continue }
            let absolute = directory + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let realChild = realDirectory.map { $0 + "/" + name }
            if let realChild, type != UInt8(DT_LNK),
               let refusal = PublishedLinks.refusal(target: realChild, realSiteRoot: realSiteRoot) {
                state.diagnostics.append(.warning("\(refusal); skipped", at: SourceLocation(path: displayPrefix + childRelative)))
                continue
            }
            switch type {
            case UInt8(DT_REG):
                state.entries.append(Entry(absolutePath: absolute, relativePath: childRelative))
            case UInt8(DT_DIR):
                enter(absolute, relative: childRelative, displayPrefix: displayPrefix, state: &state, realDirectory: realChild)
            case UInt8(DT_LNK):
                followLink(absolute, relative: childRelative, displayPrefix: displayPrefix, state: &state)
            case UInt8(DT_UNKNOWN):
                // Some file systems do not fill d_type.
                var info = stat()
                guard lstat(absolute, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: state.entries.append(Entry(absolutePath: absolute, relativePath: childRelative))
                case S_IFDIR: enter(absolute, relative: childRelative, displayPrefix: displayPrefix, state: &state, realDirectory: realChild)
                case S_IFLNK: followLink(absolute, relative: childRelative, displayPrefix: displayPrefix, state: &state)
                default: continue
                }
            default:
                continue // sockets, fifos, devices
            }
        }
        if isOutput {
            // A build's output (it carries the marker) is never read as sources.
            state.entries.removeSubrange(found.entries...)
            state.diagnostics.removeSubrange(found.diagnostics...)
            state.diagnostics.append(.warning("skipped \(displayPrefix + relative): it is the output of a build (it holds \(Self.outputMarker))",
                                              at: SourceLocation(path: displayPrefix + relative)))
        }
    }

    private func enter(_ directory: String, relative: String, displayPrefix: String, state: inout WalkState, realDirectory: String? = nil) {
        if let identity = Self.identity(of: directory) {
            guard state.visited.insert(identity).inserted else { return }
        }
        walk(directory: directory, relative: relative, displayPrefix: displayPrefix, state: &state, realDirectory: realDirectory)
    }

    private func followLink(_ link: String, relative: String, displayPrefix: String, state: inout WalkState) {
        let location = SourceLocation(path: displayPrefix + relative)
        guard let target = Self.realPath(link) else {
            state.diagnostics.append(.warning("broken symbolic link skipped", at: location))
            return
        }
        if let refusal = PublishedLinks.refusal(target: target, realSiteRoot: realSiteRoot) {
            state.diagnostics.append(.warning("\(refusal); skipped", at: location))
            return
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Keep the link's own path: that is where the site author put the file.
            state.entries.append(Entry(absolutePath: link, relativePath: relative))
        case S_IFDIR:
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard state.visited.insert(identity).inserted else {
                state.diagnostics.append(.warning("symbolic link loops back to a folder already read; skipped", at: location))
                return
            }
            walk(directory: link, relative: relative, displayPrefix: displayPrefix, state: &state, realDirectory: target)
        default:
            return
        }
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(validatingCString: resolved)
    }

    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    package static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
