import TerminalKit

/// The roles the console declares (it owns the list; the tests use a copy).
let consoleRoles: Set<Role> = Set([
    "normal", "header", "header.accent", "status", "status.key", "status.error", "border",
    "border.focused", "title", "title.focused", "roster.selected", "roster.selected.unfocused",
    "roster.dim", "label", "value", "muted", "meter.filled", "meter.empty", "meter.short",
    "flag.safety", "flag.warning", "score.minimal", "score.mild", "score.moderate",
    "score.modsevere", "score.severe", "tab", "tab.selected", "input", "input.cursor", "overlay",
    "overlay.border", "key", "match", "error",
].map { Role($0) })
