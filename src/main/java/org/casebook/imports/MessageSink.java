package org.casebook.imports;

/** Receives records as an importer streams them; never holds a whole export in memory. */
@FunctionalInterface
public interface MessageSink {
    void accept(ImportedMessage message);
}
