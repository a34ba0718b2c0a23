import Foundation
import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core storage plus what our middleware adds.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// A short id that ties a request's log line to the response a user saw.
    public var requestID: String
    /// The peer, for rate limits of unauthenticated clients.
    public var remoteAddress: SocketAddress?
    /// The client's address a trusted proxy passed on (`ForwardedClientMiddleware`).
    var forwardedClient: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.requestID = String(UUID().lowercased.prefix(8))
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The key rate limits count an anonymous client by.
    var clientKey: String {
        forwardedClient ?? remoteAddress?.ipAddress ?? "unknown"
    }
}
