/// A problem found while splitting or reading a source, at a 1-based line and column of the file.
struct FrontMatterProblem: Equatable, Error {
    var message: String
    var line: Int
    var column: Int
}
