@testable import RoadmapAPI
import Testing

@Suite("Client address behind a proxy")
struct ClientAddressTests {
    @Test func aTrustedProxyNamesTheClientAndNobodyElseDoes() {
        let trusted: Set<String> = ["127.0.0.1"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.7", trusted: trusted) == "203.0.113.7")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "10.9.9.9, 203.0.113.7", trusted: trusted) == "203.0.113.7",
                "only the entry the proxy wrote counts; what the client sent before it does not")
        #expect(ClientAddress.resolve(peer: "198.51.100.2", forwardedFor: "203.0.113.7", trusted: trusted) == "198.51.100.2",
                "an untrusted peer's header is ignored")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: nil, trusted: trusted) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "<script>", trusted: trusted) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "2001:db8::1", trusted: trusted) == "2001:db8::1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.7", trusted: []) == "127.0.0.1")
    }
}
