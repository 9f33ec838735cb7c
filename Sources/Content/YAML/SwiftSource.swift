import Content

/// Writes checked content as Swift source that rebuilds the same values, so
/// the program gets its content without parsing anything at run time.
///
/// It is generic: every value is written by reflection (Mirror) from its
/// stored properties, so a new model field needs no change here, only a
/// matching parameter in its type's public init (see the top of
/// Content/Models.swift). What it writes for each kind of value:
/// - String, Int, Double, Bool: a literal (strings escaped, never raw, so no
///   text can end or change the literal);
/// - an enum with a String raw value: `Type(rawValue: "raw")!`;
/// - an Optional: `nil` or its value; an Array: `[a, b]`; a Dictionary with
///   String keys: `["k": v]`, keys sorted so the output is stable;
/// - a struct: `Type(label: value, ...)`, its stored properties in order.
/// Types are written with their module (`Content.Source`).
public enum SwiftSource {
    /// A Swift file declaring `static func compiled() -> Root` in an
    /// extension of `namespace`. The root's properties each get a function of
    /// their own, and long lists are cut into functions of `chunk` items:
    /// small functions keep the Swift compiler quick on a large literal.
    /// A property that is a `Section` (Content/Models.swift) is passed as
    /// `name: Section(later: { section_name })`, a `static let`, so it is
    /// built the first time the program reads it, not at start.
    public static func file(for root: Any, namespace: String, header: String, chunk: Int = 20) -> String {
        let rootType = typeName(of: root)
        let mirror = Mirror(reflecting: root)
        precondition(mirror.displayStyle == .struct, "the content root must be a struct")
        var out = header + "\n\nimport Content\n\nextension \(namespace) {\n"
        out += "    static func compiled() -> \(rootType) {\n        \(rootType)(\n"
        var parts = ""
        var sections = ""
        for (index, child) in mirror.children.enumerated() {
            guard var label = child.label else { preconditionFailure("a stored property without a name") }
            var value = child.value
            let comma = index < mirror.children.count - 1 ? "," : ""
            if let section = value as? any AnySection {
                // A wrapped property's storage is `_name`.
                label = String(label.dropFirst())
                value = section.builtValue
                out += "            \(label): Content.Section(later: { section_\(label) })\(comma)\n"
                sections += "\n    private static let section_\(label) = part_\(label)()\n"
            } else {
                out += "            \(label): part_\(label)()\(comma)\n"
            }
            parts += part(named: "part_\(label)", value: value, chunk: chunk)
        }
        out += "        )\n    }\n" + sections + parts + "}\n"
        return out
    }

    /// One function returning `value`; a long list becomes several.
    private static func part(named name: String, value: Any, chunk: Int) -> String {
        let type = typeName(of: value)
        let mirror = Mirror(reflecting: value)
        let head = "\n    @inline(never) private static func \(name)() -> \(type) {\n"
        guard mirror.displayStyle == .collection, mirror.children.count > chunk else {
            return head + "        " + expression(value, indent: "        ") + "\n    }\n"
        }
        let items = mirror.children.map(\.value)
        var pieces: [String] = []
        var bodies = ""
        for start in stride(from: 0, to: items.count, by: chunk) {
            let piece = "\(name)_\(pieces.count)"
            pieces.append(piece + "()")
            let slice = items[start..<min(start + chunk, items.count)]
            bodies += "\n    @inline(never) private static func \(piece)() -> \(type) {\n        "
                + list(Array(slice), indent: "        ") + "\n    }\n"
        }
        return head + "        " + pieces.joined(separator: " + ") + "\n    }\n" + bodies
    }

    /// Swift source for `value` (see the type's comment for what is supported).
    public static func expression(_ value: Any, indent: String = "") -> String {
        switch value {
        case let text as String: return literal(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double:
            precondition(number.isFinite, "content numbers are finite")
            return "\(number)"     // Swift's shortest form that reads back exactly
        default: break
        }
        if let raw = rawValue(value) {
            return "\(typeName(of: value))(rawValue: \(expression(raw)))!"
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { expression($0.value, indent: indent) } ?? "nil"
        case .collection:
            return list(mirror.children.map(\.value), indent: indent)
        case .dictionary:
            let pairs = mirror.children.map { pair -> (String, String) in
                let parts = Mirror(reflecting: pair.value).children.map(\.value)
                guard parts.count == 2, let key = parts[0] as? String else {
                    preconditionFailure("content dictionaries have String keys")
                }
                return (key, expression(parts[1], indent: indent + "    "))
            }.sorted { $0.0 < $1.0 }
            if pairs.isEmpty { return "[:]" }
            return "[\n" + pairs.map { indent + "    " + literal($0.0) + ": " + $0.1 + ",\n" }.joined() + indent + "]"
        case .struct:
            let arguments = mirror.children.map { child -> String in
                guard let label = child.label else { preconditionFailure("a stored property without a name") }
                return "\(label): \(expression(child.value, indent: indent))"
            }
            return "\(typeName(of: value))(\(arguments.joined(separator: ", ")))"
        default:
            preconditionFailure("content-compiler cannot write a \(typeName(of: value)) as Swift: give it String raw values or make it a struct")
        }
    }

    /// `[a, b]`, one item a line when the items are structs.
    private static func list(_ items: [Any], indent: String) -> String {
        if items.isEmpty { return "[]" }
        let written = items.map { expression($0, indent: indent + "    ") }
        guard Mirror(reflecting: items[0]).displayStyle == .struct else { return "[" + written.joined(separator: ", ") + "]" }
        return "[\n" + written.map { indent + "    " + $0 + ",\n" }.joined() + indent + "]"
    }

    /// A Swift string literal holding exactly `text`, scalar for scalar: only
    /// printable ASCII is written as itself; quotes, backslashes, control
    /// characters and everything beyond ASCII are escapes, so no content can
    /// end the literal, start an interpolation, or be changed by the way the
    /// source file is read.
    public static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value >= 0x20 && scalar.value < 0x7F {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
        }
        return out + "\""
    }

    private static func typeName(of value: Any) -> String {
        String(reflecting: type(of: value))
    }

    private static func rawValue(_ value: Any) -> Any? {
        guard let raw = value as? any RawRepresentable else { return nil }
        func open<T: RawRepresentable>(_ value: T) -> Any { value.rawValue }
        return open(raw)
    }
}
