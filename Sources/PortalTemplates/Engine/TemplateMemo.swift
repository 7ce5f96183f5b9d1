import Foundation

/// List items rendered once and copied into every other page that lists them: a post's
/// card shows on its home, section, tag, author, year and month pages, the same each time.
///
/// An item takes part when its object carries a `memoKey` (ContextBuilder gives one to
/// each card). The first time a template section renders it, `TemplateRenderer` records
/// what the rendering read: names found in the item (or in what the item's own sections
/// pushed) are the item's; names found in the outermost context and listed in
/// `stableKeys` are the same on every page of a `scope` (a language). Anything else (a
/// name found or missed in the page's own contexts, the list position, a block of the
/// layout) makes the item's output depend on the page, and it is rendered every time.
package final class TemplateMemo: @unchecked Sendable {
    package struct Key: Hashable {
        /// The section's children (compiled once per theme, so their storage is theirs).
        package var nodes: UInt
        package var item: Int
        package var scope: Int
    }

    package enum Entry {
        /// The bytes, and the stable names read from the outermost context.
        case rendered([UInt8], stableHeads: [String])
        /// Rendering read something of the page's own.
        case pageDependent
    }

    /// Keys of the outermost context whose values are equal on every page of a language
    /// (`ContextBuilder.common` sets them from per-language values, and no other context
    /// of portal's uses these names).
    package static let stableKeys = ["site", "lang", "t", "generator"]

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    package init() {}

    package func entry(_ key: Key) -> Entry? {
        lock.withLock { entries[key] }
    }

    package func store(_ entry: Entry, for key: Key) {
        lock.withLock { entries[key] = entry }
    }

    /// What is kept for one item, in any order.
    package func entries(forItem item: Int) -> [Entry] {
        lock.withLock { entries.filter { $0.key.item == item }.map(\.value) }
    }
}
