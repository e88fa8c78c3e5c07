package de.erpconnect.domain.shared;

/** One rejected input field, named as the client sent it. */
public record FieldError(String field, String message) {}
