extension RenderedMarkdown {
    /// The body's counts as a `TextMetrics`.
    public var metrics: TextMetrics {
        TextMetrics(cjkCharacters: cjkCharacters, latinWords: latinWords)
    }

    /// Minutes to read the body (CJK counted in characters, Latin in words), at least 1.
    public func readingMinutes(charactersPerMinute: Int, wordsPerMinute: Int) -> Int {
        metrics.readingMinutes(charactersPerMinute: charactersPerMinute, wordsPerMinute: wordsPerMinute)
    }
}
