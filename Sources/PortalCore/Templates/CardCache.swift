import Foundation

/// The card of each page (title, link, summary, date, tags, authors), made the first
/// time a list shows it and reused by every other list: a post appears on its home,
/// section, tag, author and date pages, and its card is the same on all of them.
final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [TemplateValue?]

    init(count: Int) {
        cards = Array(repeating: nil, count: count)
    }

    func card(_ id: Int, make: () -> TemplateValue) -> TemplateValue {
        if let card = lock.withLock({ cards[id] }) { return card }
        let card = make()
        lock.withLock { cards[id] = card }
        return card
    }
}
