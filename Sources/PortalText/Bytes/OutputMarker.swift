/// The file every build output holds: the output stage writes it, and the input stage
/// never reads a folder holding it as sources.
public enum OutputMarker {
    public static let name = ".portal-output"
}
