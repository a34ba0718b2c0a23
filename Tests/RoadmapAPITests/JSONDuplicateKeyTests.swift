@testable import RoadmapAPI
import Testing

@Suite("A JSON key written twice")
struct JSONDuplicateKeyTests {
    @Test(arguments: [
        (#"{"text": "a", "text": "b"}"#, "text"),
        (#"{"text": "a", "t\u0065xt": "b"}"#, "text"),
        (#"{"a": {"b": 1, "b": 2}}"#, "a.b"),
        (#"{"items": [{"x": 1}, {"x": 1, "x": 2}]}"#, "items[1].x"),
        (#"{"evidence_urls": [], "done_on": "2019-01-01", "evidence_urls": ["https://a.example"]}"#, "evidence_urls"),
    ])
    func duplicatesAreFound(json: String, path: String) {
        #expect(JSONDuplicateKey.first(in: Array(json.utf8)) == JSONDuplicateKey(path: path))
    }

    @Test(arguments: [
        #"{"text": "a", "title": "b"}"#,
        #"{"a": {"x": 1}, "b": {"x": 1}}"#,
        #"[{"x": 1}, {"x": 2}]"#,
        #"{"text": "with \" quote", "other": "\\"}"#,
        #"{}"#,
        #"{"broken": "#,
        "not json at all",
    ])
    func noDuplicate(json: String) {
        #expect(JSONDuplicateKey.first(in: Array(json.utf8)) == nil)
    }
}
