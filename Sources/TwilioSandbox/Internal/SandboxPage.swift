internal import HTTPServer

/// One page of a 2010-04-01 list: `PageSize` (1 to 1,000, default 50) and `Page` from the query,
/// and the page's JSON with `uri`, `first_page_uri`, `next_page_uri` and `previous_page_uri`
/// that keep the list's filters.
struct SandboxPage {
    let pageSize: Int
    let page: Int
    /// The index of the page's first item.
    let start: Int
    private let base: String
    private let filters: [(name: String, value: String)]
    private let total: Int

    init(query: HTTPForm, base: String, filters: [(name: String, value: String)], total: Int) {
        pageSize = min(max(Int(query["PageSize"] ?? "") ?? 50, 1), 1000)
        page = max(Int(query["Page"] ?? "") ?? 0, 0)
        let (offset, overflow) = page.multipliedReportingOverflow(by: pageSize)
        start = overflow ? total : min(offset, total)
        self.base = base
        self.filters = filters
        self.total = total
    }

    /// The page's JSON, with its items under `key`.
    func json(key: String, items: [JSONValue]) -> JSONValue {
        let hasMore = start + items.count < total
        return .object([
            key: .array(items),
            "page": .integer(page),
            "page_size": .integer(pageSize),
            "start": .integer(start),
            "end": .integer(items.isEmpty ? start : start + items.count - 1),
            "uri": .string(uri(page)),
            "first_page_uri": .string(uri(0)),
            "next_page_uri": hasMore ? .string(uri(page + 1)) : .null,
            "previous_page_uri": page > 0 ? .string(uri(page - 1)) : .null,
        ])
    }

    private func uri(_ number: Int) -> String {
        base + "?" + HTTPForm(filters + [("PageSize", String(pageSize)), ("Page", String(number))]).encoded
    }
}
