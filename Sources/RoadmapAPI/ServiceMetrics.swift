import Foundation
import Metrics
import Prometheus
import RoadmapStore

/// Prometheus metrics of the process: Hummingbird's request counters and latencies per
/// route (labelled by route pattern, never by path, so no id or name becomes a label) and
/// the database pool's use, sampled when scraped.
enum ServiceMetrics {
    /// The registry behind swift-metrics, bootstrapped once per process.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static var poolConnections: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "db_pool", metricName: "connections", unitName: "",
            helpText: "Database connections of the pool: open, idle, leased, waiting for one, maximum.")
    }

    static var lastBackup: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "backup", metricName: "last", unitName: "timestamp_seconds",
            helpText: "When the last backup taken with roadmapctl backup finished (Unix time); absent before the first.")
    }

    static var outbox: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "outbox", metricName: "messages", unitName: "",
            helpText: "Messages not yet delivered: queued (waiting to be sent) and failed (given up on).")
    }

    static var oldestQueued: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "outbox", metricName: "oldest_queued", unitName: "timestamp_seconds",
            helpText: "When the oldest queued message was first due to go (Unix time); 0 when none waits.")
    }

    static var replicationLag: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "db", metricName: "replication_lag", unitName: "seconds",
            helpText: "How far each standby's replay lags behind the primary the service writes to (pg_stat_replication.replay_lag).")
    }

    static var standbyCount: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "roadmap", subsystem: "db", metricName: "standbys", unitName: "",
            helpText: "Standbys streaming from the primary the service writes to, by sync state.")
    }

    /// The text exposition format, with the pool's gauges, the last backup's moment, the
    /// outbox's backlog and the standbys brought up to date.
    static func exposition(database: Database, lastBackup: Date? = nil, backlog: NotificationStore.Backlog? = nil,
                           standbys: [BackupLog.Standby] = []) -> String {
        for state in ["sync", "quorum", "async", "potential"] {
            registry.makeGauge(descriptor: standbyCount, labels: [("sync_state", state)])
                .set(to: Double(standbys.filter { $0.syncState == state }.count))
        }
        for standby in standbys {
            registry.makeGauge(descriptor: replicationLag, labels: [("standby", standby.name)]).set(to: standby.replayLagSeconds ?? 0)
        }
        if let lastBackup {
            registry.makeGauge(descriptor: Self.lastBackup).set(to: lastBackup.timeIntervalSince1970)
        }
        if let backlog {
            registry.makeGauge(descriptor: outbox, labels: [("state", "queued")]).set(to: Double(backlog.queued))
            registry.makeGauge(descriptor: outbox, labels: [("state", "failed")]).set(to: Double(backlog.failed))
            registry.makeGauge(descriptor: oldestQueued).set(to: backlog.oldestQueuedAt?.timeIntervalSince1970 ?? 0)
        }
        let usage = database.usage
        for (state, value) in [("open", usage.open), ("idle", usage.idle), ("leased", usage.leased), ("waiting", usage.waiting), ("maximum", usage.maximum)] {
            registry.makeGauge(descriptor: poolConnections, labels: [("state", state)]).set(to: Double(value))
        }
        return registry.emitToString()
    }
}
