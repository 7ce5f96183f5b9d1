import PortalSite

/// The last good build, indexed by output path for serving from memory.
struct SiteSnapshot: Sendable {
    let files: [String: OutputFile.Content]

    init(files: [OutputFile]) {
        var index: [String: OutputFile.Content] = [:]
        index.reserveCapacity(files.count)
        for file in files { index[file.path] = file.content }
        self.files = index
    }

    static let empty = SiteSnapshot(files: [])

    func contains(_ path: String) -> Bool { files[path] != nil }
}
