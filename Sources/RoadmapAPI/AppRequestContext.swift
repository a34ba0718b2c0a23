import Foundation
import Hummingbird

/// The context of one request: Hummingbird's core storage plus what our middleware adds.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// A short id that ties a request's log line to the response a user saw.
    public var requestID: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.requestID = String(UUID().uuidString.lowercased().prefix(8))
    }
}
