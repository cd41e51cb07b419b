/// The HTTP method Twilio uses for a verb's URL (`method` attributes).
public enum TwiMLMethod: String, Hashable, Sendable {
    /// `GET`.
    case get = "GET"
    /// `POST`, Twilio's default.
    case post = "POST"
}
