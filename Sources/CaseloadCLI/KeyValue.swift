/// "key=value" split at its first "=". Split on Unicode scalars, not characters: a value starting
/// with a combining mark fuses with the "=" into one character, and the "=" would go unseen.
/// Nil when there is no "=".
func keyValue(_ text: String) -> (key: String, value: String)? {
    let scalars = text.unicodeScalars
    guard let equals = scalars.firstIndex(of: "=") else { return nil }
    return (String(scalars[..<equals]), String(scalars[scalars.index(after: equals)...]))
}
