internal import TwilioREST

/// Something a call's state machine asks the outside world to do, in order.
enum CallEffect: Sendable, Equatable {
    /// Send a status callback with these parameters to the call's `StatusCallback`.
    case statusCallback([FormField])
    /// Fetch the TwiML at `url` with the call's parameters and record it.
    case fetchTwiML(url: String, method: String, parameters: [FormField])
}
