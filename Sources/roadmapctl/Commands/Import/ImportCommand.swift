import ArgumentParser
import Foundation
import Logging
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// `roadmapctl import FILE`: reads a plan document and writes it in one transaction.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a plan document (.docx, .xlsx, .pdf, .doc, .xls, .odt, .ods, .rtf, .csv, .tsv, .txt).",
        discussion: """
            The order comes from the document's header or from the flags. Executors are matched
            to known organisations; unknown ones are created (or refused with --strict).
            Importing the same file again changes nothing.

            Examples:
              roadmapctl import prikaz-770.docx --dry-run
              roadmapctl import plan.csv --order 770 --date 2018-06-25 --issuer "Комитет образования" --format json
              roadmapctl import partners-2022.txt --academic-year 2022 --owner "МАДОУ Детский сад № 1"
              roadmapctl import plan.pdf --person "Методический кабинет" --alias "ЦСОД=МКУ «Центр сопровождения образовательной деятельности»"
              roadmapctl import region.xlsx --new-organization "МБОУ СОШ № 5"   (a name that fits several, meaning none of them)
            """
    )

    @Argument(help: "The document to import.")
    var file: String

    @Option(name: .customLong("order"), help: ArgumentHelp("The order's number, when the document has no header.", valueName: "number"))
    var orderNumber: String?

    @Option(help: ArgumentHelp("The order's date.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("The organisation that issued the order.", valueName: "name"))
    var issuer: String?

    @Option(help: ArgumentHelp("The organisation whose own plan this is (records its agreements).", valueName: "name"))
    var owner: String?

    @Option(name: .customLong("academic-year"), help: ArgumentHelp("First year of the academic year the plan is for (2022 = 2022–2023): its months without a year are read in it.", valueName: "YYYY"))
    var academicYear: Int?

    @Flag(name: .customLong("dry-run"), help: "Write nothing; show what would be created.")
    var dryRun = false

    @Flag(help: "Refuse executors that match no known organisation instead of creating them.")
    var strict = false

    @Option(name: .customLong("person"), help: ArgumentHelp(
        "An executor name that is a person or a post, not an organisation (repeat for several).", valueName: "name"))
    var persons: [String] = []

    @Option(name: .customLong("alias"), help: ArgumentHelp(
        "An executor name (one read as a post too) that means a known organisation, which gets the name as an alias (repeat for several).",
        valueName: "name=organisation"))
    var aliases: [String] = []

    @Option(name: .customLong("new-organization"), help: ArgumentHelp(
        "An executor name that fits several known organisations but is none of them, or is read as a post but is an organisation: created as an organisation of its own (repeat for several).",
        valueName: "name"))
    var newOrganizations: [String] = []

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var actor: ActorOptions

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date must be a real date as YYYY-MM-DD, got «\(date)»")
        }
        if let academicYear, !AcademicYear.supported.contains(academicYear) {
            throw ValidationError("--academic-year must be a year like 2022 (\(AcademicYear.supported.lowerBound)–\(AcademicYear.supported.upperBound)), got \(academicYear)")
        }
        if format == .csv { throw ValidationError("--format takes table or json") }
        for alias in aliases {
            let parts = alias.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--alias takes NAME=ORGANISATION (the name as the document writes it, then a known organisation's name, alias or id), got «\(alias)»")
            }
        }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CommandError("cannot read \(file): \(error.localizedDescription)")
        }
        let progress = ImportProgress()
        let name = url.lastPathComponent
        let outcome = try await database.withDatabase { db in
            let principal = try await actor.principal(db)
            var choices: [String: ExecutorChoice] = [:]
            for person in persons { choices[person] = .person }
            for name in newOrganizations { choices[name] = .newOrganization }
            for alias in aliases {
                let parts = alias.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                choices[parts[0]] = .organization(parts[1])
            }
            let options = ImportOptions(
                dryRun: dryRun, strict: strict, orderNumber: orderNumber, orderDate: date.flatMap(CalendarDate.init(iso:)),
                issuer: issuer, owner: owner, executorChoices: choices)
            return try await ImportStore(database: db).importDocument(
                data, fileName: name, academicYear: academicYear, options: options, actor: principal
            ) { stage in
                switch stage {
                case .reading(let bytes): progress.say("reading \(name) (\(bytes / 1024) KiB)…")
                case .parsing(let tables): progress.say("reading the plan out of \(tables) table(s)…")
                case .writing(let actions): progress.say("writing \(actions) actions in one transaction…")
                }
            }
        }
        progress.done()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(outcome), as: UTF8.self))
        case .table, .csv:
            print(ImportCommand.describe(outcome, file: url.lastPathComponent))
        }
    }

    /// Names to read at a glance: all of a few; of many, the first and how many more
    /// (a region's 500 schools are counted, not listed; `--format json` lists them).
    static func summary(_ names: [String], shown: Int = 5) -> String {
        guard names.count > shown + 2 else { return names.joined(separator: "; ") }
        return names.prefix(shown).joined(separator: "; ") + "; … and \(names.count - shown) more"
    }

    static func describe(_ outcome: ImportOutcome, file: String) -> String {
        var lines: [String] = []
        lines.append(outcome.dryRun ? "Dry run of \(file): nothing was written." : "Imported \(file).")
        if let order = outcome.order {
            lines.append("Order:      № \(order.number) of \(order.date), \(order.issuer)")
        } else {
            lines.append("Order:      none (a plan of its own)")
        }
        lines.append("Goals:      \(outcome.goals)")
        lines.append("Tasks:      \(outcome.tasks)")
        lines.append("Actions:    \(outcome.actions)  (deadlines not understood: \(outcome.deadlinesUnparsed))")
        if let year = outcome.academicYear {
            lines.append("Academic year: \(AcademicYear.label(year)) (months without a year are read in it)")
        } else if outcome.deadlinesUnparsed > 0 {
            lines.append("Academic year: none found; --academic-year YYYY reads months without a year in it")
        }
        let created = Set(outcome.createdOrganizations)
        let newExecutors = outcome.executors.filter(created.contains).count
        lines.append("Executors:  \(outcome.executors.count)\(newExecutors > 0 ? " (\(newExecutors) new)" : ""): \(Self.summary(outcome.executors))")
        if !outcome.partners.isEmpty { lines.append("Partners:   \(outcome.partners.count): \(Self.summary(outcome.partners))") }
        if !outcome.createdOrganizations.isEmpty {
            lines.append("New organisations: \(outcome.createdOrganizations.count): \(Self.summary(outcome.createdOrganizations))")
        }
        if !outcome.addedAliases.isEmpty { lines.append("Aliases added: \(Self.summary(outcome.addedAliases))") }
        if !outcome.persons.isEmpty {
            // Taken for posts or persons by how they read: one that is an organisation is said so.
            lines.append("Persons and posts (no organisation): \(outcome.persons.count): \(Self.summary(outcome.persons))"
                         + " (an organisation among them: --alias «NAME=ORGANISATION» or --new-organization «NAME»)")
        }
        for name in outcome.ambiguousOrganizations {
            lines.append("TO CHOOSE: \(name); import again with --alias «\(name.name)=ID», --new-organization «\(name.name)» or --person «\(name.name)»")
        }
        lines.append("Assignments created: \(outcome.assignmentsCreated)\(outcome.changed ? "" : " (nothing changed)")")
        if let planID = outcome.planID?.lowercased {
            lines.append(outcome.orderID == nil
                ? "Plan:       \(planID) (undo: roadmapctl plan withdraw \(planID) --reason …)"
                : "Plan:       \(planID) (undo: roadmapctl order withdraw \(outcome.orderID?.lowercased ?? "") --reason …)")
        }
        for warning in outcome.warnings { lines.append("warning: \(warning)") }
        if let preview = outcome.preview, !preview.actions.isEmpty {
            lines.append("")
            lines.append("The plan as read:")
            for ((index, action), heading) in zip(preview.actions.enumerated(), preview.headings) {
                if let goal = heading.goal {
                    lines.append("  Goal: \(goal.title)")
                    for (number, task) in goal.tasks.enumerated() { lines.append("    task \(number + 1): \(task)") }
                }
                if let tasks = heading.tasks { lines.append("  Task: \(tasks.joined(separator: "; "))") }
                if let section = heading.section { lines.append("  \(section)") }
                let period = action.period ?? (action.deadlineRead ? "no due date" : "NOT READ: kept as text for a person")
                lines.append("    \(index + 1). \(action.title)")
                // A cell broken over lines («сен-\nтябрь 2025») is shown on one.
                let deadline = action.deadline.split(whereSeparator: \.isNewline).joined(separator: " ")
                lines.append("       deadline «\(deadline)» → \(period)")
                let executors = action.executors.map { executor in
                    switch executor.match {
                    case .person: "\(executor.written) (person)"
                    case .group:
                        executor.members ?? 0 > 0
                            ? "\(executor.written) = every one of its kind the directory has (\(executor.members ?? 0))"
                            : "\(executor.written) (all of a kind; none in the directory yet, kept as written)"
                    case .new: "\(executor.written) (NEW organisation)"
                    case .probable: "\(executor.written) = \(executor.organization ?? "") (probably)"
                    case .ambiguous: "\(executor.written) (FITS SEVERAL organisations: to choose)"
                    case .matched:
                        executor.organization == executor.written ? "\(executor.written)" : "\(executor.written) = \(executor.organization ?? "")"
                    }
                }
                let more = action.moreExecutors > 0 ? "; … and \(action.moreExecutors) more" : ""
                lines.append("       executors: \(executors.joined(separator: "; "))\(more)")
            }
            if preview.moreActions > 0 { lines.append("    … and \(preview.moreActions) more actions") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress lines on stderr, only when stderr is a terminal (scripts get clean output).
struct ImportProgress {
    let enabled = isatty(STDERR_FILENO) == 1
    let start = ContinuousClock.now

    func say(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(elapsed)] \(message)".utf8))
    }

    func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(elapsed)] done\n".utf8))
    }

    private var elapsed: String {
        let duration = ContinuousClock.now - start
        return String(format: "%.1fs", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
