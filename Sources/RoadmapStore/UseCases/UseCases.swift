import RoadmapDomain

/// Every use case of the service over one database and one committee clock, made once: the
/// API, the pages and the CLI reach the rules through these and nothing else.
public struct UseCases: Sendable {
    public let users: UserStore
    public let sessions: SessionStore
    public let organizations: OrganizationStore
    public let organizationMerge: OrganizationMerge
    public let organizationLists: OrganizationListStore
    public let userImport: UserImport
    public let orders: OrderStore
    public let plans: PlanStore
    public let orderBoards: OrderBoardStore
    public let orderMatrices: OrderMatrixStore
    public let executionSummaries: ExecutionSummaryStore
    public let discipline: DisciplineStore
    public let organizationOverviews: OrganizationOverviewStore
    public let progress: ProgressStore
    public let orderStates: OrderStateStore
    public let publication: PublicationStore
    public let backupLog: BackupLog
    public let orderHistories: OrderHistoryStore
    public let rollups: RollupStore
    public let withdrawals: WithdrawalStore
    public let assignments: AssignmentStore
    /// Reports waiting and overdue work by school where the committee acts on them (the
    /// review queue, «Мои сроки»): on the primary, current to the last commit.
    public let dashboard: DashboardStore
    /// The same for the dashboard page, which only looks: on the read database when there is one.
    public let overview: DashboardStore
    public let reports: ReportStore
    public let evidence: EvidenceStore
    public let extensions: ExtensionStore
    public let deadlines: DeadlineMoveStore
    public let events: EventStore
    public let searches: SearchStore
    public let calendars: CalendarFeedStore
    public let notifications: NotificationStore
    public let workdays: WorkingCalendarStore
    public let imports: ImportStore
    public let uploads: UploadStore
    public let clock: CommitteeClock

    /// `readDatabase`, when given, is a standby (or any copy kept by streaming replication)
    /// that the read-only report pages run on, so their scans do not load the primary: the
    /// dashboard's lists, the matrix of an order, its summary, its progress by month and the
    /// discipline ranking. They may then be a moment behind what was just written.
    public init(database: Database, readDatabase: Database? = nil, clock: CommitteeClock = CommitteeClock()) {
        let reading = readDatabase ?? database
        users = UserStore(database: database)
        sessions = SessionStore(database: database)
        organizations = OrganizationStore(database: database)
        organizationMerge = OrganizationMerge(database: database)
        organizationLists = OrganizationListStore(database: database)
        userImport = UserImport(database: database)
        orders = OrderStore(database: database)
        plans = PlanStore(database: database)
        orderBoards = OrderBoardStore(database: database)
        orderMatrices = OrderMatrixStore(database: reading)
        executionSummaries = ExecutionSummaryStore(database: reading)
        discipline = DisciplineStore(database: reading)
        organizationOverviews = OrganizationOverviewStore(database: database)
        progress = ProgressStore(database: reading)
        orderStates = OrderStateStore(database: database, clock: clock)
        publication = PublicationStore(database: database)
        backupLog = BackupLog(database: database)
        orderHistories = OrderHistoryStore(database: database)
        rollups = RollupStore(database: database)
        withdrawals = WithdrawalStore(database: database)
        assignments = AssignmentStore(database: database)
        dashboard = DashboardStore(database: database)
        overview = DashboardStore(database: reading)
        reports = ReportStore(database: database, clock: clock)
        evidence = EvidenceStore(database: database)
        extensions = ExtensionStore(database: database, clock: clock)
        deadlines = DeadlineMoveStore(database: database, clock: clock)
        events = EventStore(database: database)
        searches = SearchStore(database: database)
        calendars = CalendarFeedStore(database: database, clock: clock)
        notifications = NotificationStore(database: database)
        workdays = WorkingCalendarStore(database: database)
        imports = ImportStore(database: database)
        uploads = UploadStore(database: database)
        self.clock = clock
    }
}
