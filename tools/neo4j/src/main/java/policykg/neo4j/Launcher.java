package policykg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Neo4j 5 for development and tests: the embedded DBMS with its Bolt connector on 127.0.0.1.
 *
 * <pre>
 * java -jar policykg-neo4j.jar --home DIR [--port N] [--password P] [--watch-stdin]
 * java -jar policykg-neo4j.jar admin --home DIR COMMAND...
 * </pre>
 *
 * <p>--port 0 (the default) takes a free port. The password comes from --password or
 * NEO4J_PASSWORD; user neo4j. When the server is ready the Bolt URI is printed as the one line
 * on stdout ({@code bolt://127.0.0.1:PORT}); everything else goes to stderr or HOME/logs.
 * SIGTERM (or, with --watch-stdin, the end of stdin: the parent went away) shuts the DBMS down
 * cleanly.
 *
 * <p>{@code admin} runs neo4j-admin (from the same Maven Central libraries) on HOME, e.g.
 * {@code admin --home DIR database import full --nodes=... neo4j} to bulk-load a CSV export into
 * a database that the server then opens; paths in COMMAND are relative to the working directory.
 * Its exit code is neo4j-admin's.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(admin(args));
        }
        Map<String, String> options = parse(args);
        String home = options.get("--home");
        String password = options.getOrDefault("--password", System.getenv("NEO4J_PASSWORD"));
        if (home == null || password == null || password.isEmpty()) {
            usage("--home and a password (--password or NEO4J_PASSWORD) are required");
        }
        if (password.length() < 8) {
            usage("Neo4j requires a password of at least 8 characters");
        }
        int port = Integer.parseInt(options.getOrDefault("--port", "0"));
        if (port == 0) {
            port = freePort();
        }

        DatabaseManagementService dbms;
        try {
            dbms = start(Path.of(home).toAbsolutePath(), port);
        } catch (IOException | RuntimeException e) {
            System.err.println("error: Neo4j did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "policykg-neo4j-shutdown"));
        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            System.err.println("error: could not set the password: " + e.getMessage());
            System.exit(1); // runs the shutdown hook
        }

        System.out.println("bolt://" + HOST + ":" + port);
        System.out.flush();
        if (options.containsKey("--watch-stdin")) {
            watchStdin();
        }
        stopped.await();
    }

    private static DatabaseManagementService start(Path home, int port) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", HOST + ":" + port);
        config.put("server.bolt.advertised_address", HOST + ":" + port);
        config.put("server.bolt.tls_level", "DISABLED");
        config.put("dbms.security.auth_enabled", "true");
        // Small and bounded: this is a development and test server on a shared machine.
        config.put("server.memory.pagecache.size", System.getProperty("policykg.pagecache", "256m"));
        config.put("db.tx_log.rotation.retention_policy", "100M size");
        config.put("dbms.usage_report.enabled", "false");
        // Written as a config file (the builder reads raw settings only from a file); kept in
        // HOME so what the server ran with can be read afterwards.
        Files.createDirectories(home);
        Path conf = home.resolve("policykg-neo4j.conf");
        StringBuilder text = new StringBuilder();
        config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(conf, text.toString());
        return new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    }

    /** neo4j-admin on --home DIR: the rest of the arguments are its command line. */
    private static int admin(String[] args) {
        if (args.length < 4 || !args[1].equals("--home")) {
            usage("admin needs --home DIR and a neo4j-admin command");
        }
        Path home = Path.of(args[2]).toAbsolutePath();
        String[] command = Arrays.copyOfRange(args, 3, args.length);
        // neo4j-admin reads HOME/conf/neo4j.conf if there is one; the server's settings live in
        // policykg-neo4j.conf, which neo4j-admin does not need (it only writes store files).
        return AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), command);
    }

    /** The embedded API runs with full rights, so it can set the neo4j user's password. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A data directory from an earlier run already has this password.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /** Exit (running the shutdown hook) when stdin closes: the process that started us is gone. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // Drain: only the end of the stream matters.
                }
            } catch (IOException ignored) {
                // A broken stdin means the parent is gone, the same as end of stream.
            }
            System.exit(0);
        }, "policykg-neo4j-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--watch-stdin")) {
                options.put(arg, "");
            } else if ((arg.equals("--home") || arg.equals("--port") || arg.equals("--password"))
                    && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                usage("unknown argument " + arg);
            }
        }
        return options;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println(
                "usage: java -jar policykg-neo4j.jar --home DIR [--port N] [--password P] [--watch-stdin]\n"
                        + "       java -jar policykg-neo4j.jar admin --home DIR COMMAND...");
        System.exit(2);
    }
}
