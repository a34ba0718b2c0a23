import Foundation

/// `Content-Disposition: attachment` for a file name in any script (RFC 6266): an ASCII
/// fallback for old clients and the UTF-8 name percent-encoded (RFC 8187), so a name
/// cannot break out of the header or be opened in the page.
enum ContentDisposition {
    static func attachment(_ fileName: String) -> String {
        let fallback = String(fileName.unicodeScalars.map { scalar -> Character in
            (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != "%" ? Character(scalar) : "_"
        })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
