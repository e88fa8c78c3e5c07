package de.erpconnect.infrastructure.jpa;

/** Builds LIKE patterns from user text, escaping the wildcards so they match literally. */
final class Like {

    private Like() {}

    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
