internal import Foundation

/// The shape Twilio accepts for `ContentVariables`: a JSON object (placeholder name to value).
enum ContentVariablesFormat {
    static func isJSONObject(_ text: String) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
            return false
        }
        return object is [String: Any]
    }
}
