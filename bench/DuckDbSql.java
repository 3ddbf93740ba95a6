// Runs SQL statements in embedded DuckDB (no DuckDB CLI needed): java -cp target/lib/duckdb_jdbc.jar
// bench/DuckDbSql.java 'SQL' ... ; prints the first column of a query's rows. Used by bench/sql-bench.sh.
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class DuckDbSql {
    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String sql : args) {
                if (st.execute(sql)) {
                    try (ResultSet rs = st.getResultSet()) {
                        while (rs.next()) System.out.println(rs.getString(1));
                    }
                }
            }
        }
    }
}
