#if os(Linux)
import Foundation
import PortalText
import Glibc

/// Watches the site's sources with inotify: one watch per folder (added as
/// folders appear), a blocking poll/read on its own thread, bursts coalesced.
final class InotifyWatcher: ChangeWatcher, @unchecked Sendable {
    let changes = ChangeBuffer()
    private let fd: Int32
    private let root: String
    /// Top folders watched (see `ServeOptions.watchedFolders(siteRoot:)`).
    private let topFolders: [String]
    private let quietMilliseconds: Int32
    private let stopped = Locked(false)
    /// Watch descriptor -> folder relative to the root ("" is the root itself). Used by the watch thread only.
    private var folders: [Int32: String] = [:]
    /// Set when a folder could not be watched (e.g. the inotify watch limit).
    private var incomplete = false

    private static let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_TO)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE_SELF)

    init?(root: String, quietPeriod: Duration) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        fd = descriptor
        self.root = root
        topFolders = ServeOptions.watchedFolders(siteRoot: root)
        quietMilliseconds = Int32(max(1, quietPeriod.milliseconds))
        guard addWatch("") else {
            close(fd)
            return nil
        }
        for folder in topFolders { addTree(folder) }
        // A partial watch would miss edits silently: let the caller poll instead.
        guard !incomplete else {
            close(fd)
            return nil
        }
        let thread = Thread { [self] in self.loop() }
        thread.name = "portal-inotify"
        thread.start()
    }

    func stop() {
        stopped.set(true)
    }

    private var isStopped: Bool { stopped.value }

    @discardableResult
    private func addWatch(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root : root + "/" + folder
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else {
            incomplete = true
            return false
        }
        folders[wd] = folder
        return true
    }

    /// Watches `folder` and every folder below it.
    private func addTree(_ folder: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        addWatch(folder)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
        for child in children.sorted() where !ServeOptions.isNoise(child) {
            addTree(folder + "/" + child)
        }
    }

    private func loop() {
        var pending = Set<String>()
        var firstPending = DispatchTime.now()
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer {
            buffer.deallocate()
            close(fd)
            changes.finish()
        }
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, pending.isEmpty ? 200 : quietMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if ready > 0 {
                let count = read(fd, buffer, bufferSize)
                if count <= 0 { if errno == EINTR || errno == EAGAIN { continue } else { return } }
                if pending.isEmpty { firstPending = .now() }
                pending.formUnion(parse(buffer, count: count))
                // A steady stream of writes still gets a rebuild every second.
                let waited = DispatchTime.now().uptimeNanoseconds - firstPending.uptimeNanoseconds
                if waited < 1_000_000_000 || pending.isEmpty { continue }
            }
            if !pending.isEmpty {
                changes.add(pending.sorted())
                pending.removeAll()
            }
        }
    }

    /// Site-relative paths named by the events in the buffer; adds watches for new folders.
    private func parse(_ buffer: UnsafeMutableRawPointer, count: Int) -> [String] {
        var paths: [String] = []
        var offset = 0
        let header = 16
        while offset + header <= count {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
            let name = length > 0 ? String(cString: nameStart) : ""
            offset += header + length
            guard let folder = folders[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                continue
            }
            if name.isEmpty {
                if !folder.isEmpty { paths.append(folder) }
                continue
            }
            if ServeOptions.isNoise(name) { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            guard ServeOptions.isWatched(path, folders: topFolders) else { continue }
            let isDirectory = mask & UInt32(IN_ISDIR) != 0
            if isDirectory && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                addTree(path)
            }
            paths.append(path)
        }
        return paths
    }
}
#endif
