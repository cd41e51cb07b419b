/// Collects the nodes written in a closure, with `if`, `switch` and `for` allowed:
///
/// ```swift
/// let response = VoiceResponse {
///     Gather(input: .dtmf, numDigits: 1) {
///         Say("Press 1 for sales.")
///     }
///     if goodbye {
///         Say("Goodbye.")
///     }
///     Hangup()
/// }
/// ```
///
/// `Node` is the kind of node the closure may hold, such as `any VoiceVerb`, so that a verb in
/// the wrong place is a compile-time error.
@resultBuilder
public enum TwiMLBuilder<Node> {
    /// One node.
    public static func buildExpression(_ node: Node) -> [Node] {
        [node]
    }

    /// The nodes of every statement, in order.
    public static func buildBlock(_ components: [Node]...) -> [Node] {
        components.flatMap { $0 }
    }

    /// The nodes of an `if` without `else`, or none.
    public static func buildOptional(_ component: [Node]?) -> [Node] {
        component ?? []
    }

    /// The nodes of the first branch of an `if`/`else` or `switch`.
    public static func buildEither(first component: [Node]) -> [Node] {
        component
    }

    /// The nodes of the second branch of an `if`/`else` or `switch`.
    public static func buildEither(second component: [Node]) -> [Node] {
        component
    }

    /// The nodes of every pass of a `for` loop.
    public static func buildArray(_ components: [[Node]]) -> [Node] {
        components.flatMap { $0 }
    }

    /// The nodes of an `if #available` branch.
    public static func buildLimitedAvailability(_ component: [Node]) -> [Node] {
        component
    }
}
