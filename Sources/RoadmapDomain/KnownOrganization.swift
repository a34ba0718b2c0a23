/// An organisation the service already knows, as the matcher sees it: its id, its name and the
/// other spellings registered for it («СОШ №5» for «МАОУ СОШ № 5 имени Ю.А.Гагарина»).
public struct KnownOrganization: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let aliases: [String]

    public init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = RussianText.nfc(name)
        self.aliases = aliases.map(RussianText.nfc)
    }
}
