/// What kind of executor a responsible cell names: the committee itself, one of its municipal
/// institutions, a school, a kindergarten, a partner organisation, or a person's role inside the
/// school («Классный руководитель», «родители»). Raw values are what the API and the database use.
public enum ExecutorKind: String, CaseIterable, Codable, Hashable, Sendable {
    case committee
    case municipalInstitution = "municipal_institution"
    case school
    case kindergarten
    case partner
    case personRole = "person_role"
    case other

    /// Whether the executor is an organisation (and so can be matched and assigned work).
    public var isOrganization: Bool { self != .personRole }
}
