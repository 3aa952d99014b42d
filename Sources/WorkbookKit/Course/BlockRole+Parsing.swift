import Foundation

extension BlockRole {
    static let swiftAttributes = [
        "exit", "hangs", "tsan", "timeout", "compile-fail", "prelude", "fragment",
        "exercise", "file", "ignore",
    ]
    static let outputAttributes = ["unordered", "per-thread"]

    /// Reads a block's role from its info string and content.
    static func parse(info: String, literal: String) throws(AttributeError) -> BlockRole {
        let parsed = try InfoString(info)
        switch parsed.language {
        case "swift": return try swiftRole(try Attributes(parsed.attributes, known: swiftAttributes))
        case "output": return try outputRole(try Attributes(parsed.attributes, known: outputAttributes), literal)
        default: return .other(language: parsed.language)
        }
    }

    private static func swiftRole(_ attributes: Attributes) throws(AttributeError) -> BlockRole {
        let kinds = ["compile-fail", "prelude", "fragment", "exercise", "ignore"].filter(attributes.has)
        if kinds.count > 1 { throw .conflicting(kinds[0], kinds[1]) }
        if let kind = kinds.first {
            for runOnly in ["exit", "hangs", "tsan", "timeout"] where attributes.has(runOnly) {
                throw .conflicting(kind, runOnly)
            }
        }
        if attributes.has("file") && !attributes.has("exercise") { throw .requires("file", "exercise") }
        switch kinds.first {
        case "compile-fail":
            return .compileFail(diagnostic: try attributes.value("compile-fail", example: #"compile-fail="is not concurrency-safe""#))
        case "prelude":
            return .prelude(name: try attributes.value("prelude", example: "prelude=counter"))
        case "fragment":
            return .fragment(context: attributes.optionalValue("fragment"))
        case "exercise":
            let name = try attributes.value("exercise", example: "exercise=lock")
            guard attributes.has("file") else { throw .requires("exercise", "file") }
            let file = try attributes.value("file", example: "file=Lock.swift")
            guard file.hasSuffix(".swift"), !file.contains("/"), !file.hasPrefix(".") else {
                throw .invalidValue("file", file, expected: "a Swift file name such as Lock.swift")
            }
            guard name.allSatisfy({ $0.isLetter && $0.isLowercase }) else {
                throw .invalidValue("exercise", name, expected: "a lower-case name such as lock")
            }
            return .exercise(name: name, file: file)
        case "ignore":
            let reason = try attributes.value("ignore", example: #"ignore="needs a network""#)
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .needsValue("ignore", example: #"ignore="needs a network""#)
            }
            return .ignored(reason: reason)
        default:
            return .program(try runExpectation(attributes))
        }
    }

    private static func runExpectation(_ attributes: Attributes) throws(AttributeError) -> RunExpectation {
        var run = RunExpectation()
        if attributes.has("exit") && attributes.has("hangs") { throw .conflicting("exit", "hangs") }
        if attributes.has("exit") {
            let text = try attributes.value("exit", example: "exit=132")
            guard let status = Int32(text), (0...255).contains(status) else {
                throw .invalidValue("exit", text, expected: "an exit status from 0 to 255")
            }
            run.ending = .exit(status)
        }
        if attributes.has("hangs") {
            try attributes.flag("hangs")
            run.ending = .hang
            run.timeout = RunExpectation.defaultHangTimeout
        }
        if attributes.has("tsan") {
            try attributes.flag("tsan")
            run.threadSanitizer = true
        }
        if attributes.has("timeout") {
            let text = try attributes.value("timeout", example: "timeout=5")
            guard let seconds = Double(text), seconds > 0, seconds <= 300 else {
                throw .invalidValue("timeout", text, expected: "seconds between 0 and 300")
            }
            run.timeout = seconds
        }
        return run
    }

    private static func outputRole(_ attributes: Attributes, _ literal: String) throws(AttributeError) -> BlockRole {
        if attributes.has("unordered") && attributes.has("per-thread") { throw .conflicting("unordered", "per-thread") }
        for name in attributes.names { try attributes.flag(name) }
        let mode: OutputExpectation.Mode =
            attributes.has("unordered") ? .unordered : attributes.has("per-thread") ? .perThread : .exact
        return .output(mode, lines: OutputExpectation.significantLines(literal))
    }
}

/// The attributes of one info string, checked against a list of known names.
struct Attributes {
    private var values: [String: String?] = [:]
    var names: [String] { Array(values.keys).sorted() }

    init(_ attributes: [InfoString.Attribute], known: [String]) throws(AttributeError) {
        for attribute in attributes {
            guard known.contains(attribute.name) else { throw .unknown(attribute.name, known: known) }
            guard values[attribute.name] == nil else { throw .repeated(attribute.name) }
            values[attribute.name] = attribute.value
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    func optionalValue(_ name: String) -> String? { values[name] ?? nil }

    func value(_ name: String, example: String) throws(AttributeError) -> String {
        guard let value = optionalValue(name), !value.isEmpty else { throw .needsValue(name, example: example) }
        return value
    }

    func flag(_ name: String) throws(AttributeError) {
        if optionalValue(name) != nil { throw .takesNoValue(name) }
    }
}
