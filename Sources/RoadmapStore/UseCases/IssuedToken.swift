/// A token just issued: the only moment the token itself exists outside its holder's hands.
public struct IssuedToken: Sendable {
    public let token: String
    public let record: TokenRecord
}
