import Foundation

/// Tables of social partners: «№ п/п / Направления взаимодействия / Цель / Результат» with
/// direction rows («1.», «2.») and partner rows («1.1», «2.6»), or blocks «партнёр / формы
/// взаимодействия / социальный эффект» with bullet lists inside the cells. Each partner row
/// or block is one action with its partners.
extension PlanReading {
    mutating func readPartners(_ table: SourceTable, layout: PlanTableLayout) {
        for row in table.rows.dropFirst(layout.headerRow + 1) {
            func text(_ kind: PlanColumn) -> String {
                guard let index = layout.index(of: kind), row.indices.contains(index) else { return "" }
                return row[index].text
            }
            let number = RussianText.collapsingWhitespace(text(.number))
            let partnerCell = text(.partner)
            let purpose = RussianText.collapsingWhitespace(text(.purpose))
            let result = text(.result)
            if number.firstMatch(of: /^\d+\.?$/) != nil {
                // A direction: «Образовательные связи» with its goal.
                var goal = PendingGoal(title: Self.goalText(purpose), direction: RussianText.collapsingWhitespace(partnerCell))
                if goal.title.isEmpty { goal.title = goal.direction ?? "" }
                goal.expectedResult = result.isEmpty ? nil : RussianText.collapsingWhitespace(result)
                pendingGoals.append(goal)
                continue
            }
            let location = layout.index(of: .partner).flatMap { row.indices.contains($0) ? row[$0].location : nil }
                ?? row.first?.location ?? SourceLocation()
            let names = Self.partnerNames(in: partnerCell)
            guard !names.isEmpty else {
                if row.contains(where: { !$0.text.isEmpty }) {
                    warnings.append(ImportWarning(.rowWithoutPartner, file: file, location: location))
                }
                continue
            }
            let forms = Self.bullets(text(.forms))
            let effects = Self.bullets(text(.effect))
            var cells: [PlanColumn: String] = [:]
            cells[.action] = purpose.isEmpty ? names.map(\.name).joined(separator: ", ") : purpose
            if !result.isEmpty {
                cells[.result] = result
            } else if !effects.isEmpty {
                cells[.result] = effects.joined(separator: "\n")
            }
            actions.append(PendingAction(
                goal: pendingGoals.isEmpty ? nil : pendingGoals.count - 1, cells: cells, location: location,
                deadlineText: "",
                partners: names.map { PartnerDraft(name: $0.name, hasAgreement: $0.hasAgreement, forms: forms, effects: effects) },
                // Only the purpose and result say when («Экскурсии 2 раза в год»); forms of
                // interaction («ежегодные конкурсы») describe kinds of work, not a schedule.
                recurrenceSource: [purpose, result].joined(separator: " "),
                fromActionTable: false))
        }
    }

    /// «Цель взаимодействия — повысить …» → «Повысить …».
    static func goalText(_ text: String) -> String {
        var result = text
        if let match = RussianText.folded(text).firstMatch(of: /^цель[^-–—:]{0,30}[-–—:]\s*/) {
            result = String(text.dropFirst(match.output.count))
        }
        guard let first = result.first else { return result }
        return first.uppercased() + result.dropFirst()
    }

    /// The organisations a partner cell names, with whether an agreement exists («(Договор)»).
    /// A cell broken over lines is one name («МБУК «…»» / «Г.Зверево»), unless a line starts
    /// with an abbreviation of its own after a complete name: «ДК «МАЯК» Г.ЗВЕРЕВО» and «РДК
    /// Г.КРАСНЫЙ СУЛИН» are two houses of culture in one block.
    static func partnerNames(in cell: String) -> [(name: String, hasAgreement: Bool)] {
        var groups: [[String]] = []
        for rawLine in cell.split(separator: "\n") {
            var line = RussianText.collapsingWhitespace(String(rawLine))
            var isBullet = false
            if let first = line.first, "-–—•·*▪".contains(first) {
                line = RussianText.collapsingWhitespace(String(line.dropFirst()))
                isBullet = true
            }
            guard !line.isEmpty else { continue }
            let firstWord = line.split(separator: " ").first.map(String.init) ?? ""
            let isAbbreviation = (2...6).contains(firstWord.count) && firstWord.allSatisfy { $0.isLetter && $0.isUppercase }
            let current = groups.last?.joined(separator: " ").split(separator: " ").count ?? 0
            if groups.isEmpty || isBullet || (isAbbreviation && current >= 2) {
                groups.append([line])
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        return groups.compactMap { group in
            var name = group.joined(separator: " ")
            var hasAgreement = false
            while let match = name.firstMatch(of: /\(\s*[Дд]оговор[^)]*\)/) {
                hasAgreement = true
                name.replaceSubrange(match.range, with: " ")
            }
            name = RussianText.collapsingWhitespace(name)
            return name.isEmpty ? nil : (name, hasAgreement)
        }
    }

    /// Bullet lines of a cell as items; lines without a bullet continue the item above.
    static func bullets(_ cell: String) -> [String] {
        var items: [String] = []
        for rawLine in cell.split(separator: "\n") {
            var line = RussianText.collapsingWhitespace(String(rawLine))
            var isBullet = false
            if let first = line.first, "-–—•·*▪".contains(first) {
                line = RussianText.collapsingWhitespace(String(line.dropFirst()))
                isBullet = true
            }
            guard !line.isEmpty else { continue }
            if isBullet || items.isEmpty {
                items.append(line)
            } else {
                items[items.count - 1] += " " + line
            }
        }
        return items.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;,")) }.filter { !$0.isEmpty }
    }
}
