import Foundation
import Logging
import RoadmapDomain
import ServiceLifecycle

/// The control loop's daily pass as the service runs it by itself: each day at `time` in
/// the committee's time zone (and at start, if that time has passed and no pass has run for
/// the day yet), the same `ReminderPass` as `roadmapctl notify run` for that day. Several
/// instances may all run it: the pass is idempotent per assignment, kind and day.
public struct MorningPass: Service {
    let reminders: ReminderPass
    let clock: CommitteeClock
    /// Minutes after midnight, committee time.
    let minuteOfDay: Int
    let logger: Logger

    public init(database: Database, clock: CommitteeClock, hour: Int = 7, minute: Int = 0, logger: Logger) {
        reminders = ReminderPass(database: database)
        self.clock = clock
        minuteOfDay = min(max(hour, 0), 23) * 60 + min(max(minute, 0), 59)
        self.logger = logger
    }

    static let actor = Principal.installation(commandLine: "roadmapctl serve (the morning pass)")

    public func run() async throws {
        // A day already passed (by another instance, or before a restart) is not passed again:
        // at region scale a pass reads a hundred thousand assignments.
        var lastDay: CalendarDate? = try? await reminders.lastPassedDay()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let now = Date()
            let today = clock.today(now: now)
            if lastDay != today, minutesIntoDay(now) >= minuteOfDay {
                do {
                    let outcome = try await reminders.run(asOf: today, dryRun: false, actor: Self.actor)
                    logger.info("morning pass", metadata: [
                        "day": "\(today.iso)", "queued": "\(outcome.queued.count)", "already": "\(outcome.alreadyQueued)",
                        "unreachable": "\(outcome.unreachable)"])
                    lastDay = today
                } catch {
                    logger.error("morning pass failed; trying again in a minute", metadata: ["error": "\(error)"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(60)) }
        }
    }

    func minutesIntoDay(_ now: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clock.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}
