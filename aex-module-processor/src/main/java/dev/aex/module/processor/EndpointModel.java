package dev.aex.module.processor;

/**
 * One checked member of a module: its kind, endpoint name, protocol id, and the Java name of the
 * method or field that the generated code calls or sets.
 */
record EndpointModel(EndpointKind kind, String name, int id, String javaName) {}
