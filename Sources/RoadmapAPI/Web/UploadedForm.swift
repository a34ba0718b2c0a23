import Foundation
import NIOCore
import RoadmapDomain

/// A `multipart/form-data` body, as the import page's form sends it: text fields and
/// files (`MultipartBody`).
struct UploadedForm {
    struct File {
        let fieldName: String
        let fileName: String
        let data: Data
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notMultipart
        case malformed
        /// A file name with a control character (a NUL among them) or a bidirectional control.
        case badFileName

        /// In Russian: only the import page shows it.
        var description: String {
            switch self {
            case .notMultipart: "форма отправлена не как multipart/form-data"
            case .malformed: "тело формы не удалось прочитать"
            case .badFileName: "в имени файла есть управляющие символы"
            }
        }
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [File] = []

    /// Reads `body` sent with `contentType` (which carries the boundary).
    init(contentType: String?, body: ByteBuffer) throws(Failure) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameters(contentType)["boundary"], !boundary.isEmpty, boundary.count <= 200
        else { throw .notMultipart }
        let parts: [MultipartBody.Part]
        do {
            parts = try MultipartBody(boundary: boundary, body: body).parts
        } catch {
            throw .malformed
        }
        guard !parts.isEmpty else { throw .malformed }
        for part in parts {
            guard let disposition = part.headers["content-disposition"] else { throw .malformed }
            let parameters = Self.parameters(disposition)
            guard let name = parameters["name"] else { throw .malformed }
            if let fileName = parameters["filename"] {
                guard TypedText.violation(in: fileName) == nil else { throw .badFileName }
                files.append(File(fieldName: name, fileName: fileName, data: Data(part.content.readableBytesView)))
            } else {
                fields[name] = String(decoding: part.content.readableBytesView, as: UTF8.self)
            }
        }
    }

    /// The `key=value` parameters after the first `;` of a header value; quoted values may
    /// hold `;` and escaped quotes.
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var characters = header[...]
        // Skip the value itself («form-data», «multipart/form-data»).
        guard let first = characters.firstIndex(of: ";") else { return result }
        characters = characters[characters.index(after: first)...]
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = characters[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            characters = characters[characters.index(after: equals)...]
            var value = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                var escaped = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                value = characters[..<end].trimmingCharacters(in: .whitespaces)
                characters = characters[end...]
            }
            if !key.isEmpty { result[key] = value }
        }
        return result
    }
}
