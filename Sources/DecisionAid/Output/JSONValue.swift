/// A JSON value, written by hand so the program links no Foundation. It
/// writes what JSONEncoder with `.sortedKeys` and `.withoutEscapingSlashes`
/// wrote before (and `.prettyPrinted` when pretty), so scripts reading
/// `assess --format json` and `--answers-lines` see the same text:
/// - members sorted by key; a member whose value is `.absent` is left out
///   (as an optional that is nil);
/// - pretty: two-space indents, `"key" : value`, and an empty array or
///   object as an empty line between its brackets;
/// - compact: no spaces at all;
/// - a whole number held as a Double without ".0" (`2`, `3.5`).
/// Strings are escaped by `JSONWriter.string`, the one escaper the program has.
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case absent

    var isAbsent: Bool { if case .absent = self { return true } else { return false } }

    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .absent }
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .absent }
    static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .absent }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    func rendered(pretty: Bool) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): out += JSONWriter.string(s)
        case .int(let n): out += String(n)
        case .double(let x): out += Self.number(x)
        case .bool(let b): out += b ? "true" : "false"
        case .absent: out += "null"     // only reached inside an array, which never holds one
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", to: &out, pretty: pretty, indent: indent)
        case .object(let members):
            let present = members.filter { !$0.1.isAbsent }.sorted { $0.0 < $1.0 }
            writeContainer(present.map { ($0.0, $0.1) }, open: "{", close: "}", to: &out, pretty: pretty, indent: indent)
        }
    }

    private func writeContainer(_ items: [(String?, JSONValue)], open: String, close: String, to out: inout String,
                                pretty: Bool, indent: Int) {
        out += open
        guard pretty else {
            for (index, (key, value)) in items.enumerated() {
                if index > 0 { out += "," }
                if let key { out += JSONWriter.string(key) + ":" }
                value.write(to: &out, pretty: false, indent: 0)
            }
            out += close
            return
        }
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        if items.isEmpty {
            out += "\n\n" + outer + close
            return
        }
        out += "\n"
        for (index, (key, value)) in items.enumerated() {
            if index > 0 { out += ",\n" }
            out += inner
            if let key { out += JSONWriter.string(key) + " : " }
            value.write(to: &out, pretty: true, indent: indent + 1)
        }
        out += "\n" + outer + close
    }

    /// `2` for 2.0, `3.5` for 3.5: the shortest text that reads back as the
    /// same Double (Swift's own), without a trailing ".0".
    static func number(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return x.description
    }
}
