#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two folders in one step, so that a crash at any moment leaves one of them at
/// each path: `renameat2(…, RENAME_EXCHANGE)` on Linux, `renamex_np(…, RENAME_SWAP)`
/// on macOS.
package enum FolderExchange {
    /// How a new output took the place of the previous one.
    package enum Method: Equatable {
        /// One atomic exchange.
        case exchange
        /// The previous output renamed aside, then the new one into place (file systems
        /// that refuse the exchange): a crash between the two leaves no output.
        case renames
    }

    /// Exchanges the entries at `a` and `b`; returns 0, or the `errno` of the failure.
    package static func exchange(_ a: String, _ b: String) -> Int32 {
        #if os(Linux)
        guard let renameat2 = renameat2Function else { return ENOSYS }
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0 ? 0 : errno
        #elseif os(macOS)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    /// Failures that mean the file system (or kernel, or C library) cannot exchange, as
    /// opposed to a failure of this exchange: the two renames are tried instead.
    package static func isUnsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// AT_FDCWD and RENAME_EXCHANGE of <fcntl.h> and <linux/fs.h>.
    private static let atCurrentDirectory: Int32 = -100
    private static let renameExchange: UInt32 = 1 << 1
    /// glibc declares `renameat2` (2.28 and later) only under _GNU_SOURCE, which the Glibc
    /// module does not import: it is looked up in the C library at run time.
    private static let renameat2Function: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
