// libFuzzer target for the two form-body parsers, HTTPServer's HTTPForm and TwilioREST's
// FormEncoding, built by scripts/fuzz.
//
// Both decode the same bytes; what decodes is encoded again and must decode to the same fields.
// HTTPForm is lenient where FormEncoding throws, so whenever FormEncoding accepts a body the two
// must agree on every field.
internal import HTTPServer
internal import TwilioREST

/// Decodes one fuzz input as a form body; traps (a crash for libFuzzer) when a round trip disagrees.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormBody(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    let form = HTTPForm(decoding: input)
    let reparsed = HTTPForm(decoding: form.encoded)
    precondition(
        reparsed.fields.map(\.name) == form.fields.map(\.name)
            && reparsed.fields.map(\.value) == form.fields.map(\.value),
        "HTTPForm round trip changed the fields"
    )

    if let fields = try? FormEncoding.decode(bytes: input) {
        let again = try? FormEncoding.decode(FormEncoding.encode(fields))
        precondition(again == fields, "FormEncoding round trip changed the fields")
        precondition(
            fields.map(\.name) == form.fields.map(\.name) && fields.map(\.value) == form.fields.map(\.value),
            "HTTPForm and FormEncoding disagree on a body both accept"
        )
    }
    return 0
}
