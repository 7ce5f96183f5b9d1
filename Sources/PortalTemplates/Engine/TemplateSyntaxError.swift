/// A template that cannot be compiled, with the 1-based line and column of the tag at fault.
package struct TemplateSyntaxError: Error, Sendable, Equatable {
    package var message: String
    package var line: Int
    package var column: Int
}
