import ArgumentParser

/// The progress of a roll-up in one short phrase: «1/7 done, 5 overdue».
enum Progress {
    static func text(done: Int, total: Int, overdue: Int) -> String {
        "\(done)/\(total) done" + (overdue > 0 ? ", \(overdue) overdue" : "")
    }
}
