// libFuzzer target for the GraphQL module's parser, built by scripts/fuzz.
//
// Any input may be rejected with a GraphQLError; a crash, a trap or a hang is a finding.
internal import GraphQL

/// Parses one fuzz input as a GraphQL document with the default limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphQLParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? parse(source: source)
    return 0
}
