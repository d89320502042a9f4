package org.casebook.model;

import java.util.List;

/** Someone involved in the case, with every number, address and handle they use. */
public record Person(long id, long caseId, String name, PersonRole role, List<Identifier> identifiers) {
    public Person {
        identifiers = List.copyOf(identifiers);
    }
}
