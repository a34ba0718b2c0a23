import RoadmapStore
import Testing

/// An unreachable database is said as what the operator should do: wait for a server that is
/// down or failing over, fix the settings when libpq says they are wrong.
@Suite("Unavailable database messages")
struct UseCaseErrorTests {
    @Test(arguments: [
        "connection to server at \"db.internal\" (10.0.0.5), port 5432 failed: root certificate file \"/nonexistent/.postgresql/root.crt\" does not exist",
        "connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: fe_sendauth: no password supplied",
        "FATAL:  password authentication failed for user \"roadmap\"",
        "FATAL:  database \"roadmapp\" does not exist",
        "FATAL:  no pg_hba.conf entry for host \"10.0.0.7\", user \"roadmap\", database \"roadmap\", no encryption",
        "invalid sslmode value: \"verify\"",
    ])
    func settingsThatAreWrongSaySo(cause: String) {
        let text = UseCaseError.unavailable(cause).description
        #expect(text.contains("check the database URL"))
        #expect(!text.contains("try again shortly"))
    }

    @Test(arguments: [
        "connection to server at \"db.internal\" (10.0.0.5), port 5432 failed: Connection refused",
        "server closed the connection unexpectedly",
        "SSL SYSCALL error: EOF detected",
        "FATAL:  the database system is starting up",
        "FATAL:  the database system is in recovery mode",
    ])
    func aServerThatIsDownOrFailingOverIsWaitedFor(cause: String) {
        let text = UseCaseError.unavailable(cause).description
        #expect(text.contains("try again shortly"))
    }
}
