/// A template that cannot be compiled, with the 1-based line and column of the tag at fault.
struct TemplateSyntaxError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
}
