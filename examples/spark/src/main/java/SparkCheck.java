// Runs each emitted Spark SQL statement (from `s1ql translate --to sql --dialect spark --format json`) in Spark
// local mode over an NDJSON event file and prints, per query, the s1ql_row of every selected event, as TSV
// "source<TAB>row". run.sh compares that with `s1ql eval` (the interpreter).
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Usage: SparkCheck EVENTS.ndjson TRANSLATIONS.jsonl OUT.tsv. The events are read as docs/sql.md says
 * (primitivesAsString, so numbers keep their text); a column a query reads that no event has is added as a NULL
 * string column (found from Spark's "cannot resolve" error), as the docs tell users to do.
 */
public final class SparkCheck {

    private static final Pattern UNRESOLVED = Pattern.compile("`([^`]+)`");

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().appName("s1ql-spark-check").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Dataset<Row> events = spark.read().option("primitivesAsString", "true").json(args[0]);
        Set<String> columns = new HashSet<>();
        for (String c : events.columns()) columns.add(c.toLowerCase(Locale.ROOT));
        events.createOrReplaceTempView("events");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int failed = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            for (String line : lines) {
                JsonNode t = json.readTree(line);
                if (t.path("output").isNull() || t.path("output").isMissingNode()) continue;
                String sql = t.path("output").asText().replace("SELECT * FROM", "SELECT s1ql_row FROM");
                for (int attempt = 0; ; attempt++) {
                    try {
                        for (Row r : spark.sql(sql).collectAsList()) {
                            out.println(t.path("source").asText() + "\t" + r.getString(0));
                        }
                        break;
                    } catch (Exception e) { // AnalysisException, thrown undeclared (Scala)
                        if (!(e instanceof AnalysisException)) throw e;
                        String missing = missingColumn(e.getMessage());
                        if (missing == null || attempt > 50 || !columns.add(missing.toLowerCase(Locale.ROOT))) {
                            System.err.println(t.path("source").asText() + ": " + e.getMessage());
                            failed++;
                            break;
                        }
                        events = events.withColumn(missing, functions.lit(null).cast("string"));
                        events.createOrReplaceTempView("events");
                    }
                }
            }
        }
        System.err.println("spark: " + lines.size() + " statements, " + failed + " failed");
        spark.stop();
        System.exit(failed > 0 ? 1 : 0);
    }

    /** The column of an UNRESOLVED_COLUMN error, or null. */
    private static String missingColumn(String message) {
        if (message == null || !message.contains("UNRESOLVED_COLUMN")) return null;
        Matcher m = UNRESOLVED.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
