extension String {
    /// Whether the text holds something a reader would see. Whitespace, control characters (ESC,
    /// BEL, DEL) and invisible format characters (zero-width spaces and joiners) print nothing, so
    /// a note section made only of them is still empty.
    var hasVisibleText: Bool {
        unicodeScalars.contains { scalar in
            let properties = scalar.properties
            return !properties.isWhitespace && properties.generalCategory != .control
                && properties.generalCategory != .format
        }
    }
}
