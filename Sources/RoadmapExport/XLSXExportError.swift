/// The archive library made no data: nothing was written.
public struct XLSXExportError: Error, CustomStringConvertible {
    public var description: String { "could not write the .xlsx archive" }
}
