import Foundation
import PortalTemplates

/// The card of each page (title, link, summary, date, tags, authors), made the first
/// time a list shows it and reused by every other list: a post appears on its home,
/// section, tag, author and date pages, and its card is the same on all of them.
package final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [TemplateValue?]

    package init(count: Int) {
        cards = Array(repeating: nil, count: count)
    }

    package func card(_ id: Int, make: () -> TemplateValue) -> TemplateValue {
        if let card = lock.withLock({ cards[id] }) { return card }
        let card = make()
        lock.withLock { cards[id] = card }
        return card
    }
}
