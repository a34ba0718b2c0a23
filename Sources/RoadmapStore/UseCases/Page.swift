/// One page of a list and the cursor of the next, nil on the last page.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page {
    /// Every item of a paged list: calls `fetch` with each page's cursor until the last.
    public static func all(_ fetch: (String?) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var cursor: String?
        repeat {
            let page = try await fetch(cursor)
            items += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return items
    }
}
