/// Russian plural forms: «1 день», «3 дня», «5 дней», «21 день», «112 дней».
public enum RussianPlural {
    /// The form of `count` among (one, few, many): один день, два дня, пять дней.
    public static func form(_ count: Int, one: String, few: String, many: String) -> String {
        let n = abs(count)
        let lastTwo = n % 100
        let last = n % 10
        if (11...14).contains(lastTwo) { return many }
        switch last {
        case 1: return one
        case 2, 3, 4: return few
        default: return many
        }
    }

    /// «3 дня».
    public static func days(_ count: Int) -> String {
        "\(count) \(form(count, one: "день", few: "дня", many: "дней"))"
    }
}
