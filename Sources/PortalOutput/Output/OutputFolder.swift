#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PortalText

/// The folder a build writes: checked before anything is written there, marked as
/// portal's own once written, and cleared of what interrupted builds left beside it.
public enum OutputFolder {
    /// The file every output carries. A folder without it is never replaced nor removed.
    public static let markerName = OutputMarker.name
    /// The marker's text: fixed, so that an output stays byte-identical from build to build.
    public static let markerText = "This folder was written by `portal build`; the next build replaces all of it.\n"

    /// The folders of a site that portal reads and never writes.
    package static let sourceFolders = ["content", "data", "Templates", "static"]

    /// Why `output` must not be a build's output for the site at `siteRoot`, or nil.
    ///
    /// Refused: the site folder, a folder that contains it, `content/`, `data/`,
    /// `Templates/` or `static/` of the site or a folder inside one of them, anything
    /// that is not a folder, and a folder that holds files but no marker (one that
    /// portal did not write). Links are resolved first.
    public static func problem(output: String, siteRoot: String) -> String? {
        let out = resolved(output)
        let site = resolved(siteRoot)
        if out == site {
            return "\(output) is the site folder itself: a build replaces its output whole, so site.toml and content/ would be lost; choose another --output (the default is public/ inside the site)"
        }
        if out == "/" || site.hasPrefix(out + "/") {
            return "\(output) contains the site folder \(siteRoot): a build replaces its output whole; choose a folder of its own"
        }
        for name in sourceFolders {
            let folder = site + "/" + name
            if out == folder || out.hasPrefix(folder + "/") {
                let place = out == folder ? "is" : "lies inside"
                return "\(output) \(place) the site's \(name)/ folder, which portal reads: choose a folder outside content/, data/, Templates/ and static/"
            }
        }
        let kind = FileOperations.kind(of: out)
        guard kind.exists else { return nil }
        guard kind.isDirectory else { return "\(output) exists and is not a folder" }
        if !isEmptyFolder(out) && !isMarked(out) {
            return "\(output) is not empty and was not written by portal (it holds no \(markerName)): a build replaces its output whole, so it writes only a new or empty folder or its own earlier output; choose another folder, or empty this one first (outputs of portal versions before the marker need this once)"
        }
        return nil
    }

    /// Whether `folder` carries the marker of a portal output.
    public static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder + "/" + markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    package static func isEmptyFolder(_ folder: String) -> Bool {
        guard let handle = opendir(folder) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = entryName(entry)
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// The real path of `path`: its longest existing part with links resolved, the rest
    /// appended, `.` and `..` taken out.
    package static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        while existing != "/" {
            if let real = realPath(existing) {
                let tail = rest.reversed().joined(separator: "/")
                return tail.isEmpty ? real : (real == "/" ? "" : real) + "/" + tail
            }
            rest.append((existing as NSString).lastPathComponent)
            existing = FileOperations.parentPath(of: existing)
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// Removes what earlier builds of `target` left beside it when they were killed:
    /// `<name>.tmp-<pid>-*` and `<name>.old-*` folders that carry the marker (or are
    /// empty), unless the build that made them still runs. Returns the paths removed.
    @discardableResult
    public static func removeLeftovers(of target: String) -> [String] {
        let folder = OutputWriter.normalizedFolder(target)
        let parent = FileOperations.parentPath(of: folder)
        let name = (folder as NSString).lastPathComponent
        guard let handle = opendir(parent) else { return [] }
        var candidates: [String] = []
        while let entry = readdir(handle) {
            let entry = entryName(entry)
            for tag in ["tmp", "old"] where entry.hasPrefix(name + "." + tag + "-") {
                let rest = entry.dropFirst(name.count + tag.count + 2)
                if let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), isRunning(pid) { continue }
                candidates.append(parent + "/" + entry)
            }
        }
        closedir(handle)
        var removed: [String] = []
        for path in candidates.sorted() {
            guard FileOperations.kind(of: path).isDirectory else { continue }
            if isMarked(path) {
                removeOutputTree(path)
                removed.append(path)
            } else if rmdir(path) == 0 {
                // Made, then killed before its marker was written.
                removed.append(path)
            }
        }
        return removed
    }

    /// Whether a process with this id runs (other than this one, whose leftovers are its own business).
    private static func isRunning(_ pid: Int32) -> Bool {
        if pid <= 0 { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Deletes a marked output, its marker last: a removal cut short leaves a folder the
    /// next build still recognises as its own.
    package static func removeOutputTree(_ path: String) {
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != markerName }
        _ = parallelMap(children) { FileOperations.removeTree(path + "/" + $0) }
        unlink(path + "/" + markerName)
        FileOperations.removeTree(path)
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(validatingCString: resolved)
    }

    package static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
    }
}
