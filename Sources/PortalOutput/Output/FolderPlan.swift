import PortalSite

/// The folders a set of output files needs, checked: every path stays inside the
/// output folder, no two files share a path, and no file is also a folder.
///
/// Paths are told apart by their UTF-8 bytes, as the file system tells names apart, and
/// visited in byte order. In that order the paths under a folder are next to each other,
/// so one pass with a stack of open folders finds every folder: no path is
/// hashed (String hashing normalises Unicode first, which is slow for Chinese names).
package struct FolderPlan {
    package struct Folder {
        /// Relative to the output folder (`zh-hans/tags/网关`).
        package let path: Substring
        /// Where its subfolders are listed in `levels` (one deeper than itself).
        package var group: Int?

        package init(path: Substring) { self.path = path }
    }

    /// The parent of the top-level folders: the output folder itself.
    package static let root = -1
    /// Parents before their subfolders.
    package private(set) var folders: [Folder] = []
    /// By depth of the parent: each parent (`root` or an index into `folders`) with its
    /// subfolders, in the byte order of the paths under them (`a-b/` before `a/`).
    package private(set) var levels: [[(parent: Int, folders: [Int])]] = []

    package init(_ files: [OutputFile]) throws {
        let paths = files.map(\.path)
        for path in paths where !Self.isValid(path) {
            throw OutputWriteError(.invalidPath, path: path, message: "output paths must be relative, without empty, '.' or '..' parts")
        }
        let order = paths.indicesInByteOrder()
        var open: [Int] = []
        var rootGroup: Int?
        for (position, index) in order.enumerated() {
            let path = paths[index]
            let shared = position == 0 ? 0 : Self.sharedPrefix(paths[order[position - 1]], path)
            if position > 0, shared == path.utf8.count, shared == paths[order[position - 1]].utf8.count {
                throw OutputWriteError(.conflictingPaths, path: path, message: "two files have this path")
            }
            // An open folder stays open while the path goes on through it (its `/` included).
            while let top = open.last, folders[top].path.utf8.count >= shared { open.removeLast() }
            let utf8 = path.utf8
            var cursor = open.last.map { utf8.index(utf8.startIndex, offsetBy: folders[$0].path.utf8.count + 1) } ?? utf8.startIndex
            while let slash = utf8[cursor...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = path[..<slash]
                if let file = Self.fileNamed(folder, before: position, order: order, paths: paths) {
                    throw OutputWriteError(.conflictingPaths, path: String(folder), message: "is a file, and also the folder of \(file)")
                }
                let made = folders.count
                folders.append(Folder(path: folder))
                if let parent = open.last {
                    if folders[parent].group == nil {
                        folders[parent].group = Self.newGroup(parent, depth: open.count, in: &levels)
                    }
                    if let group = folders[parent].group { levels[open.count][group].folders.append(made) }
                } else {
                    if rootGroup == nil { rootGroup = Self.newGroup(Self.root, depth: 0, in: &levels) }
                    if let rootGroup { levels[0][rootGroup].folders.append(made) }
                }
                open.append(made)
                cursor = utf8.index(after: slash)
            }
        }
    }

    private static func newGroup(_ parent: Int, depth: Int, in levels: inout [[(parent: Int, folders: [Int])]]) -> Int {
        while levels.count <= depth { levels.append([]) }
        levels[depth].append((parent, []))
        return levels[depth].count - 1
    }

    /// A file whose path is `folder` itself, among the paths sorted before `position`.
    /// Only paths that start with the folder's name can lie between it and `position`.
    private static func fileNamed(_ folder: Substring, before position: Int, order: [Int], paths: [String]) -> String? {
        var earlier = position - 1
        while earlier >= 0 {
            let candidate = paths[order[earlier]]
            guard candidate.utf8.starts(with: folder.utf8) else { return nil }
            if candidate.utf8.count == folder.utf8.count { return paths[order[position]] }
            earlier -= 1
        }
        return nil
    }

    /// The number of leading bytes two paths have in common.
    private static func sharedPrefix(_ lhs: String, _ rhs: String) -> Int {
        var a = lhs
        var b = rhs
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let limit = min(x.count, y.count)
                var index = 0
                while index < limit, x[index] == y[index] { index += 1 }
                return index
            }
        }
    }

    /// Relative, with no empty, `.` or `..` part and no NUL byte.
    package static func isValid(_ path: String) -> Bool {
        var part = 0
        var dots = 0
        for byte in path.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "/"):
                if part == 0 || part == dots && dots <= 2 { return false }
                part = 0
                dots = 0
            default:
                part += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(part == 0 || part == dots && dots <= 2)
    }
}
