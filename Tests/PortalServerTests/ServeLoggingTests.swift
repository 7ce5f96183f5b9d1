import Logging
import Testing
@testable import PortalServer

/// `portal serve` prints its own "serving http://…" line; the server library's
/// messages appear only from warnings up, unless `LOG_LEVEL` asks for others.
@Suite struct ServeLoggingTests {
    @Test func theServerLogsWarningsAndErrorsOnlyByDefault() {
        let logger = PreviewServer.logger(environment: [:])
        #expect(logger.logLevel == .warning)
        // The library's "Server started and listening" message is at info level.
        #expect(logger.logLevel > .info)
    }

    @Test func logLevelChoosesAnotherLevel() {
        #expect(PreviewServer.logger(environment: ["LOG_LEVEL": "debug"]).logLevel == .debug)
        #expect(PreviewServer.logger(environment: ["LOG_LEVEL": "INFO"]).logLevel == .info)
        #expect(PreviewServer.logger(environment: ["LOG_LEVEL": "error"]).logLevel == .error)
    }

    @Test func anUnknownLogLevelKeepsTheDefault() {
        #expect(PreviewServer.logger(environment: ["LOG_LEVEL": "loud"]).logLevel == .warning)
        #expect(PreviewServer.logger(environment: ["LOG_LEVEL": ""]).logLevel == .warning)
    }
}
