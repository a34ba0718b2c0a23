import RoadmapDomain

extension TypedText {
    /// `text` cleaned by the domain's rule, or `.invalid` naming `field` as the client wrote it.
    static func field(_ text: String, _ field: String) throws(UseCaseError) -> String {
        do {
            return try cleaned(text)
        } catch {
            throw .invalid(field: field, reason: error.description)
        }
    }

    static func field(_ text: String?, _ field: String) throws(UseCaseError) -> String? {
        guard let text else { return nil }
        let present: String = text
        return try Self.field(present, field) as String
    }

    static func fields(_ texts: [String]?, _ field: String) throws(UseCaseError) -> [String]? {
        guard let texts else { return nil }
        var result: [String] = []
        for (index, text) in texts.enumerated() { result.append(try Self.field(text, "\(field)[\(index)]")) }
        return result
    }
}

extension OrderChange {
    /// The change with every text cleaned, or the first field the text rule refuses.
    func validated() throws(UseCaseError) -> OrderChange {
        var change = self
        change.number = try TypedText.field(number, "number")
        change.title = try TypedText.field(title, "title")
        change.signatory = try TypedText.field(signatory, "signatory")
        change.controller = try TypedText.field(controller, "controller")
        return change
    }
}

extension ActionChange {
    /// The change with every text cleaned, or the first field the text rule refuses.
    func validated() throws(UseCaseError) -> ActionChange {
        var change = self
        change.title = try TypedText.field(title, "title")
        change.expectedResult = try TypedText.field(expectedResult, "expected_result")
        change.venue = try TypedText.field(venue, "venue")
        change.deadline = try TypedText.field(deadline, "deadline")
        change.reason = try TypedText.field(reason, "reason").flatMap { $0.isEmpty ? nil : $0 }
        if let kinds = executorKinds, let unknown = kinds.first(where: { !OrganizationChange.kinds.contains($0) }) {
            throw .invalid(field: "executor_kinds", reason: "«\(unknown)» is none of \(OrganizationChange.kinds.joined(separator: ", "))")
        }
        return change
    }
}

extension OrganizationChange {
    /// The change with every text cleaned, or the first field the text rule refuses.
    func validated() throws(UseCaseError) -> OrganizationChange {
        var change = self
        change.name = try TypedText.field(name, "name")
        change.shortName = try TypedText.field(shortName, "short_name")
        change.aliases = try TypedText.fields(aliases, "aliases")
        return change
    }
}
