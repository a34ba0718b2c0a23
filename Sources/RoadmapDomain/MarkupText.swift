/// Text made safe inside HTML or XML, as an element's content or a quoted attribute: the
/// five special characters become entities, and control characters XML 1.0 cannot carry
/// (all but tab and line breaks) are dropped. The pages' templates escape for themselves;
/// this is for markup written by hand: e-mails, error pages, spreadsheets.
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
