import Foundation
import PortalText
import PortalTemplates

/// The card of each page (title, link, summary, date, tags, authors), made the first
/// time a list shows it and reused by every other list: a post appears on its home,
/// section, tag, author and date pages, and its card is the same on all of them.
package final class CardCache: @unchecked Sendable {
    private let cards: Locked<[TemplateValue?]>

    package init(count: Int) {
        cards = Locked(Array(repeating: nil, count: count))
    }

    package func card(_ id: Int, make: () -> TemplateValue) -> TemplateValue {
        if let card = cards.withLock({ $0[id] }) { return card }
        let card = make()
        cards.withLock { $0[id] = card }
        return card
    }
}
