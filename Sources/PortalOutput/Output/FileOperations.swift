#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file calls: no fsync, unlike Foundation's writers on Linux.
package enum FileOperations {
    /// The text of the current `errno`.
    package static func lastError() -> String {
        String(cString: strerror(errno))
    }

    /// Creates a new file (failing if it exists) and writes all of `bytes`.
    package static func writeNewFile(at path: String, bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return lastError() }
        let failure = bytes.withUnsafeBytes { writeAll(descriptor, $0) }
        if close(descriptor) != 0, failure == nil { return lastError() }
        return failure
    }

    package static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> String? {
        guard var cursor = buffer.baseAddress else { return nil }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, cursor, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return lastError()
            }
            remaining -= written
            cursor += written
        }
        return nil
    }

    /// Copies `source` to a new file at `destination`, in the kernel (`sendfile`) when it can.
    package static func copyFile(from source: String, to destination: String) -> String? {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return "cannot read \(source): \(lastError())" }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return "cannot read \(source): \(lastError())" }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "\(source) is not a regular file" }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { return lastError() }
        var failure = copyContents(input, output, size: Int(info.st_size))
        if close(output) != 0, failure == nil { failure = lastError() }
        return failure
    }

    private static func copyContents(_ input: Int32, _ output: Int32, size: Int) -> String? {
        var copied = 0
        #if os(Linux)
        while copied < size {
            // sendfile moves at most ~2 GiB per call; loop until done.
            let count = sendfile(output, input, nil, size - copied)
            if count > 0 {
                copied += count
                continue
            }
            if count == 0 { return nil } // the file shrank while we copied
            if errno == EINTR { continue }
            // A file system sendfile cannot read from: copy through a buffer.
            if [ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) { break }
            return lastError()
        }
        if copied >= size { return nil }
        #endif
        return copyThroughBuffer(input, output)
    }

    private static func copyThroughBuffer(_ input: Int32, _ output: Int32) -> String? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer.baseAddress, buffer.count)
            if count == 0 { return nil }
            if count < 0 {
                if errno == EINTR { continue }
                return lastError()
            }
            if let failure = writeAll(output, UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return failure }
        }
    }

    /// Creates one folder; an existing folder is fine.
    package static func makeDirectory(_ path: String) -> String? {
        if mkdir(path, 0o755) == 0 { return nil }
        let code = errno
        var info = stat()
        if code == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return nil }
        return String(cString: strerror(code))
    }

    /// Asks the file system to spread the subfolders of `path` over the disk (the ext4 `T`
    /// attribute, as `chattr +T` sets it); best effort, other file systems ignore it.
    ///
    /// ext4 packs the folders of a new tree next to their parent. Right after a big tree
    /// was deleted that means the freed inodes, and on a volume without a journal ext4 steps
    /// over each inode freed in the last minutes before it takes one: writing 60,000 files
    /// then costs seconds of kernel time per thousand. Spread folders land in quiet groups.
    ///
    /// Returns whether the folder carries the attribute now.
    @discardableResult
    package static func spreadSubfolders(of path: String) -> Bool {
        SpreadSwitch(folder: path)?.spread(true) ?? false
    }

    /// FS_TOPDIR_FL, the `T` of `lsattr`.
    package static let topDirectoryFlag: Int32 = 0x0002_0000

    /// The inode flags of a folder (`lsattr`), or nil where the file system keeps none.
    package static func inodeFlags(of path: String) -> Int32? {
        SpreadSwitch(folder: path)?.flags
    }

    /// FS_IOC_GETFLAGS, `_IOR('f', 1, long)`, or FS_IOC_SETFLAGS, `_IOW('f', 2, long)`.
    fileprivate static func inodeFlagsRequest(set: Bool) -> UInt {
        let direction: UInt = set ? 1 : 2
        return (direction << 30) | (UInt(MemoryLayout<Int>.size) << 16) | (UInt(UInt8(ascii: "f")) << 8) | (set ? 2 : 1)
    }

    /// Creates `path` and its missing parents.
    package static func makeDirectories(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : "exists and is not a folder"
        }
        let parent = parentPath(of: path)
        if parent != path, !parent.isEmpty, let failure = makeDirectories(parent) { return failure }
        return makeDirectory(path)
    }

    package static func parentPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Whether something (file, folder or link) exists at `path`, and whether it is a folder.
    package static func kind(of path: String) -> (exists: Bool, isDirectory: Bool) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (false, false) }
        return (true, (info.st_mode & S_IFMT) == S_IFDIR)
    }

    package static func renameItem(_ from: String, to: String) -> String? {
        rename(from, to) == 0 ? nil : lastError()
    }

    /// Deletes `path` and everything under it without following links; best effort.
    /// (Foundation's `removeItem` takes seconds for a few thousand files on Linux.)
    package static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        var folders: [String] = []
        if let handle = opendir(path) {
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                let type = entry.pointee.d_type
                if type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) {
                    folders.append(child)
                } else {
                    unlink(child)
                }
            }
            closedir(handle)
        }
        for folder in folders { removeTree(folder) }
        rmdir(path)
    }
}

/// The `T` attribute of a folder, switched on and off while its subfolders are made
/// (see `OutputWriter.makeSpread`). Best effort: a switch that fails changes only
/// where on the disk the next subfolders land.
package final class SpreadSwitch {
    private let descriptor: Int32
    /// The folder's inode flags (`lsattr`).
    package private(set) var flags: Int32

    /// Nil where the folder cannot be opened or its file system keeps no inode flags.
    package init?(folder path: String) {
        #if os(Linux)
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var current: Int32 = 0
        guard ioctl(descriptor, FileOperations.inodeFlagsRequest(set: false), &current) == 0 else {
            close(descriptor)
            return nil
        }
        flags = current
        #else
        return nil
        #endif
    }

    /// Sets (`true`) or clears the attribute; returns whether the folder is as asked now.
    @discardableResult
    package func spread(_ on: Bool) -> Bool {
        #if os(Linux)
        let wanted = on ? flags | FileOperations.topDirectoryFlag : flags & ~FileOperations.topDirectoryFlag
        guard wanted != flags else { return true }
        var updated = wanted
        if ioctl(descriptor, FileOperations.inodeFlagsRequest(set: true), &updated) == 0 { flags = wanted }
        return flags == wanted
        #else
        return false
        #endif
    }

    deinit {
        close(descriptor)
    }
}
