import PortalText

/// Counts CJK characters and Latin words of a text, the inputs of reading time.
public struct TextMetrics: Sendable, Hashable {
    /// Han, Hiragana, Katakana and Hangul characters.
    public private(set) var cjkCharacters: Int = 0
    /// Runs of letters and digits outside CJK text.
    public private(set) var latinWords: Int = 0
    private var inWord = false

    public init() {}

    public init(cjkCharacters: Int, latinWords: Int) {
        self.cjkCharacters = cjkCharacters
        self.latinWords = latinWords
    }

    public static func == (lhs: TextMetrics, rhs: TextMetrics) -> Bool {
        lhs.cjkCharacters == rhs.cjkCharacters && lhs.latinWords == rhs.latinWords
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cjkCharacters)
        hasher.combine(latinWords)
    }

    /// The counts of `text`.
    public init(counting text: String) {
        for scalar in text.unicodeScalars {
            add(scalar)
        }
        endWord()
    }

    /// Feeds one scalar; words span calls, so text split across nodes counts once.
    public mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            addASCII(UInt8(scalar.value))
            return
        }
        if scalar.isCJKLetter {
            cjkCharacters += 1
            inWord = false
        } else if scalar.isWordCharacter {
            if !inWord { latinWords += 1; inWord = true }
        } else if !(scalar == "\u{2019}" && inWord) {
            inWord = false
        }
    }

    private static let asciiWordCharacters = ASCIISet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// An ASCII character: letters and digits make words, and an apostrophe inside a
    /// word (`don't`) does not end it.
    @inline(__always)
    private mutating func addASCII(_ byte: UInt8, wordCharacters: ASCIISet = asciiWordCharacters) {
        if wordCharacters.contains(byte) {
            if !inWord { latinWords += 1; inWord = true }
        } else if !(byte == UInt8(ascii: "'") && inWord) {
            inWord = false
        }
    }

    /// Feeds UTF-8 text: the same counts as `add` on each of its scalars, with ASCII
    /// handled byte by byte without decoding.
    public mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // Read once here: a static is checked for initialisation at every access.
        let wordCharacters = Self.asciiWordCharacters
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                addASCII(byte, wordCharacters: wordCharacters)
                i += 1
                continue
            }
            // U+5000-U+9FFF (lead bytes E5-E9) and U+4E00-U+4FFF (E4 B8-BF): Han, the bulk of Chinese text.
            if byte >= 0xE4, byte <= 0xE9, i + 2 < n, byte != 0xE4 || bytes[i + 1] >= 0xB8,
               bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
                cjkCharacters += 1
                inWord = false
                i += 3
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: i)
            add(scalar)
            i += length
        }
    }

    /// Ends the current word (a block or line boundary).
    public mutating func endWord() {
        inWord = false
    }

    /// Minutes to read `cjkCharacters` characters and `latinWords` words, at least 1.
    public static func readingMinutes(
        cjkCharacters: Int, latinWords: Int, charactersPerMinute: Int, wordsPerMinute: Int
    ) -> Int {
        let characters = Double(max(0, cjkCharacters)) / Double(max(1, charactersPerMinute))
        let words = Double(max(0, latinWords)) / Double(max(1, wordsPerMinute))
        let minutes = (characters + words).rounded()
        guard minutes.isFinite, minutes < Double(Int.max) else { return 1 }
        return max(1, Int(minutes))
    }

    /// Minutes to read the counted text at the given speeds, at least 1.
    public func readingMinutes(charactersPerMinute: Int, wordsPerMinute: Int) -> Int {
        Self.readingMinutes(
            cjkCharacters: cjkCharacters, latinWords: latinWords,
            charactersPerMinute: charactersPerMinute, wordsPerMinute: wordsPerMinute)
    }
}
