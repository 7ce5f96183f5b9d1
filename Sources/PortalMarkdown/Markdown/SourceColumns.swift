#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns cmark's byte columns into character columns of the file, as editors
/// count them, leaving out friendly-emphasis markers (see `FriendlyEmphasis`).
package struct SourceColumns {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; index 0 is line 1.
    private let lineStarts: [Int]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// Where the last count stopped: on `line`, `characters` lead bytes before byte
    /// `offset`, reached while every marker test fitted below `end`. Links come in
    /// document order, so the next count on the line goes on from here: a line of
    /// many links is scanned once, not once per link.
    private var resume: (line: Int, offset: Int, characters: Int, end: Int)?

    /// The 1-based character column of the 1-based byte `column` on `line`.
    package mutating func character(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, column > 1 else { return max(1, column) }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + column - 1)
        var characters = 0
        var i = start
        // A stop reached with each marker test inside `end` is reached the same way by a
        // scan from the line's start to `end` (see `resume`).
        if let resume, resume.line == line, resume.offset <= end, end >= resume.end || resume.offset + 3 <= end {
            i = resume.offset
            characters = resume.characters
        }
        while i + 3 <= end {
            if bytes[i] == FriendlyEmphasis.markerBytes.0, bytes[i + 1] == FriendlyEmphasis.markerBytes.1,
               bytes[i + 2] == FriendlyEmphasis.markerBytes.2 {
                i += 3
                continue
            }
            // Count lead bytes only: one per Unicode scalar.
            if bytes[i] & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        resume = (line, i, characters, end)
        // The last bytes cannot hold a whole marker.
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        return characters + 1
    }
}
