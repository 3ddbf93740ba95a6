// Opens embedded DuckDB for `s1ql eval --engine duckdb`; the driver (org.duckdb:duckdb_jdbc) is optional at run
// time, so its absence is a clear error instead of a NoClassDefFoundError.
package dev.s1ql.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public final class DuckDb {

    static final String DRIVER = "org.duckdb.DuckDBDriver";

    private DuckDb() {
    }

    /** Thrown when the DuckDB JDBC driver is not on the class path. */
    public static final class UnavailableException extends Exception {
        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * DuckDB's own words from a JDBC failure: its driver wraps them ("... closed pending query result\nError:
     * Invalid Input Error: invalid character class range: \\p{Lower}"), so the last "Error:" line is taken.
     */
    public static String reason(java.sql.SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        String reason = m.lines().findFirst().orElse(m);
        for (String line : m.lines().toList()) if (line.startsWith("Error: ")) reason = line.substring(7);
        return reason.strip();
    }

    /** An in-memory database. */
    public static Connection open() throws UnavailableException, SQLException {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new UnavailableException("--engine duckdb needs the DuckDB JDBC driver (org.duckdb:duckdb_jdbc, "
                    + "about 80 MB), which is not in s1ql.jar: in the release archive put it at lib/duckdb_jdbc.jar "
                    + "beside lib/s1ql.jar; a source build has it at target/lib/duckdb_jdbc.jar; or run java -cp "
                    + "s1ql.jar:duckdb_jdbc.jar dev.s1ql.cli.Main (README, Install; docs/sql.md)");
        }
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        try (java.sql.Statement st = db.createStatement()) {
            // Long rules (hundreds of OR-ed predicates) nest deeper than DuckDB's default limit of 1000.
            st.execute("SET max_expression_depth TO 100000");
        }
        return db;
    }
}
