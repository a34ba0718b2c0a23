/// A PostgreSQL SQLSTATE code (Appendix A of the PostgreSQL manual), with names for the
/// codes the store turns into domain errors.
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    // Class 08: connection exception
    public static let connectionException = SQLState(rawValue: "08000")
    public static let connectionFailure = SQLState(rawValue: "08006")
    // Class 22: data exception
    public static let dataException = SQLState(rawValue: "22000")
    public static let stringDataRightTruncation = SQLState(rawValue: "22001")
    public static let numericValueOutOfRange = SQLState(rawValue: "22003")
    public static let invalidDatetimeFormat = SQLState(rawValue: "22007")
    public static let datetimeFieldOverflow = SQLState(rawValue: "22008")
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    public static let characterNotInRepertoire = SQLState(rawValue: "22021")
    // Class 23: integrity constraint violation
    public static let integrityConstraintViolation = SQLState(rawValue: "23000")
    public static let restrictViolation = SQLState(rawValue: "23001")
    public static let notNullViolation = SQLState(rawValue: "23502")
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let checkViolation = SQLState(rawValue: "23514")
    public static let exclusionViolation = SQLState(rawValue: "23P01")
    // Class 25 / 40: transactions
    public static let inFailedSQLTransaction = SQLState(rawValue: "25P02")
    public static let readOnlySQLTransaction = SQLState(rawValue: "25006")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    // Class 55: object not in prerequisite state
    public static let lockNotAvailable = SQLState(rawValue: "55P03")
    // Class 42: syntax error or access rule violation
    public static let insufficientPrivilege = SQLState(rawValue: "42501")
    public static let syntaxError = SQLState(rawValue: "42601")
    public static let undefinedTable = SQLState(rawValue: "42P01")
    public static let undefinedColumn = SQLState(rawValue: "42703")
    public static let undefinedFunction = SQLState(rawValue: "42883")
    public static let duplicateDatabase = SQLState(rawValue: "42P04")
    public static let duplicateObject = SQLState(rawValue: "42710")
    // Class 57: operator intervention
    public static let queryCanceled = SQLState(rawValue: "57014")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let crashShutdown = SQLState(rawValue: "57P02")
    public static let cannotConnectNow = SQLState(rawValue: "57P03")
    // Class P0: PL/pgSQL
    public static let raiseException = SQLState(rawValue: "P0001")
}
