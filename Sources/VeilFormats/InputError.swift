package import VeilCore

/// A document that cannot be read or scanned, with its place: `file:line:col: error: …`.
/// Messages never quote the document's text.
package struct InputError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var message: String
    /// Whether reading can go on after it (`--on-error skip`): false when the file's structure is
    /// broken (a JSON array's commas and brackets), so the next record cannot be found.
    package var canBeSkipped: Bool

    package init(file: String, line: Int? = nil, column: Int? = nil, message: String, canBeSkipped: Bool = true) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.canBeSkipped = canBeSkipped
    }

    package var description: String {
        Diagnostic(file: file, line: line, column: column, message: message).description
    }
}

extension InvalidUTF8Error {
    /// The error placed at its line and column in `bytes` (column counted in characters up to the bad byte).
    package func located(in bytes: [UInt8], file: String, lineOffset: Int = 0) -> InputError {
        var positions = TextPositions(bytes)
        let position = positions.position(ofByte: byteOffset)
        return InputError(
            file: file, line: position.line + lineOffset, column: position.column,
            message: "invalid UTF-8 (byte \(byteOffset) of the \(lineOffset > 0 ? "line" : "file"))")
    }
}
