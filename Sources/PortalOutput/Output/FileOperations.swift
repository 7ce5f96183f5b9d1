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
