import Foundation
import RoadmapDomain
import RoadmapPostgres

/// One import of a plan document, inside one transaction: upserts the order, the plan,
/// goals, tasks and actions by position, and sets executors, partners and assignments to
/// exactly what the document says, touching no row that already matches, so importing the
/// same file twice changes nothing. Bulk rows (executors, assignments) go through COPY.
struct PlanImport {
    let connection: PostgresConnection
    let draft: PlanDraft
    let options: ImportOptions
    /// Who imports: recorded in the plan's and the order's history.
    let actor: Principal
    /// Rows inserted, updated or deleted so far.
    private var changedRows = 0
    /// Whether this import created the plan, so none of its rows existed before.
    private var planIsNew = false
    /// A new plan's rows get time-ordered ids and go straight in (`insertFresh`): its
    /// actions too, so that every index led by the action appends at its end.
    private var ids = TimeOrderedIDs()
    private var warnings: [ImportWarning] = []

    init(connection: PostgresConnection, draft: PlanDraft, options: ImportOptions, actor: Principal) {
        self.connection = connection
        self.actor = actor
        self.draft = draft
        self.options = options
        self.warnings = draft.warnings
    }

    private mutating func execute(_ sql: SQL) throws -> Int {
        let count = try connection.execute(sql)
        changedRows += count
        return count
    }

    private func id(_ sql: SQL) throws -> UUID? {
        try connection.query(sql).first?.decode(UUID.self, "id")
    }

    mutating func run() throws -> ImportOutcome {
        // A region-sized plan (hundreds of thousands of assignments) takes longer than the
        // pool's default statement timeout allows a single statement; only this transaction
        // gets more.
        try connection.execute(script: "SET LOCAL statement_timeout = '15min'; SET LOCAL work_mem = '64MB'")
        let directory = try OrganizationDirectory(connection: connection, strict: options.strict)

        // The order: from the flags, else the document's header.
        let header = draft.order
        let number = options.orderNumber ?? header?.number
        let date = options.orderDate ?? header?.date
        let issuerName = options.issuer ?? header?.issuer
        var orderID: UUID?
        var orderSummary: ImportOutcome.OrderSummary?
        if number != nil || date != nil || options.issuer != nil {
            guard let number, let date else {
                throw ImportError.orderIncomplete(number == nil ? "no order number" : "no order date")
            }
            guard let issuerName else { throw ImportError.orderIncomplete("no issuing organisation") }
            guard let issuer = try directory.resolve(issuerName, kind: .committee) else {
                if directory.isAmbiguous(issuerName) { throw ImportError.ambiguousOrganizations(directory.ambiguous) }
                throw ImportError.unknownOrganizations([issuerName])
            }
            orderID = try upsertOrder(issuer: issuer.id, number: number, date: date, header: header)
            orderSummary = .init(number: number, date: date.iso, issuer: issuer.name)
        }

        var ownerID: UUID?
        if let owner = options.owner {
            ownerID = try directory.resolve(owner, kind: Executor.kind(of: owner))?.id
            if directory.isAmbiguous(owner) { throw ImportError.ambiguousOrganizations(directory.ambiguous) }
        }
        let planID = try upsertPlan(orderID: orderID, ownerID: ownerID)

        // Goals, tasks and actions by position.
        // Persons and posts; organisations are their assignments (id, action, executor,
        // occurrence, period, due day, place in the list, name as written).
        var personRows: [[PostgresBinding]] = []
        var assignmentRows: [[PostgresBinding]] = []
        let firstPosition = PostgresBinding(1)
        let noSource = PostgresBinding(text: nil, type: .text)
        var importedActions: [UUID] = []
        // A plan seen for the first time has nothing to compare with: its rows get
        // time-ordered ids and go straight in (`insertFresh`).
        func newID() -> PostgresBinding {
            planIsNew ? PostgresBinding(ids.next()) : .init(text: nil, type: .uuid)
        }
        var executorNames = OrderedNames()
        // The last action's executor list as resolved, and each organisation's id rendered once.
        var repeatedList: (executors: [Executor], rows: [ListedExecutor])?
        var organizationBindings: [UUID: PostgresBinding] = [:]
        // What each school is given, counted as it is written (a new plan's schools hear of it).
        var newWork: [UUID: Outbox.NewWork] = [:]
        func give(_ organizationID: UUID, firstDueOn: CalendarDate?) {
            var work = newWork[organizationID, default: Outbox.NewWork(actions: 0, firstDueOn: nil)]
            work.actions += 1
            if let firstDueOn { work.firstDueOn = min(work.firstDueOn ?? firstDueOn, firstDueOn) }
            newWork[organizationID] = work
        }
        var partnerNames = OrderedNames()
        var groupNames = OrderedNames()
        // Names taken for persons or posts by how they read, not by a coordinator's choice.
        var personNames = OrderedNames()
        var preview = options.dryRun ? ImportPreview() : nil
        let choices = ExecutorChoice.byName(options.executorChoices)
        // The organisations chosen for executor names, found before anything is read.
        var chosenOrganizations: [String: (id: UUID, name: String)] = [:]
        // Names chosen to mean another name of the same document, one no organisation has yet
        // («методическая служба» = «Администрация колледжа, методическая служба»): that one's.
        var sameAsWritten: [String: String] = [:]
        var refusedChoices: [RefusedChoice] = []
        lazy var writtenNames = Set(draft.actions.flatMap { $0.executors.map(\.name) + $0.partners.map(\.name) }.map { OrganizationName($0).key })
        for (name, choice) in options.executorChoices.sorted(by: { $0.key < $1.key }) {
            guard case .organization(let reference) = choice else { continue }
            switch try directory.find(reference, for: name) {
            case .success(let organization): chosenOrganizations[OrganizationName(name).key] = organization
            case .failure(let refusal) where refusal.candidates.isEmpty && writtenNames.contains(OrganizationName(reference).key)
                && OrganizationName(reference).key != OrganizationName(name).key:
                sameAsWritten[OrganizationName(name).key] = reference
            case .failure(let refusal): refusedChoices.append(refusal)
            }
        }
        if !refusedChoices.isEmpty { throw ImportError.choicesRefused(refusedChoices) }
        // Each executor's matching key, made once per name: a plan repeats the same 500 school
        // names in each of its 1,000 rows, and normalising a name costs more than the rest.
        var keys: [String: String] = [:]
        func nameKey(_ name: String) -> String {
            if let key = keys[name] { return key }
            let key = OrganizationName(name).key
            keys[name] = key
            return key
        }
        var unparsed = 0
        var agreementWarning = false
        for (goalIndex, goal) in draft.goals.enumerated() {
            let goalID = try upsertGoal(planID: planID, position: goalIndex + 1, goal: goal)
            let shownGoal = draft.goals.count > 1 || !goal.tasks.isEmpty ? ImportPreview.Goal(title: goal.title, tasks: goal.tasks.map(\.title)) : nil
            var taskIDs: [Int: UUID] = [:]
            for task in goal.tasks {
                taskIDs[task.position] = try upsertTask(goalID: goalID, task: task)
            }
            // A new plan has nothing stale to delete; each such statement, asked once per goal
            // and per action, cost a round trip (13,000 of them for 1,000 actions).
            if !planIsNew {
                changedRows += try connection.execute("DELETE FROM tasks WHERE goal_id = \(goalID) AND NOT (position = ANY(\(goal.tasks.map(\.position))))")
            }
            for (actionIndex, action) in goal.actions.enumerated() {
                let actionID = try upsertAction(goalID: goalID, position: actionIndex + 1, action: action)
                importedActions.append(actionID)
                if !action.deadline.isParsed {
                    unparsed += 1
                }
                let served = action.taskPositions.isEmpty ? Array(taskIDs.values) : action.taskPositions.compactMap { taskIDs[$0] }
                for taskID in served {
                    _ = try execute("INSERT INTO action_tasks (action_id, task_id) VALUES (\(actionID), \(taskID)) ON CONFLICT DO NOTHING")
                }
                if !planIsNew {
                    _ = try execute("DELETE FROM action_tasks WHERE action_id = \(actionID) AND NOT (task_id = ANY(\(served)))")
                }

                let occurrences: [DatePeriod?] = action.deadline.occurrences.isEmpty ? [nil] : action.deadline.occurrences
                let firstDueOn = occurrences.compactMap { $0?.last }.min()
                // Rendered once per action, not once per executor: a region-wide action
                // repeats them for hundreds of schools.
                let actionBinding = PostgresBinding(actionID)
                let occurrenceBindings = occurrences.enumerated().map { index, period in
                    (PostgresBinding(index + 1),
                     period.map(PostgresBinding.init) ?? .init(text: nil, type: .daterange),
                     period.map { PostgresBinding($0.last) } ?? .init(text: nil, type: .date))
                }
                // An organisation's assignments, one per occurrence: the first carries its
                // place in the list and the name as written (it is the executor's row).
                func assign(_ row: ListedExecutor) {
                    for (index, (occurrence, period, due)) in occurrenceBindings.enumerated() {
                        assignmentRows.append([newID(), actionBinding, row.organization, occurrence, period, due,
                                               index == 0 ? row.position : firstPosition, index == 0 ? row.source : noSource])
                    }
                }
                // Two spellings of one school in a cell make one executor and one assignment.
                var assigned = Set<UUID>()
                var roles = Set<String>()
                var shown: ImportPreview.Action?
                if let listed = preview?.actions.count, listed < ImportPreview.actionLimit {
                    shown = ImportPreview.Action(
                        goal: shownGoal,
                        tasks: action.taskPositions.compactMap { position in goal.tasks.first { $0.position == position }?.title },
                        section: action.section, title: action.title, deadline: action.deadline.text,
                        period: action.deadline.period.map { "\($0.first.iso)..\($0.last.iso)" }, deadlineRead: action.deadline.isParsed,
                        executors: [], moreExecutors: 0)
                } else if preview != nil {
                    preview?.moreActions += 1
                }
                defer { if let shown { preview?.actions.append(shown) } }
                func show(_ written: String, _ organization: String?, _ match: ImportPreview.Match, members: Int? = nil) {
                    guard shown != nil else { return }
                    if shown?.executors.count ?? 0 < ImportPreview.executorLimit {
                        shown?.executors.append(.init(written: written, organization: organization, match: match, members: members))
                    } else {
                        shown?.moreExecutors += 1
                    }
                }
                // A plan for «all schools» repeats one list of hundreds of executors on every
                // action: resolved once, its rows are only copied with new ids after that.
                executorsDone: do {
                    if shown == nil, let previous = repeatedList, previous.executors == action.executors {
                        for row in previous.rows {
                            guard let organizationID = row.organizationID else {
                                personRows.append([newID(), actionBinding, row.role, row.position, row.source])
                                continue
                            }
                            give(organizationID, firstDueOn: firstDueOn)
                            assign(row)
                        }
                        break executorsDone
                    }
                    var listed: [ListedExecutor] = []
                    defer { repeatedList = (action.executors, listed) }
                    for (position, executor) in action.executors.enumerated() {
                        let key = nameKey(executor.name)
                        let choice = choices[key]
                        // «ОО», «все ДОУ района»: every school (kindergarten) the committee has,
                        // unless the coordinator chose otherwise for the name. With none of
                        // them known yet, the name stays on the action as written.
                        var members: [(id: UUID, name: String)]?
                        if choice == nil, chosenOrganizations[key] == nil, executor.kind != .personRole,
                           let group = ExecutorGroup(naming: executor.name) {
                            members = try directory.members(of: group, namedAs: executor.name)
                            groupNames.insert(executor.name)
                        }
                        // A post or a role as the reader took it, unless the coordinator said
                        // otherwise or a known organisation has this very name or alias.
                        let readAsPerson = executor.kind == .personRole && choice == nil && chosenOrganizations[key] == nil
                            && sameAsWritten[key] == nil
                        let known = readAsPerson ? directory.known(executor.name) : nil
                        if readAsPerson, known == nil { personNames.insert(executor.name) }
                        if (readAsPerson && known == nil) || choice == .person || members?.isEmpty == true {
                            if members == nil { show(executor.name, nil, .person) } else { show(executor.name, nil, .group, members: 0) }
                            executorNames.insert(executor.name)
                            guard roles.insert(executor.name.lowercased()).inserted else { continue }
                            let row = ListedExecutor(
                                organization: .init(text: nil, type: .uuid), role: .init(executor.name), position: .init(position + 1),
                                source: .init(executor.name), organizationID: nil)
                            listed.append(row)
                            personRows.append([newID(), actionBinding, row.role, row.position, row.source])
                            continue
                        }
                        let chosen: [(id: UUID, name: String)]
                        if let members {
                            chosen = members
                            show(executor.name, nil, .group, members: members.count)
                        } else if let known {
                            chosen = [known]
                        } else if let organization = chosenOrganizations[key] {
                            chosen = [try directory.adopt(executor.name, as: organization)]
                        } else if choice == .newOrganization {
                            chosen = [try directory.createSeparate(executor.name, kind: executor.kind)]
                        } else if let other = sameAsWritten[key] {
                            // The organisation the document's other name is taken to be (created for it if need be).
                            chosen = try directory.resolve(other, kind: executor.kind).map { [try directory.adopt(executor.name, as: $0)] } ?? []
                            if chosen.isEmpty, directory.isAmbiguous(other) { show(executor.name, nil, .ambiguous) }
                        } else {
                            chosen = try directory.resolve(executor.name, kind: executor.kind).map { [$0] } ?? []
                            if chosen.isEmpty, directory.isAmbiguous(executor.name) { show(executor.name, nil, .ambiguous) }
                        }
                        for organization in chosen {
                            executorNames.insert(organization.name)
                            if members == nil {
                                show(executor.name, organization.name,
                                     directory.created.contains(organization.name) ? .new : directory.probable.contains(executor.name) ? .probable : .matched)
                            }
                            guard assigned.insert(organization.id).inserted else { continue }
                            let row = ListedExecutor(
                                organization: organizationBindings[organization.id, default: PostgresBinding(organization.id)],
                                role: .init(text: nil, type: .text), position: .init(position + 1), source: .init(executor.name),
                                organizationID: organization.id)
                            organizationBindings[organization.id] = row.organization
                            give(organization.id, firstDueOn: firstDueOn)
                            listed.append(row)
                            assign(row)
                        }
                    }
                }
                var partnerIDs: [UUID] = []
                for partner in action.partners {
                    let partnerKey = nameKey(partner.name)
                    let sameAs = try sameAsWritten[partnerKey].flatMap { try directory.resolve($0, kind: .partner) }
                    let chosenPartner = try (chosenOrganizations[partnerKey] ?? sameAs).map { try directory.adopt(partner.name, as: $0) }
                    guard let organization = try chosenPartner ?? directory.resolve(partner.name, kind: .partner) else { continue }
                    partnerIDs.append(organization.id)
                    partnerNames.insert(organization.name)
                    let forms = partner.forms.isEmpty ? nil : partner.forms.joined(separator: "\n")
                    let effects = partner.effects.isEmpty ? nil : partner.effects.joined(separator: "\n")
                    _ = try execute("""
                        INSERT INTO action_partners (action_id, organization_id, forms, effect) VALUES (\(actionID), \(organization.id), \(forms), \(effects))
                        ON CONFLICT (action_id, organization_id) DO UPDATE SET forms = EXCLUDED.forms, effect = EXCLUDED.effect
                        WHERE (action_partners.forms, action_partners.effect) IS DISTINCT FROM (EXCLUDED.forms, EXCLUDED.effect)
                        """)
                    if partner.hasAgreement {
                        if let ownerID {
                            _ = try execute("""
                                INSERT INTO agreements (organization_id, partner_id, subject)
                                SELECT \(ownerID), \(organization.id), 'Договор о сотрудничестве'
                                WHERE NOT EXISTS (SELECT 1 FROM agreements WHERE organization_id = \(ownerID) AND partner_id = \(organization.id))
                                """)
                        } else if !agreementWarning {
                            agreementWarning = true
                            warnings.append(ImportWarning(.agreementsWithoutOwner, file: draft.sourceName))
                        }
                    }
                }
                if !planIsNew {
                    _ = try execute("DELETE FROM action_partners WHERE action_id = \(actionID) AND NOT (organization_id = ANY(\(partnerIDs)))")
                }
            }
            if !planIsNew { try removeActions(goalID: goalID, beyond: goal.actions.count) }
        }
        if !planIsNew { try removeGoals(planID: planID, beyond: draft.goals.count) }
        if options.strict, !directory.unknown.isEmpty {
            throw ImportError.unknownOrganizations(directory.unknown)
        }
        // A name that fits several organisations is never given to one of them by chance.
        if !options.dryRun, !directory.ambiguous.isEmpty {
            throw ImportError.ambiguousOrganizations(directory.ambiguous)
        }
        let created = try syncExecutorsAndAssignments(actions: importedActions, persons: personRows, assignments: assignmentRows,
                                                      fresh: planIsNew)
        warnings += directory.warnings
        for adopted in directory.adopted {
            try EventLog.record(connection, actor: actor, entityType: "organization", entityID: adopted.id, event: "alias_added",
                                reason: draft.sourceName, data: ["alias": adopted.alias])
        }

        if changedRows > 0 {
            let facts = ["actions": String(draft.actionCount), "assignments_created": String(created), "rows_changed": String(changedRows)]
            try EventLog.record(connection, actor: actor, entityType: "plan", entityID: planID, event: "imported",
                                reason: draft.sourceName, data: facts)
            if let orderID {
                try EventLog.record(connection, actor: actor, entityType: "order", entityID: orderID, event: "imported",
                                    reason: draft.sourceName, data: facts.merging(["plan_id": planID.lowercased]) { $1 })
            }
        }
        // Schools given new work hear of it from this transaction (a dry run is rolled back).
        if created > 0 && !options.dryRun {
            try Outbox.newWork(planID: planID, counted: planIsNew ? newWork : nil, on: connection)
        }
        var outcome = ImportOutcome(
            order: orderSummary, goals: draft.goals.count, tasks: draft.taskCount, actions: draft.actionCount,
            executors: executorNames.names, partners: partnerNames.names, deadlinesUnparsed: unparsed, warnings: warnings,
            createdOrganizations: directory.created, addedAliases: directory.adopted.map { "\($0.alias) → \($0.name)" },
            assignmentsCreated: created, changed: changedRows > 0 || !directory.adopted.isEmpty,
            dryRun: options.dryRun, preview: preview)
        outcome.groups = groupNames.names
        outcome.persons = personNames.names
        outcome.ambiguousOrganizations = directory.ambiguous
        outcome.academicYear = draft.academicYear
        if !options.dryRun {
            outcome.orderID = orderID
            outcome.planID = planID
        }
        return outcome
    }

    // MARK: - Upserts that leave matching rows untouched

    private mutating func upsertOrder(issuer: UUID, number: String, date: CalendarDate, header: OrderHeader?) throws -> UUID {
        let title = header?.title ?? ""
        if let existing = try id("SELECT id FROM orders WHERE issuer_id = \(issuer) AND number = \(number) AND issued_on = \(date)") {
            if try id("SELECT id FROM orders WHERE id = \(existing) AND withdrawn_at IS NOT NULL") != nil {
                throw ImportError.withdrawn("order № \(number) of \(date.iso)")
            }
            _ = try execute("""
                UPDATE orders SET title = \(title), signatory = \(header?.signatory), controller = \(header?.controller),
                       version = version + 1, updated_at = now()
                WHERE id = \(existing) AND (title, signatory, controller) IS DISTINCT FROM (\(title), \(header?.signatory), \(header?.controller))
                """)
            return existing
        }
        changedRows += 1
        guard let created = try id("""
            INSERT INTO orders (issuer_id, number, issued_on, title, signatory, controller)
            VALUES (\(issuer), \(number), \(date), \(title), \(header?.signatory), \(header?.controller)) RETURNING id
            """) else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id") }
        return created
    }

    private mutating func upsertPlan(orderID: UUID?, ownerID: UUID?) throws -> UUID {
        // A plan with no order and no title is found again by the file it came from.
        let title = draft.title.isEmpty && orderID == nil ? draft.sourceName : draft.title
        let existing: UUID?
        if let orderID {
            existing = try id("SELECT id FROM plans WHERE order_id = \(orderID) AND position = 1")
        } else {
            // The same plan of another academic year is another plan; a plan imported before
            // with no year (its months unread) is this one, now given its year. Written in the
            // expressions of `plans_unordered_key`, so the lookup is that index's, not a scan
            // of every school's plans.
            existing = try id("""
                SELECT id FROM plans WHERE order_id IS NULL
                  AND coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid)
                      = coalesce(\(ownerID)::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
                  AND title = \(title) AND coalesce(academic_year, 0) IN (coalesce(\(draft.academicYear)::int, 0), 0)
                ORDER BY academic_year IS NULL, created_at LIMIT 1
                """)
        }
        if let existing {
            if try id("SELECT id FROM plans WHERE id = \(existing) AND withdrawn_at IS NOT NULL") != nil {
                throw ImportError.withdrawn("the plan «\(title)»")
            }
            _ = try execute("""
                UPDATE plans SET title = \(title), period = \(draft.period), academic_year = \(draft.academicYear),
                       owner_id = coalesce(\(ownerID), owner_id), version = version + 1, updated_at = now()
                WHERE id = \(existing)
                  AND (title, period, academic_year) IS DISTINCT FROM (\(title), \(draft.period)::daterange, \(draft.academicYear)::int)
                """)
            return existing
        }
        changedRows += 1
        planIsNew = true
        guard let created = try id("""
            INSERT INTO plans (order_id, owner_id, title, period, academic_year, source_name)
            VALUES (\(orderID), \(ownerID), \(title), \(draft.period), \(draft.academicYear), \(draft.sourceName)) RETURNING id
            """) else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id") }
        return created
    }

    private mutating func upsertGoal(planID: UUID, position: Int, goal: GoalDraft) throws -> UUID {
        // A table of actions with no «Цель» row still needs a goal to hang from.
        let title = goal.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "Мероприятия плана" : goal.title
        if !planIsNew, let existing = try id("SELECT id FROM goals WHERE plan_id = \(planID) AND position = \(position)") {
            _ = try execute("""
                UPDATE goals SET title = \(title), version = version + 1, updated_at = now()
                WHERE id = \(existing) AND title IS DISTINCT FROM \(title)
                """)
            return existing
        }
        changedRows += 1
        guard let created = try id("INSERT INTO goals (plan_id, position, title) VALUES (\(planID), \(position), \(title)) RETURNING id") else {
            throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id")
        }
        return created
    }

    private mutating func upsertTask(goalID: UUID, task: TaskDraft) throws -> UUID {
        if !planIsNew, let existing = try id("SELECT id FROM tasks WHERE goal_id = \(goalID) AND position = \(task.position)") {
            _ = try execute("""
                UPDATE tasks SET title = \(task.title), version = version + 1, updated_at = now()
                WHERE id = \(existing) AND title IS DISTINCT FROM \(task.title)
                """)
            return existing
        }
        changedRows += 1
        guard let created = try id("INSERT INTO tasks (goal_id, position, title) VALUES (\(goalID), \(task.position), \(task.title)) RETURNING id") else {
            throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id")
        }
        return created
    }

    private mutating func upsertAction(goalID: UUID, position: Int, action: ActionDraft) throws -> UUID {
        let deadline = action.deadline
        let kind = deadline.kind.rawValue
        let recurrence = deadline.recurrence?.rawValue
        // A new plan's goals, tasks and actions are all new: no lookup by position.
        if !planIsNew, let existing = try id("SELECT id FROM actions WHERE goal_id = \(goalID) AND position = \(position)") {
            _ = try execute("""
                UPDATE actions SET title = \(action.title), expected_result = \(action.expectedResult), venue = \(action.venue),
                       deadline_text = \(deadline.text), deadline_kind = \(kind), deadline_period = \(deadline.period),
                       deadline_recurrence = \(recurrence), deadline_parsed = \(deadline.isParsed), section = \(action.section),
                       version = version + 1, updated_at = now()
                WHERE id = \(existing)
                  AND (title, expected_result, venue, deadline_text, deadline_kind, deadline_period, deadline_recurrence, deadline_parsed,
                       section)
                      IS DISTINCT FROM (\(action.title), \(action.expectedResult), \(action.venue), \(deadline.text), \(kind),
                                        \(deadline.period)::daterange, \(recurrence), \(deadline.isParsed), \(action.section)::text)
                """)
            return existing
        }
        changedRows += 1
        let newID: UUID? = planIsNew ? ids.next() : nil
        guard let created = try id("""
            INSERT INTO actions (id, goal_id, position, title, expected_result, venue, deadline_text, deadline_kind,
                                 deadline_period, deadline_recurrence, deadline_parsed, section)
            VALUES (coalesce(\(newID), gen_random_uuid()), \(goalID), \(position), \(action.title), \(action.expectedResult), \(action.venue), \(deadline.text),
                    \(kind), \(deadline.period), \(recurrence), \(deadline.isParsed), \(action.section))
            RETURNING id
            """) else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id") }
        return created
    }

    // MARK: - Removals

    /// Actions the corrected document no longer has: deleted when nobody reported on them,
    /// otherwise kept with their reports and their open assignments cancelled.
    private mutating func removeActions(goalID: UUID, beyond count: Int) throws {
        let stale = try connection.query("SELECT id, title FROM actions WHERE goal_id = \(goalID) AND position > \(count)").rows
        for row in stale {
            let actionID = try row.decode(UUID.self, "id")
            let reported = try connection.query("""
                SELECT EXISTS (SELECT 1 FROM reports r JOIN assignments a ON a.id = r.assignment_id WHERE a.action_id = \(actionID)) AS reported
                """).first?.decode(Bool.self, "reported") ?? true
            if reported {
                let cancelled = try execute("""
                    UPDATE assignments SET status = 'cancelled', status_changed_at = now(), version = version + 1, updated_at = now()
                    WHERE action_id = \(actionID) AND status NOT IN ('done', 'cancelled')
                    """)
                if cancelled > 0 {
                    warnings.append(ImportWarning(.removedActionKept(title: try row.decode(String.self, "title")), file: draft.sourceName))
                }
            } else {
                _ = try execute("DELETE FROM assignments WHERE action_id = \(actionID)")
                _ = try execute("DELETE FROM actions WHERE id = \(actionID)")
            }
        }
    }

    private mutating func removeGoals(planID: UUID, beyond count: Int) throws {
        let stale = try connection.query("SELECT id FROM goals WHERE plan_id = \(planID) AND position > \(count)").rows
        for row in stale {
            let goalID = try row.decode(UUID.self, "id")
            try removeActions(goalID: goalID, beyond: 0)
            let left = try connection.query("SELECT count(*) AS n FROM actions WHERE goal_id = \(goalID)").first?.decode(Int.self, "n") ?? 0
            if left == 0 {
                _ = try execute("DELETE FROM goals WHERE id = \(goalID)")
            }
        }
    }

    // MARK: - Bulk rows through COPY

    /// Sets every imported action's executors and assignments to what the document says.
    /// Returns the number of assignments created.
    private mutating func syncExecutorsAndAssignments(
        actions: [UUID], persons: [[PostgresBinding]], assignments: [[PostgresBinding]], fresh: Bool
    ) throws -> Int {
        if fresh {
            try refreshStaleStatistics(actionsWritten: actions.count, assignments: assignments.count)
            return try insertFresh(persons: persons, assignments: assignments)
        }
        try connection.execute(script: """
            CREATE TEMP TABLE import_persons (id uuid, action_id uuid, person_role text, position int, source_text text) ON COMMIT DROP;
            CREATE TEMP TABLE import_assignments (id uuid, action_id uuid, executor_id uuid, occurrence int, period daterange, due_on date,
                                                  executor_position int, source_text text) ON COMMIT DROP;
            """)
        try connection.copy("COPY import_persons (id, action_id, person_role, position, source_text) FROM STDIN", rows: persons)
        try connection.copy("""
            COPY import_assignments (id, action_id, executor_id, occurrence, period, due_on, executor_position, source_text) FROM STDIN
            """, rows: assignments)
        try connection.execute(script: "ANALYZE import_persons; ANALYZE import_assignments")
        let differences = try PlanImportDifferences.count(actions: actions, on: connection)

        // An organisation is an action's executor through its first assignment, `listed`
        // while the document names it. New rows are found by anti-joins rather than ON
        // CONFLICT, whose per-row speculative insertion made a 500,000-row first import
        // several times slower; the unique indexes still refuse a concurrent import of the
        // same plan, which then fails whole and can be retried.
        if differences.executorsDropped > 0 {
            _ = try execute("""
                UPDATE assignments a SET listed = false
                WHERE a.action_id = ANY(\(actions)) AND a.occurrence = 1 AND a.listed
                  AND NOT EXISTS (SELECT 1 FROM import_assignments i
                                  WHERE i.action_id = a.action_id AND i.executor_id = a.executor_id AND i.occurrence = 1)
                """)
        }
        _ = try execute("""
            DELETE FROM action_persons x
            WHERE x.action_id = ANY(\(actions))
              AND NOT EXISTS (SELECT 1 FROM import_persons i WHERE i.action_id = x.action_id AND lower(i.person_role) = lower(x.person_role))
            """)
        // An organisation the document names again after a version without it.
        if differences.executorsAdded > 0 {
            _ = try execute("""
                UPDATE assignments a SET listed = true, executor_position = i.executor_position, source_text = i.source_text
                FROM import_assignments i
                WHERE a.action_id = ANY(\(actions)) AND a.occurrence = 1 AND NOT a.listed
                  AND i.action_id = a.action_id AND i.executor_id = a.executor_id AND i.occurrence = 1
                """)
        }
        _ = try execute("""
            INSERT INTO action_persons (action_id, person_role, position, source_text)
            SELECT DISTINCT ON (action_id, lower(person_role)) action_id, person_role, position, source_text
            FROM import_persons i
            WHERE NOT EXISTS (SELECT 1 FROM action_persons x WHERE x.action_id = i.action_id AND lower(x.person_role) = lower(i.person_role))
            ORDER BY action_id, lower(person_role), position
            """)
        var created = 0
        if differences.assignmentsAdded > 0 {
            created = try execute("""
                INSERT INTO assignments (action_id, executor_id, occurrence, period, due_on, original_due_on, executor_position, source_text)
                SELECT action_id, executor_id, occurrence, period, due_on, due_on, executor_position, source_text FROM import_assignments i
                WHERE NOT EXISTS (SELECT 1 FROM assignments a
                                  WHERE a.action_id = i.action_id AND a.executor_id = i.executor_id AND a.occurrence = i.occurrence)
                """)
        }
        // A corrected deadline moves the planned due day; an approved extension stays.
        if differences.assignmentsMoved > 0 {
            _ = try execute("""
                UPDATE assignments a
                SET period = i.period, original_due_on = i.due_on,
                    due_on = CASE WHEN a.due_on IS DISTINCT FROM a.original_due_on THEN a.due_on ELSE i.due_on END,
                    version = a.version + 1, updated_at = now()
                FROM import_assignments i
                WHERE a.action_id = i.action_id AND a.executor_id = i.executor_id AND a.occurrence = i.occurrence
                  AND (a.period IS DISTINCT FROM i.period OR a.original_due_on IS DISTINCT FROM i.due_on)
                """)
        }
        // Executors or occurrences the document dropped: their open assignments are cancelled.
        if differences.assignmentsDropped > 0 {
            _ = try execute("""
                UPDATE assignments a SET status = 'cancelled', status_changed_at = now(), version = a.version + 1, updated_at = now()
                WHERE a.action_id = ANY(\(actions)) AND a.status NOT IN ('done', 'cancelled')
                  AND NOT EXISTS (SELECT 1 FROM import_assignments i
                                  WHERE i.action_id = a.action_id AND i.executor_id = a.executor_id AND i.occurrence = a.occurrence)
                """)
        }
        return created
    }

    /// From how many new assignments statistics that call `actions` empty are refreshed first.
    static let statisticsCheckedFrom = 10_000

    /// Analyses `actions` and `goals` when their statistics say `actions` holds fewer rows
    /// than this plan has just written to it. A vacuum after a rolled-back import (the import
    /// page's preview is one) records the table as empty, and the count triggers then join a
    /// large COPY's rows with the actions in a nested loop over all of them: 89 s instead of
    /// 10 for 500,000 assignments on a new installation. ANALYZE counts this transaction's own
    /// rows and waits for no lock a reader or a writer holds (only for another ANALYZE).
    private func refreshStaleStatistics(actionsWritten: Int, assignments: Int) throws {
        guard assignments >= Self.statisticsCheckedFrom else { return }
        let stale = try connection.query("""
            SELECT c.reltuples >= 0 AND c.reltuples < \(Double(actionsWritten)) AS stale FROM pg_class c WHERE c.oid = 'actions'::regclass
            """).first?.decode(Bool.self, "stale") ?? false
        if stale {
            try connection.execute(script: "ANALYZE actions, goals")
        }
    }

    /// Copies the persons and assignments of a new plan straight into their tables: with
    /// nothing to compare, no staging is needed, and the server inserts rows while this
    /// process is still encoding the next ones. Their time-ordered ids make each primary
    /// key grow at its end. The rows' actions and executors are checked once for the whole
    /// COPY, by a statement trigger (sql/0036), and no lock is taken that a reader waits for.
    private mutating func insertFresh(persons: [[PostgresBinding]], assignments: [[PostgresBinding]]) throws -> Int {
        changedRows += try connection.copy(
            "COPY action_persons (id, action_id, person_role, position, source_text) FROM STDIN", rows: persons)
        let created = try connection.copy("""
            COPY assignments (id, action_id, executor_id, occurrence, period, due_on, executor_position, source_text, original_due_on) FROM STDIN
            """, rows: assignments.lazy.map { $0 + [$0[5]] })
        changedRows += created
        return created
    }
}

/// One executor of an action as its rows are written: an organisation (assigned work) or a
/// person's role, its place in the list and the text it was written as.
struct ListedExecutor {
    let organization: PostgresBinding
    let role: PostgresBinding
    let position: PostgresBinding
    let source: PostgresBinding
    /// The organisation given work; nil for a person.
    let organizationID: UUID?
}

/// Names in first-seen order, each once.
struct OrderedNames {
    private(set) var names: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ name: String) {
        if seen.insert(name).inserted { names.append(name) }
    }
}
