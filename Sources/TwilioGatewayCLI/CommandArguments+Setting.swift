/// The text of one setting and the name it was given under, so a message about a wrong value
/// names what the operator wrote: the flag, or the environment variable when it came from there.
struct SettingText {
    /// The value as given.
    var text: String
    /// `--name` when the flag gave the value, else the variable's name, such as `GATEWAY_RPC_ADDR`.
    var source: String
}

extension CommandArguments {
    /// The value of `--option`, else of `variable` in `environment`, with the name of the one that
    /// gave it; `nil` when neither is set.
    mutating func setting(_ option: String, variable: String, in environment: Environment) -> SettingText? {
        if let text = value(option) {
            return SettingText(text: text, source: "--" + option)
        }
        return environment[variable].map { SettingText(text: $0, source: variable) }
    }
}
