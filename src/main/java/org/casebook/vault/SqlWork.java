package org.casebook.vault;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run against the vault's connection, inside or outside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
