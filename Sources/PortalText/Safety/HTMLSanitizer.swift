/// Cleans raw HTML written in Markdown for `[markdown] unsafe = "sanitized"`: the
/// HTML is kept, but nothing in it can run code.
///
/// Each raw HTML block or inline tag is read as a browser tokenizer reads it and
/// written out again from what was read, so the browser sees exactly the tags this
/// code checked:
/// - elements that run code or hold raw text (`script`, `style`, `iframe`, `object`,
///   `embed`, `noscript`, `textarea`, `title`, `base`, `meta`, `link`, SVG animation…)
///   are dropped, with their content when it is in the same piece of HTML;
/// - attributes named `on…` (event handlers), `srcdoc`, and any with a name HTML would
///   not write back as it is are dropped;
/// - URL attributes (`href`, `src`, `action`, `formaction`, `xlink:href`, `srcset`…)
///   whose URL is `javascript:`, `vbscript:`, `file:` or `data:` other than an image
///   are dropped (see `URLSafety.isDangerous`);
/// - comments, `<!DOCTYPE>`, `<![CDATA[…]]>` and `<?…>` are dropped;
/// - a `<` that does not start a tag read here is written as `&lt;`.
/// Attribute values are written double-quoted with `&`, `<`, `>` and `"` escaped.
package enum HTMLSanitizer {
    /// Dropped with everything up to their end tag: raw text, or code.
    package static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "xmp", "plaintext", "textarea", "title", "template",
    ]
    /// Dropped alone (their content, if any, stays and is cleaned like the rest).
    package static let droppedTags: Set<String> = [
        "base", "meta", "link", "param", "portal", "animate", "animatemotion", "animatetransform", "set",
        "handler", "listener",
    ]
    /// Attributes that hold a URL (lower-cased names).
    package static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "background", "poster", "cite", "longdesc", "lowsrc",
        "dynsrc", "data", "codebase", "ping", "manifest", "icon", "profile", "usemap", "archive", "classid",
        "itemtype", "content", "to", "from", "values", "by",
    ]
    /// Attributes that hold a list of URLs with sizes.
    package static let urlListAttributes: Set<String> = ["srcset", "imagesrcset"]

    /// `html` cleaned; HTML with nothing to clean comes back unchanged.
    package static func sanitize(_ html: String) -> String {
        var cleaner = Cleaner(bytes: Array(html.utf8))
        cleaner.run()
        return String(decoding: cleaner.output, as: UTF8.self)
    }

    private struct Cleaner {
        package let bytes: [UInt8]
        package var i = 0
        package var output: [UInt8] = []
        /// A tag ran into the end of the HTML: a browser would take everything after its
        /// `<` into it (and into what follows this HTML), so the rest is written as text.
        package var cutOff = false
        /// A search for `]]>` found none: later CDATA sections need not search again.
        package var noCDATAEnd = false

        package init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
        }

        package mutating func run() {
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "<") else {
                    output.append(byte)
                    i += 1
                    continue
                }
                if !markup() {
                    if cutOff {
                        // Each `<` of the rest as text: linear, whatever the rest holds.
                        for byte in bytes[i...] {
                            if byte == UInt8(ascii: "<") { output += Array("&lt;".utf8) } else { output.append(byte) }
                        }
                        return
                    }
                    output += Array("&lt;".utf8)
                    i += 1
                }
            }
        }

        package func at(_ offset: Int) -> UInt8? {
            i + offset < bytes.count ? bytes[i + offset] : nil
        }

        package static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        package static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }

        /// Reads the markup at the `<` at `i`, writes what is kept and moves past it;
        /// false when the `<` starts nothing a browser would read as markup here.
        package mutating func markup() -> Bool {
            guard let next = at(1) else { return false }
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                skipDeclaration()
                return true
            }
            if next == UInt8(ascii: "/") {
                guard let first = at(2) else { return false }
                if first == UInt8(ascii: ">") {
                    i += 3 // `</>` is ignored by browsers
                    return true
                }
                guard Self.isLetter(first) else {
                    // `</ x>` is a bogus comment up to `>`.
                    skip(past: UInt8(ascii: ">"), from: i + 2)
                    return true
                }
                return endTag()
            }
            guard Self.isLetter(next) else { return false }
            return startTag()
        }

        /// Comments, `<!DOCTYPE>`, CDATA and processing instructions: dropped.
        package mutating func skipDeclaration() {
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                // Up to the first `-->` (`<!-->` and `<!--->` end at once); a browser may
                // end it sooner (`--!>`), never later.
                if let end = find(Array("-->".utf8), from: i + 2) {
                    i = end + 3
                } else {
                    i = bytes.count
                }
                return
            }
            if !noCDATAEnd, bytes[i...].starts(with: Array("<![CDATA[".utf8)) {
                if let end = find(Array("]]>".utf8), from: i + 9) {
                    i = end + 3
                    return
                }
                noCDATAEnd = true
            }
            skip(past: UInt8(ascii: ">"), from: i + 2)
        }

        package mutating func skip(past byte: UInt8, from start: Int) {
            var j = start
            while j < bytes.count, bytes[j] != byte { j += 1 }
            i = min(bytes.count, j + 1)
        }

        package func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var j = start
            while j + needle.count <= bytes.count {
                if bytes[j] == needle[0], bytes[j..<(j + needle.count)].elementsEqual(needle) { return j }
                j += 1
            }
            return nil
        }

        /// The tag name at `j` (lower-cased) and the index after it.
        package func tagName(from start: Int) -> ([UInt8], Int) {
            var j = start
            var name: [UInt8] = []
            while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">") {
                let byte = bytes[j]
                name.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                j += 1
            }
            return (name, j)
        }

        /// Whether a tag or attribute name can be written back as it was read.
        package static func isPlainName(_ name: [UInt8], attribute: Bool) -> Bool {
            guard let first = name.first, isLetter(first) || (attribute && (first == UInt8(ascii: "_") || first == UInt8(ascii: ":"))) else { return false }
            return name.allSatisfy { byte in
                isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            }
        }

        package mutating func endTag() -> Bool {
            let (name, afterName) = tagName(from: i + 2)
            // Attributes of an end tag mean nothing; browsers end it at the next `>`.
            var j = afterName
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
            guard j < bytes.count else {
                cutOff = true
                return false
            }
            i = j + 1
            let text = String(decoding: name, as: UTF8.self)
            if Self.isPlainName(name, attribute: false), !HTMLSanitizer.droppedWithContent.contains(text),
               !HTMLSanitizer.droppedTags.contains(text) {
                output += Array("</".utf8) + name + [UInt8(ascii: ">")]
            }
            return true
        }

        package mutating func startTag() -> Bool {
            let (name, afterName) = tagName(from: i + 1)
            var j = afterName
            var attributes: [(name: [UInt8], value: [UInt8]?)] = []
            var selfClosing = false
            // Attributes as the HTML tokenizer reads them.
            while true {
                while j < bytes.count, Self.isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") {
                    selfClosing = bytes[j] == UInt8(ascii: "/")
                    j += 1
                }
                guard j < bytes.count else { // a tag cut off by the end is no tag
                    cutOff = true
                    return false
                }
                if bytes[j] == UInt8(ascii: ">") {
                    j += 1
                    break
                }
                selfClosing = false
                var attributeName: [UInt8] = [bytes[j] >= UInt8(ascii: "A") && bytes[j] <= UInt8(ascii: "Z") ? bytes[j] | 0x20 : bytes[j]]
                j += 1
                while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">"),
                      bytes[j] != UInt8(ascii: "=") {
                    let byte = bytes[j]
                    attributeName.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                    j += 1
                }
                var k = j
                while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
                guard k < bytes.count, bytes[k] == UInt8(ascii: "=") else {
                    attributes.append((attributeName, nil))
                    continue
                }
                k += 1
                while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
                guard k < bytes.count else {
                    cutOff = true
                    return false
                }
                var value: [UInt8] = []
                if bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                    let quote = bytes[k]
                    k += 1
                    while k < bytes.count, bytes[k] != quote {
                        value.append(bytes[k])
                        k += 1
                    }
                    guard k < bytes.count else {
                        cutOff = true
                        return false
                    }
                    k += 1
                } else {
                    while k < bytes.count, !Self.isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") {
                        value.append(bytes[k])
                        k += 1
                    }
                }
                j = k
                attributes.append((attributeName, value))
            }
            i = j
            let text = String(decoding: name, as: UTF8.self)
            guard Self.isPlainName(name, attribute: false) else {
                return true // e.g. `<a\u{0}b>`: browsers would read something else; drop it
            }
            if HTMLSanitizer.droppedWithContent.contains(text) {
                // `<script/>` still opens a script in HTML: its content goes too.
                skipContent(of: name)
                return true
            }
            if HTMLSanitizer.droppedTags.contains(text) { return true }
            output.append(UInt8(ascii: "<"))
            output += name
            var seen = Set<[UInt8]>()
            for attribute in attributes where seen.insert(attribute.name).inserted {
                guard Self.keeps(attribute.name, attribute.value) else { continue }
                output.append(UInt8(ascii: " "))
                output += attribute.name
                if let value = attribute.value {
                    output += Array("=\"".utf8)
                    Self.appendValue(value, to: &output)
                    output.append(UInt8(ascii: "\""))
                }
            }
            if selfClosing { output += Array(" /".utf8) }
            output.append(UInt8(ascii: ">"))
            return true
        }

        /// Skips the content of a dropped element up to and past its end tag, or to the end.
        package mutating func skipContent(of name: [UInt8]) {
            var j = i
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "<"), j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "/") {
                    let (closing, after) = tagName(from: j + 2)
                    if closing == name {
                        var k = after
                        while k < bytes.count, bytes[k] != UInt8(ascii: ">") { k += 1 }
                        i = min(bytes.count, k + 1)
                        return
                    }
                }
                j += 1
            }
            i = bytes.count
        }

        /// Whether an attribute is written back.
        package static func keeps(_ name: [UInt8], _ value: [UInt8]?) -> Bool {
            guard isPlainName(name, attribute: true) else { return false }
            let text = String(decoding: name, as: UTF8.self)
            if text.hasPrefix("on") || text == "srcdoc" { return false }
            guard let value else { return true }
            let url = String(decoding: value, as: UTF8.self)
            let local = text.split(separator: ":").last.map(String.init) ?? text
            if HTMLSanitizer.urlAttributes.contains(text) || HTMLSanitizer.urlAttributes.contains(local) {
                return !URLSafety.isDangerous(url)
            }
            if HTMLSanitizer.urlListAttributes.contains(text) {
                // Candidates are `URL [size]` separated by commas; any dangerous one drops it all.
                return !HTMLEntities.decode(url).split(separator: ",").contains { candidate in
                    URLSafety.isDangerous(String(candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first ?? ""))
                }
            }
            return true
        }

        /// The value as the browser decodes it, escaped again: what is written is exactly what was checked.
        package static func appendValue(_ value: [UInt8], to output: inout [UInt8]) {
            let decoded = HTMLEntities.decode(String(decoding: value, as: UTF8.self))
            for byte in decoded.utf8 {
                switch byte {
                case UInt8(ascii: "&"): output += Array("&amp;".utf8)
                case UInt8(ascii: "<"): output += Array("&lt;".utf8)
                case UInt8(ascii: ">"): output += Array("&gt;".utf8)
                case UInt8(ascii: "\""): output += Array("&quot;".utf8)
                default: output.append(byte)
                }
            }
        }
    }
}
