import ArgumentParser

/// An organisation kind on the command line.
enum OrganizationKindArgument: String, CaseIterable, ExpressibleByArgument {
    case committee
    case municipalInstitution = "municipal_institution"
    case school
    case kindergarten
    case partner
    case other

    static let help = "committee, municipal_institution, school, kindergarten, partner or other"
}
