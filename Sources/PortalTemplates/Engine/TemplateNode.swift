/// One piece of a compiled template.
package indirect enum TemplateNode: Sendable {
    /// Literal text, as the UTF-8 bytes it is written as.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with its block overrides.
    case partial(String, indentation: String, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: replaced by an override from a child template.
    case block(String, [TemplateNode], indentation: String)
}

/// A name in a tag: where to look it up, and the transforms applied to what is found.
package struct TemplateName: Sendable, Hashable {
    package enum Scope: Sendable, Hashable {
        /// `.`: the innermost context.
        case current
        /// `.a.b`: looked up in the innermost context only.
        case local([String])
        /// `a.b`: `a` searched from the innermost context outwards.
        case stack([String])
        /// `first()`: the position in the list being iterated.
        case position
    }

    package var scope: Scope
    /// Innermost first: `a(b(x))` is `[b, a]`.
    package var transforms: [TemplateTransform]
}

/// A named function on a value, written `name(value)` in a tag.
package enum TemplateTransform: String, Sendable, CaseIterable {
    case first, last, index, even, odd, empty, count, reversed
    case uppercased, lowercased, capitalized
    case equalzero, plusone, minusone
}
