import Foundation
import PortalText

/// The snapshot being served, swapped atomically after each good rebuild.
final class SiteStore: @unchecked Sendable {
    private let current = Locked<SiteSnapshot?>(nil)

    /// Nil until the first build succeeded.
    var snapshot: SiteSnapshot? { current.value }

    func replace(with snapshot: SiteSnapshot) {
        current.set(snapshot)
    }
}
