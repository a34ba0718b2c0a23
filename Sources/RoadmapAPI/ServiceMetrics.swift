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

    /// The text exposition format, with the pool's gauges brought up to date.
    static func exposition(database: Database) -> String {
        let usage = database.usage
        for (state, value) in [("open", usage.open), ("idle", usage.idle), ("leased", usage.leased), ("waiting", usage.waiting), ("maximum", usage.maximum)] {
            registry.makeGauge(descriptor: poolConnections, labels: [("state", state)]).set(to: Double(value))
        }
        return registry.emitToString()
    }
}
