/// The address a request came from, for rate limits and logs: the peer's, unless the peer
/// is one of the proxies the service was told to trust (`serve --trusted-proxy`), in which
/// case the last address the proxy added to `X-Forwarded-For`. A client cannot pose as
/// another: a header from an untrusted peer is ignored, and of a trusted proxy's header
/// only the entry the proxy itself wrote counts.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: String?, trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer), let forwardedFor else { return peer }
        let entries = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = entries.last, last.count <= 45, last.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
            return peer
        }
        return last
    }
}
