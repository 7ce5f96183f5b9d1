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

    /// Every page's term places in `termLists`, in one list (a page's places lie
    /// together, between `starts[page]` and `starts[page + 1]`): related posts read
    /// the places of many pages for each page, and one list keeps them close in memory.
    package struct TermPlaceTable: Sendable {
        private var starts: [Int32] = [0]
        private var places: [TermPlace] = []

        package init() {}

        /// The places of every page, by language, then term, then place in the term's list.
        package init(lists: PerLanguage<[[Int]]>, pageCount: Int) {
            var counts = [Int32](repeating: 0, count: pageCount + 1)
            for language in lists.ids {
                for pages in lists[language] {
                    for id in pages { counts[id + 1] += 1 }
                }
            }
            for page in 0..<pageCount { counts[page + 1] += counts[page] }
            starts = counts
            var next = counts
            var places = [TermPlace](repeating: TermPlace(term: 0, position: 0), count: Int(counts[pageCount]))
            for language in lists.ids {
                for (term, pages) in lists[language].enumerated() {
                    for (position, id) in pages.enumerated() {
                        places[Int(next[id])] = TermPlace(term: Int32(term), position: Int32(position))
                        next[id] += 1
                    }
                }
            }
            self.places = places
        }

        /// How many pages the table holds (0 when the site needs no places).
        package var count: Int { starts.count - 1 }

        package subscript(page: Int) -> ArraySlice<TermPlace> {
            places[Int(starts[page])..<Int(starts[page + 1])]
        }

        /// Reads the table in place: `body` gets every page's start and all the places.
        func withPlaces<R>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<TermPlace>) -> R) -> R {
            starts.withUnsafeBufferPointer { starts in places.withUnsafeBufferPointer { body(starts, $0) } }
        }
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

    /// Neighbours of each term looked at for related posts: those nearest in date.
    static let relatedWindow = 12

    /// Up to `count` posts of the same language that share the most tags and taxonomy terms
    /// with `id`, the newest first among equals. Only the posts nearest in date on each term's list are
    /// weighed, so a page costs the same on a site of a hundred posts or of ten thousand.
    package func related(_ id: Int, count: Int) -> [Int] {
        guard count > 0, id < termPlaces.count, id < pageDates.count else { return [] }
        let own = Array(termPlaces[id])
        guard !own.isEmpty else { return [] }
        var found: [Int] = []
        found.reserveCapacity(own.count * (2 * Self.relatedWindow + 1))
        termLists[content.pages[id].languageID].withUnsafeBufferPointer { terms in
            for place in own {
                terms[Int(place.term)].withUnsafeBufferPointer { list in
                    let low = max(0, Int(place.position) - Self.relatedWindow)
                    let high = min(list.count, Int(place.position) + Self.relatedWindow + 1)
                    found.append(contentsOf: list[low..<high])
                }
            }
        }
        found.sort()
        var candidates: [Int] = []
        candidates.reserveCapacity(found.count)
        for candidate in found where candidate != id && candidate != candidates.last { candidates.append(candidate) }
        let ownTerms = own.map(\.term)
        // Ranks first: more shared terms, then newer, then the lower id.
        func ranksBefore(_ a: (id: Int, shared: Int, date: Date), _ b: (id: Int, shared: Int, date: Date)) -> Bool {
            if a.shared != b.shared { return a.shared > b.shared }
            if a.date != b.date { return a.date > b.date }
            return a.id < b.id
        }
        // The best `count` kept in order as candidates come: no sort of all of them.
        var best: [(id: Int, shared: Int, date: Date)] = []
        best.reserveCapacity(count + 1)
        // Read in place: every thread reads these lists.
        termPlaces.withPlaces { starts, places in pageDates.withUnsafeBufferPointer { dates in
            for candidate in candidates {
                var shared = 0
                for k in Int(starts[candidate])..<Int(starts[candidate + 1]) where ownTerms.contains(places[k].term) { shared += 1 }
                let entry = (id: candidate, shared: shared, date: dates[candidate])
                if best.count == count, let last = best.last, !ranksBefore(entry, last) { continue }
                let at = best.firstIndex { ranksBefore(entry, $0) } ?? best.count
                best.insert(entry, at: at)
                if best.count > count { best.removeLast() }
            }
        } }
        return best.map(\.id)
    }
}
