/// The known name a misspelt one was meant to be (`titel` -> `title`, `joinLine` -> `joinLines`).
package enum NearMiss {
    /// The closest of `known` to `name` when it is a slip away: one edit for names of up
    /// to five letters, two for longer ones (an edit: a letter added, dropped, changed, or
    /// two neighbours swapped), compared without regard to case. Nil when none is that close
    /// or two are equally close.
    package static func closest(to name: String, in known: [String]) -> String? {
        let word = Array(name.lowercased().unicodeScalars)
        guard word.count >= 3 else { return nil }
        let limit = word.count <= 5 ? 1 : 2
        var best: (name: String, distance: Int)?
        var tie = false
        for candidate in known {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - word.count) <= limit, other != word else { continue }
            let distance = editDistance(word, other, limit: limit)
            guard distance <= limit else { continue }
            if let current = best {
                if distance < current.distance { best = (candidate, distance); tie = false }
                else if distance == current.distance { tie = true }
            } else {
                best = (candidate, distance)
            }
        }
        return tie ? nil : best?.name
    }

    /// Optimal string alignment distance, cut off above `limit`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where b.count > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
