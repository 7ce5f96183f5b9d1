/// A problem found while splitting or reading a source, at a 1-based line and column of the file.
package struct FrontMatterProblem: Equatable, Error {
    package var message: String
    package var line: Int
    package var column: Int
}
