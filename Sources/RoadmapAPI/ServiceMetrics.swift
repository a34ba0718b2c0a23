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

    /// The text exposition format, with the pool's gauges and the last backup's moment
    /// brought up to date.
    static func exposition(database: Database, lastBackup: Date? = nil) -> String {
        if let lastBackup {
            registry.makeGauge(descriptor: Self.lastBackup).set(to: lastBackup.timeIntervalSince1970)
        }
        let usage = database.usage
        for (state, value) in [("open", usage.open), ("idle", usage.idle), ("leased", usage.leased), ("waiting", usage.waiting), ("maximum", usage.maximum)] {
            registry.makeGauge(descriptor: poolConnections, labels: [("state", state)]).set(to: Double(value))
        }
        return registry.emitToString()
    }
}
