// TEMPORARY STUB until the output stage lands.
import Foundation
public enum OutputWriter {
    public static func write(_ files: [OutputFile], to outputDir: String) throws {
        for file in files {
            let path = outputDir + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            switch file.content {
            case let .bytes(b): FileManager.default.createFile(atPath: path, contents: Data(b))
            case let .copy(from): try? FileManager.default.removeItem(atPath: path); try FileManager.default.copyItem(atPath: from, toPath: path)
            }
        }
    }
}
