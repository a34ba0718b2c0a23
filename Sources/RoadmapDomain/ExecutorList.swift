import Foundation

/// The executors named in one «Ответственный исполнитель» cell, and the municipality the cell
/// ends with: «Комитет образования, МКУ «Центр сопровождения образовательной деятельности»,
/// МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов» is three organisations in «город Тамбов».
///
/// Splitting rules: commas and semicolons separate executors except inside quotes («» "" „“)
/// and parentheses; a line break is a space (cells are broken over lines and pages) unless the
/// next line starts with a bullet («-», «•», «·», «1)», «1.»); HTML tags, bullets and trailing
/// dots are dropped. A trailing «город Тамбов», «г. Тамбов», «Тамбовская область», «… район» or
/// «… городской округ» is the municipality, not an executor. «МАОУ СОШ № 22 и № 24» and
/// «СОШ № 22, № 24» are two schools.
public struct ExecutorList: Hashable, Sendable {
    public let executors: [Executor]
    /// The municipality the cell names last, as written («город Тамбов»), or nil.
    public let municipality: String?

    public init(executors: [Executor], municipality: String?) {
        self.executors = executors
        self.municipality = municipality
    }

    /// Splits and classifies a responsible cell.
    public init(parsing cell: String) {
        var parts = Self.split(cell)
        var municipality: String?
        if let last = parts.last, parts.count >= 1, Self.isMunicipality(last) {
            municipality = last
            parts.removeLast()
        }
        parts = Self.expandingNumbers(parts)
        self.init(executors: parts.map { Executor(name: $0) }, municipality: municipality)
    }

    /// The organisations only (no person roles).
    public var organizations: [Executor] { executors.filter(\.kind.isOrganization) }

    // MARK: - Splitting

    static let openingQuotes: [Character: Character] = ["«": "»", "„": "“", "“": "”", "‘": "’", "‹": "›"]

    /// The cell's executor names, cleaned, in order.
    static func split(_ cell: String) -> [String] {
        var text = RussianText.removingTags(RussianText.nfc(cell))
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // «9-11 Каменская В.А.»: the classes taking part, a column a copy ran into this one,
        // are nobody's name.
        if let classes = text.prefixMatch(of: Self.leadingClasses.regex) {
            text.removeSubrange(classes.range)
        }
        // Lines starting with a bullet begin a new executor; other line breaks are spaces.
        var joined = ""
        var previousLine = ""
        // Quotes and brackets still open at the end of `joined`, counted line by line as it grows.
        var open = 0
        var straightQuotes = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces.union(["\u{00A0}"]))
            guard !trimmed.isEmpty else { continue }
            if !joined.isEmpty {
                let inside = open > 0 || straightQuotes % 2 == 1
                joined += startsWithBullet(trimmed) || !inside && startsAnotherExecutor(trimmed, after: previousLine) ? ";" : " "
            }
            let added = stripBullet(trimmed)
            for character in added {
                if openingQuotes[character] != nil || character == "(" { open += 1 }
                if closingQuotes.contains(character) || character == ")" { open = max(0, open - 1) }
                if character == "\"" { straightQuotes += 1 }
            }
            joined += added
            previousLine = trimmed
        }
        var parts = splitOutsideQuotes(joined, respectingQuotes: true)
        if parts == nil { parts = splitOutsideQuotes(joined, respectingQuotes: false) }
        let pieces = distributingAPluralHead(parts ?? [])
            .flatMap(splittingAtASlash).flatMap(splittingContact).flatMap(splittingPersons).flatMap(splittingPosts)
            .flatMap(splittingBodies).flatMap(splittingInstitutions)
        return mergingContinuations(pieces.map(clean).filter(namesSomebody))
    }

    /// «Министерство образования и науки Челябинской области/ГБУ ДПО ЧИППКРО»: two organisations
    /// either side of a slash, each of two words or more, the first ending as a name ends (a
    /// word in small letters, a quote), the second opening with a capital.
    /// «д/с», «п/о» and «СОШ/ДОУ» stay as they are.
    static func splittingAtASlash(_ part: String) -> [String] {
        let pieces = part.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.count >= 2,
              pieces.allSatisfy({ $0.split(separator: " ").count >= 2 && $0.first?.isUppercase == true }),
              // The name before ends as a name does, in a word in small letters or a quote.
              pieces.dropLast().allSatisfy({ $0.last?.isLowercase == true || $0.last == "»" || $0.last == "\"" }),
              pieces.allSatisfy({ piece in
                  let kind = Executor.kind(of: piece)
                  return kind.isOrganization && (kind != .other || piece.split(separator: " ").first.map(Self.isLegalForm) == true)
              })
        else { return [part] }
        return pieces
    }

    /// «Департаменты: социальной защиты населения, образования, здравоохранения»: one head in
    /// the plural before a colon, shared by the bodies listed after it; each is a body of its
    /// own, «Департамент образования». The list ends at a part that names somebody of its own.
    static func distributingAPluralHead(_ parts: [String]) -> [String] {
        guard let first = parts.first, let colon = first.firstIndex(of: ":") else { return parts }
        let head = first[..<colon].trimmingCharacters(in: .whitespaces)
        guard let singular = Self.singularBodies[RussianText.folded(head)] else { return parts }
        let capitalised = head.first?.isUppercase == true ? singular.prefix(1).uppercased() + singular.dropFirst() : singular
        var result: [String] = []
        var listing = true
        for (index, part) in parts.enumerated() {
            let item = (index == 0 ? String(first[first.index(after: colon)...]) : part).trimmingCharacters(in: .whitespaces)
            if listing, item.first?.isLowercase == true, Executor.kind(of: item) == .other {
                result.append(capitalised + " " + item)
            } else {
                listing = false
                if !item.isEmpty { result.append(item) }
            }
        }
        return result
    }

    static let singularBodies = [
        "департаменты": "департамент", "управления": "управление", "комитеты": "комитет", "отделы": "отдел",
        "министерства": "министерство",
    ]

    /// Whether a part of a cell names anybody: a letter or a figure outside brackets. «^», «—»
    /// or «(по согласованию)» alone name nobody (a remark in brackets is no part of a name).
    static func namesSomebody(_ part: String) -> Bool {
        var depth = 0
        for character in part {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            else if depth == 0, character.isLetter || character.isNumber { return true }
        }
        return false
    }

    /// «МКУ «ЦОДОУ» (Иванова Т.А.)»: an organisation and, in brackets, the person to ask
    /// there; two executors, the organisation's name without its contact. The other way round,
    /// «Должиков В.Ю. (ГДК)», the person and the organisation they answer for.
    static func splittingContact(_ written: String) -> [String] {
        let part = written.trimmingCharacters(in: .whitespacesAndNewlines)
        guard part.hasSuffix(")"), let open = part.lastIndex(of: "("), open > part.startIndex else { return [written] }
        let body = part[..<open].trimmingCharacters(in: .whitespaces)
        let inside = part[part.index(after: open)..<part.index(before: part.endIndex)]
        let persons = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        // «Должиков В.Ю. (ГДК)», «Сулкова О.С. (библиотека им. Ленина)»: the person, then where they work.
        // «Субботова С.В. (ДХШ, ДШИ)»: two of them.
        if Executor.isPerson(body), !Executor.startsWithRole(body),
           persons.allSatisfy({ ![.other, .personRole].contains(Executor.kind(of: $0)) }) {
            return [body] + persons
        }
        guard !persons.isEmpty, persons.allSatisfy({ Executor.isPerson($0) }), Executor.kind(of: body).isOrganization,
              Executor.kind(of: body) != .other else { return [written] }
        return [body] + persons
    }

    /// «Заведующий Заместитель заведующего по безопасности»: two posts without a comma, the
    /// second starting with a capital where a post starts, also after a full word's dot
    /// («Библиотекарь. Классные руководители»). In small letters, the lines of a cell joined
    /// by a copy, the second opens with a post in the nominative that never continues the one
    /// before («Дежурный класс классные руководители», «Заведующий заместитель заведующего»,
    /// «Классные руководители руководитель ОДОД», «учитель музыки и ст. вожатая»); a person's
    /// own post after their initials («Петрова И.И. учитель») stays theirs.
    static func splittingPosts(_ part: String) -> [String] {
        let words = part.split(separator: " ")
        guard words.count >= 2, Executor.kind(of: part) == .personRole else { return [part] }
        // Each word normalised once, and only the few words after a place read there: a cell
        // of a thousand words costs a thousand steps, not a million.
        let normalised = words.map { OrganizationName.words(of: String($0)) }
        func opening(at index: Int) -> [String] { normalised[index..<min(index + 4, words.count)].flatMap { $0 } }
        var pieces: [String] = []
        var start = 0
        var index = 1
        while index < words.count {
            let word = words[index], before = words[index - 1]
            // «Кл. руководители», «Зам. директора»: a post may open with a cut word.
            let core = word.hasSuffix(".") && word.count >= 3 ? word.dropLast() : word
            let capitalised = core.first?.isUppercase == true && !core.dropFirst().contains(where: \.isUppercase)
                && core.contains(where: \.isLowercase)
            let afterAWord = before.last?.isLetter == true
                || before.last == "." && before.dropLast().count >= 5 && before.dropLast().allSatisfy(\.isLetter)
            func headIsAPost() -> Bool { Executor.kind(of: words[start..<index].joined(separator: " ")) == .personRole }
            if index > start, capitalised, afterAWord, Executor.startsWithRole(words: opening(at: index)), headIsAPost() {
                pieces.append(words[start..<index].joined(separator: " "))
                start = index
                index += 1
                continue
            }
            // «… и ст. вожатая», «… или воспитатели по физкультуре»: a conjunction between two posts.
            let joined = word == "и" || word == "или"
            let next = joined ? index + 1 : index
            if index > start, core.first?.isLowercase == true, afterAWord, next < words.count,
               Self.opensWithAPostInTheNominative(opening(at: next)), let last = normalised[index - 1].last,
               !Self.qualifiesTheNext(last), !Self.makesOnePost(last, opening(at: next)),
               !before.dropLast().contains("."), !(before.count <= 3 && before.allSatisfy(\.isUppercase)), headIsAPost() {
                pieces.append(words[start..<index].joined(separator: " "))
                start = next
                index = next + 1
                continue
            }
            index += 1
        }
        pieces.append(words[start...].joined(separator: " "))
        return pieces
    }

    /// Posts in the nominative that never stand after another post as its complement: «учителя»,
    /// «директора» and «мастера» are left out, being the genitive of one too («Помощник учителя»).
    static let nominativePosts: [[String]] = [
        "классные руководители", "классный руководитель", "кл руководители", "руководитель", "руководители", "заместитель",
        "заместители", "заведующий", "заведующая", "воспитатель", "воспитатели", "учитель", "педагог", "педагоги",
        "педагог организатор", "педагоги организаторы", "педагог психолог", "социальный педагог", "библиотекарь", "повар",
        "повара", "завхоз", "дворник", "дворники", "медсестра", "медицинская сестра", "старшая вожатая", "ст вожатая", "вожатая",
        "вожатый", "вожатые", "советник", "инструктор", "методист", "методисты", "психолог", "логопед", "учитель логопед",
        "директор", "учителя предметники", "музыкальный руководитель", "музыкальные руководители", "куратор", "кураторы", "родители",
    ].map { OrganizationName.words(of: $0) }

    /// Whether normalised words open with a post of `nominativePosts`.
    static func opensWithAPostInTheNominative(_ words: [String]) -> Bool {
        nominativePosts.contains { words.starts(with: $0) }
    }

    /// «Педагог психолог», «учитель логопед»: one post written without its hyphen.
    static func makesOnePost(_ last: String, _ opening: [String]) -> Bool {
        guard ["педагог", "педагоги", "учитель", "учителя"].contains(last), let next = opening.first else {
            return false
        }
        return ["психолог", "психологи", "логопед", "логопеды", "организатор", "организаторы", "дефектолог", "библиотекарь", "наставник"]
            .contains(next)
    }

    /// «старший», «ответственный», «все»: a word that asks for the post after it («старший
    /// воспитатель»). «Заведующий», «дежурный» name somebody themselves.
    static func qualifiesTheNext(_ word: String) -> Bool {
        if ["заведующий", "заведующая"].contains(word) { return false }
        // A cut word asks for more too: «Зам директор по ХЧ», «Ст. воспитатель».
        return ["ый", "ий", "ой", "ая", "яя", "ые", "ие", "ое"].contains(where: word.hasSuffix)
            || ["все", "и", "или", "по", "за", "зам", "зав", "нач", "гл", "ст", "кл", "рук", "муз", "мед", "соц", "пед"].contains(word)
    }

    /// «Департамент государственной политики в сфере общего образования Департамент
    /// государственной политики в сфере подготовки»: two bodies without a comma, the second
    /// opening with a capitalised body («Департамент», «Управление», «Министерство», «Комитет»,
    /// «Отдел», «Администрация», «Органы») after a word in small letters that does not ask for
    /// more; in small letters too after the territory a name ends with («… области управление
    /// культуры»).
    static func splittingBodies(_ part: String) -> [String] {
        let words = part.split(separator: " ")
        let heads = Self.bodyHeads
        let folded = words.map { RussianText.folded(String($0)) }
        // «… области управление культуры»: in small letters, after the territory a name ends with.
        func opensABody(_ index: Int) -> Bool {
            heads.contains(words[index])
                || Self.bodyHeadsInSmallLetters.contains(words[index]) && Self.territories.contains(folded[index - 1])
        }
        guard words.count >= 4, (2..<words.count).contains(where: opensABody), Executor.kind(of: part) != .personRole else {
            return [part]
        }
        // One pass, each body from where the one before ended: a long cell costs its length.
        var pieces: [String] = []
        var start = 0
        for index in 2..<words.count where index >= start + 2 && words.count - start >= 4 && opensABody(index) {
            let before = words[index - 1]
            guard before.last?.isLowercase == true, before.first?.isLowercase == true,
                  !AliasDefinitions.connectors.contains(folded[index - 1]), before != "и" else { continue }
            let head = words[start..<index].joined(separator: " ")
            guard heads.contains(words[start]) || Self.bodyHeadsInSmallLetters.contains(words[start]) || Executor.kind(of: head) != .other
            else { continue }
            pieces.append(head)
            start = index
        }
        pieces.append(words[start...].joined(separator: " "))
        return pieces
    }

    /// «МБОУ ДОД Центр детского творчества МБОУ ДОД Бурлинская детская школа искусств»: two
    /// institutions without a comma, the second opening with its legal form («МБОУ», «ГБУ»,
    /// «МАДОУ») where the text before already names an institution or a body. «Директор МБОУ
    /// СОШ № 5» (a post there) and «… и ДОУ № 7» stay as they are.
    static func splittingInstitutions(_ part: String) -> [String] {
        let words = part.split(separator: " ")
        guard words.count >= 4, words.dropFirst(2).contains(where: Self.isLegalForm) else { return [part] }
        // One pass, each institution from where the one before ended.
        var pieces: [String] = []
        var start = 0
        var named = false
        for index in words.indices {
            if index >= start + 2, words.count - start >= 4, Self.isLegalForm(words[index]), named {
                let before = words[index - 1]
                if before.last?.isLetter == true || before.last?.isNumber == true || before.last == "»" || before.last == "\"",
                   !AliasDefinitions.connectors.contains(RussianText.folded(String(before))), before != "и" {
                    pieces.append(words[start..<index].joined(separator: " "))
                    start = index
                    named = false
                }
            }
            // Whether the text since `start` already names an institution or a body.
            if Self.isLegalForm(words[index]) || Self.bodyHeads.contains(words[index]) { named = true }
        }
        pieces.append(words[start...].joined(separator: " "))
        return pieces
    }

    /// «МБОУ», «МАДОУ», «ГБПОУ», «ФГБОУ», «МКУ», «ГУО», «МБУДО»: an institution's legal form in
    /// capitals.
    static func isLegalForm(_ word: Substring) -> Bool {
        guard (2...6).contains(word.count), word.allSatisfy({ $0.isUppercase && $0.isLetter }), let first = word.first,
              "МГФОКР".contains(first) else { return false }
        return word.hasSuffix("ОУ") || word.hasSuffix("У") && word.count >= 3 || word.hasSuffix("УДО") || word.hasSuffix("УК") || word == "ГУО"
    }

    static let bodyHeads: Set<Substring> = ["Департамент", "Управление", "Министерство", "Комитет", "Отдел", "Администрация", "Органы"]
    static let bodyHeadsInSmallLetters: Set<Substring> = ["департамент", "управление", "министерство", "комитет", "отдел", "органы"]
    /// The words a body's name ends with: «… области», «… района», «… города».
    static let territories: Set<String> = ["области", "района", "края", "города", "округа", "республики", "россии", "рф"]

    /// «Едигарева Н.В. Григорьева Л.В. Ступина О.В. Руководители МОУ», «Н.Е. Байрачный К.А.
    /// Федоренко»: persons one after another without a comma, each a name of their own; the
    /// text around them too. A part with one person («Директор школы Пирогова В.А.») stays.
    static func splittingPersons(_ part: String) -> [String] {
        let initialsFirst = part.matches(of: Self.initialsFirstName.regex)
            .map { $0.output.1.startIndex..<$0.output.1.endIndex }
        let surnameFirst = part.matches(of: Self.surnameFirstName.regex)
            .map { $0.output.1.startIndex..<$0.output.1.endIndex }
        // «Едигарева Н.В. Григорьева Л.В.» reads both ways; the way the text starts with wins.
        let matches: [Range<String.Index>]
        switch (initialsFirst.first?.lowerBound, surnameFirst.first?.lowerBound) {
        case let (initials?, surname?) where initials != surname: matches = initials < surname ? initialsFirst : surnameFirst
        default: matches = initialsFirst.count >= surnameFirst.count ? initialsFirst : surnameFirst
        }
        if matches.count == 1, let person = matches.first,
           part[..<person.lowerBound].allSatisfy({ $0.isWhitespace }) {
            // «Столярова И.В. Классные руководители»: a person, then a group or a body of its
            // own with a capital; «Петрова И.И. Заместитель начальника» (the post she holds) stays.
            let rest = part[person.upperBound...].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".,;")))
            if rest.first?.isUppercase == true, rest.filter(\.isLetter).count >= 4,
               Self.isPlural(rest) || Executor.kind(of: rest).isOrganization && Executor.kind(of: rest) != .other {
                return [String(part[person]), rest]
            }
        }
        guard matches.count >= 2 else { return [part] }
        var pieces: [String] = []
        var from = part.startIndex
        for range in matches {
            pieces.append(String(part[from..<range.lowerBound]))
            pieces.append(String(part[range]))
            from = range.upperBound
        }
        pieces.append(String(part[from...]))
        return pieces.map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",;"))) }
            .filter { $0.contains(where: \.isLetter) }
    }

    /// «МБУ Центр психолого-педагогической, медицинской и социальной помощи» is one name: a part
    /// starting with a small letter continues the previous one unless it is a person's role
    /// («Классный руководитель, родители»).
    static func mergingContinuations(_ parts: [String]) -> [String] {
        var result: [String] = []
        for part in parts {
            if let previous = result.last, Self.isAWorkArea(part), Self.endsWithAWorkArea(previous) {
                // «Заместители директора по УР, ВР»: one post over two areas of work, not «ВР».
                result[result.count - 1] = previous + ", " + part
            } else if let previous = result.last, Self.describesThePrevious(part) {
                // «Заместитель директора, курирующий вопрос аттестации»: a clause, not a name.
                result[result.count - 1] = previous + ", " + part
            } else if let previous = result.last, Self.namesAnotherSubject(part, after: previous) {
                // «Учителя физики, химии»: the teachers of two subjects, not a body named «химии».
                result[result.count - 1] = previous + ", " + part
            } else if let first = part.first, first.isLowercase, let previous = result.last,
               Executor.kind(of: part) != .personRole, Executor.kind(of: previous) != .personRole,
               !isMunicipality(part), !startsAnOrganisation(part)
            {
                result[result.count - 1] = previous + ", " + part
            } else if let first = part.first, first.isLowercase, let previous = result.last,
                      Executor.isPerson(previous), !Executor.startsWithRole(previous), !Self.saysThePostAfterTheInitials(previous),
                      Executor.kind(of: part) == .personRole, !Self.isPlural(part)
            {
                // «Петрова И.И., заместитель начальника»: a person and the post they hold; after
                // «медицинский работник Новикова Т.В.», whose post is said, another one's post.
                result[result.count - 1] = previous + ", " + part
            } else {
                result.append(part)
            }
        }
        return result
    }

    /// «химии», «русского языка» after «Учителя физики» or «Преподаватели технологии»: another
    /// subject of the same teachers, in the genitive, that names nobody of its own.
    static func namesAnotherSubject(_ part: String, after previous: String) -> Bool {
        let words = part.split(separator: " ")
        guard let first = words.first, first.first?.isLowercase == true, words.count <= 3,
              let teacher = previous.split(separator: " ").first.map({ RussianText.folded(String($0)) }),
              ["учител", "преподавател", "педагог"].contains(where: teacher.hasPrefix), previous.split(separator: " ").count >= 2
        else { return false }
        let folded = RussianText.folded(String(first))
        return ["а", "я", "ы", "и", "ого", "его"].contains(where: folded.hasSuffix) && Executor.kind(of: part) == .other
            && !startsAnOrganisation(part) && !isMunicipality(part)
    }

    /// «Лобанова Л.Н. учитель»: a person whose post is said after the initials; a post after it
    /// is another one's.
    static func saysThePostAfterTheInitials(_ person: String) -> Bool {
        guard let initials = person.matches(of: Executor.personInitials.regex).last else { return false }
        let rest = person[initials.range.upperBound...].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".,")))
        return !rest.isEmpty && Executor.startsWithRole(rest)
    }

    /// The areas of a school's deputy heads, shortened: «УР», «ВР», «УВР», «УПР», «АХЧ».
    static let workAreas: Set<String> = ["ур", "вр", "увр", "упр", "нмр", "мр", "ахч", "ахр", "ир", "пр", "ор", "бж", "иктр"]

    static func isAWorkArea(_ part: String) -> Bool {
        workAreas.contains(RussianText.folded(part.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))))
    }

    /// «… по УР», «… по УР, ВР»: a post named by its area of work.
    static func endsWithAWorkArea(_ part: String) -> Bool {
        let words = part.split(whereSeparator: { $0 == " " || $0 == "," }).map { RussianText.folded(String($0)) }
        guard let last = words.last, workAreas.contains(last) else { return false }
        return words.dropLast().last == "по" || words.dropLast().contains("по") && words.reversed().prefix { $0 != "по" }.allSatisfy(workAreas.contains)
    }

    /// «управление здравоохранения администрации г. Владимира», «администрации районов города»,
    /// «зональные и районные центры»: a list of bodies in small letters goes on with a body of
    /// its own, not with the end of the name before («…, медицинской и социальной помощи»).
    static func startsAnOrganisation(_ part: String) -> Bool {
        guard let word = part.split(separator: " ").first.map({ RussianText.folded(String($0)) }) else { return false }
        let heads: Set<String> = [
            "управление", "управления", "администрация", "администрации", "министерство", "министерства", "департамент",
            "департаменты", "комитет", "комитеты", "отдел", "отделы", "орган", "органы", "учреждение", "учреждения",
            "организация", "организации", "центр", "центры", "служба", "службы", "инспекция", "совет", "советы",
            // «…, библиотека», «…, музеи», «…, школы»: an institution named by what it is.
            "библиотека", "библиотеки", "музей", "музеи", "школа", "школы", "поликлиника", "больница", "колледж", "техникум",
            "театр", "театры",
        ]
        if heads.contains(word) { return true }
        // «государственное бюджетное образовательное учреждение …», «муниципальное автономное
        // учреждение …»: an institution's legal form spelled out opens a name of its own.
        let forms = ["государственн", "муниципальн", "федеральн", "областн", "краев", "республиканск", "окружн", "негосударственн",
                     "частн", "автономн", "бюджетн", "казенн"]
        if forms.contains(where: word.hasPrefix), word.hasSuffix("ое") || word.hasSuffix("ая"),
           RussianText.folded(part).firstMatch(of: Self.institutionWord.regex) != nil {
            return true
        }
        // A plural adjective in the nominative opens a group of bodies; the genitive («-ых») continues a name.
        return word.count >= 6 && (word.hasSuffix("ые") || word.hasSuffix("ие")) && part.split(separator: " ").count >= 2
    }

    /// «классные руководители», «руководители ШМО»: a group, not the post of the person before.
    static func isPlural(_ part: String) -> Bool {
        guard let word = part.split(separator: " ").first else { return false }
        return RussianText.folded(String(word)).firstMatch(of: Self.pluralEnding.regex) != nil
    }

    /// A part that opens with a participle or «ответственный за» says something of the part
    /// before it: «курирующий вопрос …», «ответственный за питание», «назначенный приказом»,
    /// «подведомственные Минздраву России».
    static func describesThePrevious(_ part: String) -> Bool {
        guard let word = part.split(separator: " ").first, word.first?.isLowercase == true else { return false }
        let folded = RussianText.folded(String(word))
        // Posts named so: «заведующий», «управляющий», «ведущий специалист».
        if ["заведующ", "управляющ", "ведущ", "исполняющ", "служащ", "учащ", "обучающ", "трудящ"].contains(where: folded.hasPrefix) {
            return false
        }
        if folded.hasPrefix("ответственн"), part.split(separator: " ").dropFirst().first == "за" { return true }
        // «Образовательные и научные организации, подведомственные Минздраву России»: whose
        // they are or where, said of the bodies before (an adjective, not a body of its own).
        if ["подведомственн", "расположенн"].contains(where: folded.hasPrefix) { return true }
        return folded.count >= 6 && folded.firstMatch(of: Self.participleEnding.regex) != nil
    }

    /// Splits at «,» and «;» outside quotes and parentheses; nil when quotes never close.
    static func splitOutsideQuotes(_ text: String, respectingQuotes: Bool) -> [String]? {
        var parts: [String] = []
        var current = ""
        var closers: [Character] = []
        var inASCIIQuote = false
        for character in text {
            if respectingQuotes {
                if let expected = closers.last, character == expected {
                    closers.removeLast()
                } else if let closer = openingQuotes[character] {
                    closers.append(closer)
                } else if character == "\"" {
                    inASCIIQuote.toggle()
                }
            }
            if character == "(" { closers.append(")") } else if character == ")", closers.last == ")" {
                closers.removeLast()
            }
            if (character == "," || character == ";") && closers.isEmpty && !inASCIIQuote {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        if respectingQuotes && (!closers.filter({ $0 != ")" }).isEmpty || inASCIIQuote) { return nil }
        return parts
    }

    static let closingQuotes = Set(openingQuotes.values)

    /// «Комитет образования» / «МКУ «Центр сопровождения…»» / «МАОУ СОШ № 5»: one executor a
    /// line, as a Word cell lists them. Outside quotes and brackets (the caller counts them), a
    /// line is a new executor when it opens with a capital and names an organisation or a role
    /// of its own, and the line before does not break off («Заместитель директора по»,
    /// «Директор МБОУ», «… и», «МАОУ СОШ № 5 имени»): a name wrapped in a narrow column goes on
    /// instead.
    static func startsAnotherExecutor(_ line: String, after previous: String) -> Bool {
        // «ЗУВР» / «директор,» / «зам. по ВР»: a school's plan lists its posts one a line, each
        // in small letters after a post that ends (a comma, a dot, an abbreviation: «ЗУВР»,
        // «зам. по ВР»); «Педагог» / «психолог» is one post wrapped.
        if line.first?.isLowercase == true, Executor.startsWithRole(line), Executor.startsWithRole(previous) {
            let post = previous.trimmingCharacters(in: .whitespaces)
            let last = post.split(separator: " ").last ?? ""
            return post.hasSuffix(",") || post.hasSuffix(".") || last.count >= 2 && last.allSatisfy { $0.isUppercase }
        }
        guard line.first?.isUppercase == true else { return false }
        // «Директор» / «Бойко Н.В.»: a post, then the one person who holds it.
        if Executor.startsWithRole(previous), CellRunTable.namesOnlyPersons(line), !line.contains(","),
           let post = previous.split(separator: " ").first.map({ RussianText.folded(String($0)) }),
           !post.hasSuffix("и"), !post.hasSuffix("ы"), !post.hasSuffix("я"),
           // («Классные руководители» are many.)
           !previous.split(separator: " ").contains(where: { $0.hasSuffix("ые") || $0.hasSuffix("ие") || $0.hasSuffix("ели") }),
           Executor.isPerson(line),
           line.matches(of: Self.initials.regex).count == 1 {
            return false
        }
        guard let last = previous.split(separator: " ").last.map({ RussianText.folded(String($0)) }) else { return false }
        let breaksOff: Set<String> = ["по", "и", "в", "во", "с", "со", "для", "при", "на", "за", "от", "к", "из", "о", "об", "№", "n",
                                       "имени", "им", "им.", "г", "г.", "пос", "пос."]
        if breaksOff.contains(last) || previous.hasSuffix("-") || previous.hasSuffix("«") { return false }
        // «Директор МБОУ» / «СОШ № 5»: a type of institution waits for its name.
        if last.count <= 6, last.allSatisfy(\.isLetter), previous.split(separator: " ").last?.allSatisfy({ $0.isUppercase }) == true,
           ![.other, .personRole].contains(Executor.kind(of: String(last))) {
            return false
        }
        return Executor.startsWithRole(line) || Executor.kind(of: line) != .other
    }

    static func startsWithBullet(_ line: String) -> Bool {
        stripBullet(line) != line
    }

    static func stripBullet(_ line: String) -> String {
        var text = Substring(line)
        if let first = text.first, "-–—•·*▪◦●".contains(first) {
            text = text.dropFirst()
        } else if let match = text.firstMatch(of: Self.bulletNumber.regex) {
            text = text[match.range.upperBound...]
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Collapses spaces and drops bullets and trailing dots («Родители.» → «Родители»); keeps
    /// a dot that ends an abbreviation inside quotes or initials.
    static func clean(_ part: String) -> String {
        var text = RussianText.collapsingWhitespace(part)
        text = stripBullet(text)
        // «ОМВД России по району (по согласованию)»: the body takes part if it agrees; the
        // remark is no part of its name.
        if let remark = text.range(of: #"\s*\(?\s*по\s+согл(асованию|\.)?\s*\)?\s*$"#, options: [.regularExpression, .caseInsensitive]),
           remark.lowerBound > text.startIndex {
            text.removeSubrange(remark)
        }
        while let last = text.last, ".;:,".contains(last) {
            // «Петрова Ю.А.» keeps the dot of its last initial; a name never ends so otherwise.
            if last == ".", text.firstMatch(of: Self.endsWithInitial.regex) != nil { break }
            text.removeLast()
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// «город Тамбов», «г. Тамбов», «г.Тамбов», «Тамбовская область», «Тамбовский район»,
    /// «городской округ …», «муниципальное образование …».
    static func isMunicipality(_ part: String) -> Bool {
        let words = OrganizationName.words(of: part)
        guard let first = words.first, words.count >= 2, words.count <= 5 else { return false }
        if ["город", "г", "гор", "пгт", "поселок", "посёлок", "село", "с"].contains(first) && words.count <= 3 {
            // «г. Тамбов» but not «г. Тамбов, СОШ № 5»: the rest must be a proper name.
            return words.dropFirst().allSatisfy { $0.allSatisfy(\.isLetter) }
        }
        if words.count == 2, ["область", "край", "район", "округ"].contains(words[1]),
           ["ая", "ий", "ой", "ый"].contains(where: { first.hasSuffix($0) })
        {
            return true
        }
        if first == "городской", words.dropFirst().first == "округ" { return true }
        if first == "муниципальное", words.dropFirst().first == "образование" { return true }
        return false
    }

    /// «МАОУ СОШ № 22 и № 24» → two names; «№ 24» after «МАОУ СОШ № 22» borrows its prefix.
    static func expandingNumbers(_ parts: [String]) -> [String] {
        var result: [String] = []
        // «МОУ СОШ №№ 1, 2, 5»: the schools numbered after «№№» share its prefix.
        var numbered: String?
        for var part in parts {
            part = part.replacingOccurrences(of: "№№", with: "№")
            if let prefix = numbered, let match = part.firstMatch(of: Self.houseNumbers.regex) {
                result.append("\(prefix)№ \(match.output.1)")
                if let second = match.output.2 { result.append("\(prefix)№ \(second)") }
                continue
            }
            numbered = part.firstMatch(of: Self.numberedName.regex).map { String($0.output.1) }
            // «МБОУ СОШ №№ 1-3», «ОО № 4–6»: each school of the range, a short one.
            if let match = part.firstMatch(of: Self.numberRange.regex),
               let first = Int(match.output.2), let last = Int(match.output.3), first < last, last - first <= 30 {
                let prefix = String(match.output.1)
                result += (first...last).map { "\(prefix)№ \($0)" }
                numbered = nil
                continue
            }
            if let match = part.firstMatch(of: Self.twoNumbers.regex) {
                let prefix = String(match.output.1)
                result.append("\(prefix)№ \(match.output.3)")
                result.append("\(prefix)№ \(match.output.4)")
            } else if let match = part.firstMatch(of: Self.bareNumber.regex), let previous = result.last,
                      let numberStart = previous.range(of: "№", options: .backwards)?.lowerBound
            {
                result.append("\(previous[..<numberStart])№ \(match.output.1)")
            } else {
                result.append(part)
            }
        }
        return result
    }
}

// Built once: a regex literal is parsed again each time it is evaluated (see SharedRegex), and
// these run for every cell, executor or word of a plan.
extension ExecutorList {
    static let initialsFirstName = SharedRegex(/(?:^|[^\p{L}.])(\p{Lu}\.\s?\p{Lu}\.\s?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/)
    static let surnameFirstName = SharedRegex(/(?:^|[^\p{L}.])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s\p{Lu}\.\s?\p{Lu}\.?)(?!\p{L})/)
    static let institutionWord = SharedRegex(/учреждени|организаци|предприяти/)
    static let pluralEnding = SharedRegex(/(?:ые|ие|ели|ики|ты|ры|ны|ги|ки|ля)$/)
    static let participleEnding = SharedRegex(/(?:ющ|ащ|ящ|ущ|вш|ем|им|енн|анн)(?:ий|ая|ее|ие|ый|ого|его)$/)
    static let initials = SharedRegex(/\p{Lu}\.\s?\p{Lu}\./)
    static let bulletNumber = SharedRegex(/^\d{1,2}[.)]\s+/)
    static let leadingClasses = SharedRegex(/\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*(?:кл\.|классы|класс)?\s+(?=\p{L})/)
    static let endsWithInitial = SharedRegex(/(?:^|[\s.])\p{Lu}\.$/)
    static let houseNumbers = SharedRegex(/^(\d{1,4}[а-яА-Я]?)(?:\s+и\s+(\d{1,4}[а-яА-Я]?))?$/)
    static let numberedName = SharedRegex(/^(.*?)(?:№|N)\s*\d{1,4}[а-яА-Я]?$/)
    static let numberRange = SharedRegex(/^(.*?)(?:№|N)\s*(\d{1,4})\s*[-–—]\s*(\d{1,4})\s*$/)
    static let twoNumbers = SharedRegex(/^(.*?)(№|N)\s*(\d+)\s+и\s+(?:№|N)\s*(\d+)\s*$/)
    static let bareNumber = SharedRegex(/^(?:№|N)\s*(\d+)$/)
}
