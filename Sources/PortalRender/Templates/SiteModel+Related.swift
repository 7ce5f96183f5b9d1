import Foundation
import PortalSources
import PortalSite
import PortalTemplates

extension SiteModel {
    /// A page's tags as places in its language's tag archive: which term, and where the
    /// page stands in that term's list (newest first).
    package struct TermPlace: Sendable {
        package var term: Int32
        package var position: Int32
    }

    /// Per language, the pages of every term: the tags, then the terms of each taxonomy.
    /// `termLists[language][termOffsets[t] + i]` is term `i` of taxonomy `t` (`t` = 0 for tags).
    static func termLists(archives: Archives) -> (lists: PerLanguage<[[Int]]>, offsets: [Int]) {
        var offsets: [Int] = []
        let lists = archives.tags.map { _ in [[Int]]() }
        var result = lists
        for language in archives.tags.ids {
            var all = archives.tags[language].map(\.pages)
            var languageOffsets = [0]
            for archive in archives.taxonomies {
                languageOffsets.append(all.count)
                all += archive.terms[language].map(\.pages)
            }
            result[language] = all
            offsets = languageOffsets
        }
        return (result, offsets)
    }

    /// Every page's term places in `termLists` (pages without terms have none).
    static func termPlaces(lists: PerLanguage<[[Int]]>, pageCount: Int) -> [[TermPlace]] {
        var places = [[TermPlace]](repeating: [], count: pageCount)
        for language in lists.ids {
            for (term, pages) in lists[language].enumerated() {
                for (position, id) in pages.enumerated() {
                    places[id].append(TermPlace(term: Int32(term), position: Int32(position)))
                }
            }
        }
        return places
    }

    /// Neighbours of each term looked at for related posts: those nearest in date.
    static let relatedWindow = 12

    /// Up to `count` posts of the same language that share the most tags and taxonomy terms
    /// with `id`, the newest first among equals. Only the posts nearest in date on each term's list are
    /// weighed, so a page costs the same on a site of a hundred posts or of ten thousand.
    package func related(_ id: Int, count: Int) -> [Int] {
        guard count > 0, id < termPlaces.count else { return [] }
        let own = termPlaces[id]
        guard !own.isEmpty else { return [] }
        let terms = termLists[content.pages[id].languageID]
        var found: [Int] = []
        found.reserveCapacity(own.count * (2 * Self.relatedWindow + 1))
        for place in own {
            let list = terms[Int(place.term)]
            let low = max(0, Int(place.position) - Self.relatedWindow)
            let high = min(list.count, Int(place.position) + Self.relatedWindow + 1)
            found.append(contentsOf: list[low..<high])
        }
        found.sort()
        var candidates: [Int] = []
        candidates.reserveCapacity(found.count)
        for candidate in found where candidate != id && candidate != candidates.last { candidates.append(candidate) }
        let ownTerms = own.map(\.term)
        let pages = content.pages
        // Ranks first: more shared terms, then newer, then the lower id.
        func ranksBefore(_ a: (id: Int, shared: Int, date: Date), _ b: (id: Int, shared: Int, date: Date)) -> Bool {
            if a.shared != b.shared { return a.shared > b.shared }
            if a.date != b.date { return a.date > b.date }
            return a.id < b.id
        }
        // The best `count` kept in order as candidates come: no sort of all of them.
        var best: [(id: Int, shared: Int, date: Date)] = []
        best.reserveCapacity(count + 1)
        for candidate in candidates {
            var shared = 0
            for place in termPlaces[candidate] where ownTerms.contains(place.term) { shared += 1 }
            let entry = (id: candidate, shared: shared, date: pages[candidate].date ?? .distantPast)
            if best.count == count, let last = best.last, !ranksBefore(entry, last) { continue }
            let at = best.firstIndex { ranksBefore(entry, $0) } ?? best.count
            best.insert(entry, at: at)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.id)
    }
}
