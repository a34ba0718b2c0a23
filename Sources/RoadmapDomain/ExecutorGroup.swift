/// A whole kind of organisation named as one executor, as municipal plans write it: «ОО»,
/// «все ОО района», «общеобразовательные организации», «ДОУ», «дошкольные образовательные
/// учреждения», «образовательные организации города». The plan means every one of them: an
/// import gives the action to each organisation of that kind the committee has.
///
/// Only the group's own words count, with «все», «муниципальные» before them and a place
/// after them («района», «города Тамбова», «Тамбовского муниципального округа»); anything
/// else («руководители ОО», «ОО № 5», «МБОУ СОШ № 5») is not a group. A legal form alone
/// («МБОУ», «МБДОУ») names a group only after «все».
public enum ExecutorGroup: String, CaseIterable, Hashable, Sendable {
    case schools
    case kindergartens
    case schoolsAndKindergartens = "schools_and_kindergartens"

    /// The organisation kinds of its members, as the database stores them.
    public var organizationKinds: [String] {
        switch self {
        case .schools: ["school"]
        case .kindergartens: ["kindergarten"]
        case .schoolsAndKindergartens: ["school", "kindergarten"]
        }
    }

    /// The group named by `name`, or nil when it names anything else.
    public init?(naming name: String) {
        var words = OrganizationName.words(of: name)
        var all = false
        while let first = words.first, ["все", "всех", "всем"].contains(first) {
            all = true
            words.removeFirst()
        }
        while let first = words.first, first.hasPrefix("муниципальн") || first == "подведомственные" {
            words.removeFirst()
        }
        for (group, heads) in Self.heads {
            for head in heads where words.starts(with: head) {
                guard Self.isPlace(words.dropFirst(head.count)) else { continue }
                self = group
                return
            }
        }
        if all, words.count == 1 {
            if ["мбоу", "моу", "маоу", "мкоу", "сош", "оу"].contains(words[0]) { self = .schools; return }
            if ["мбдоу", "мдоу", "мадоу", "мкдоу"].contains(words[0]) { self = .kindergartens; return }
        }
        return nil
    }

    /// Each group's words, longest first where one starts another.
    static let heads: [(ExecutorGroup, [[String]])] = [
        (.schoolsAndKindergartens, [
            ["образовательные", "организации"], ["образовательные", "учреждения"], ["оо", "и", "доо"], ["оу", "и", "доу"],
            ["школы", "и", "детские", "сады"], ["школы", "и", "доу"],
        ]),
        (.kindergartens, [
            ["дошкольные", "образовательные", "организации"], ["дошкольные", "образовательные", "учреждения"],
            ["дошкольные", "организации"], ["дошкольные", "учреждения"], ["детские", "сады"], ["доо"], ["доу"],
        ]),
        (.schools, [
            ["общеобразовательные", "организации"], ["общеобразовательные", "учреждения"], ["общеобразовательные", "школы"],
            ["школы"], ["оо"], ["оу"],
        ]),
    ]

    /// Nothing, or a place: «района», «города Тамбова», «Тамбовского района», «МО».
    static func isPlace(_ words: ArraySlice<String>) -> Bool {
        guard !words.isEmpty else { return true }
        let places: Set<String> = [
            "района", "города", "г", "округа", "муниципалитета", "области", "края", "республики", "поселения", "мо",
            "муниципального", "городского", "территории",
        ]
        return words.count <= 4 && words.contains(where: places.contains) && words.allSatisfy { $0.allSatisfy(\.isLetter) }
    }
}
