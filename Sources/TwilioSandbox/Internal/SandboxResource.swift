internal import HTTPServer

/// One REST resource of the sandbox (Messages now; Calls and Verify fit the same shape).
///
/// A resource adds its routes to the sandbox's router. By the time a route's handler runs, the
/// front door has authenticated the request and checked that the `{AccountSid}` in the path is
/// the authenticated account, so handlers only deal with their own resource.
protocol SandboxResource: Sendable {
    /// Adds the resource's routes to `router`.
    func register(in router: inout HTTPRouter)
}
