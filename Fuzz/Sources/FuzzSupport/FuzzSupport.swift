import CFuzzerDriver
import Foundation

/// SwiftPM gives an executable its own `main`, so libFuzzer's is never linked: each
/// fuzzer's `main` hands its `LLVMFuzzerTestOneInput` to libFuzzer's driver instead.
///
/// One empty input runs first, so that globals initialised on first use exist before
/// libFuzzer counts allocations: LeakSanitizer does not see through the tagged
/// pointers that hold some of them, and would report them as leaks.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    for warmUp in ["", "a", "\u{0}title"] {
        var bytes = Array(warmUp.utf8)
        _ = testOneInput(&bytes, bytes.count)
    }
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
