import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j Community DBMS with Bolt on a loopback port and auth enabled, for tests and
 * `scripts/run neo4j`. Run as a single-file program on the classpath of pom.xml:
 *   java -cp CLASSPATH Neo4jServer.java HOME PASSWORD [PORT] [PAGECACHE] [SETTING=VALUE ...]
 * HOME is reused (a restart recovers the store); PORT 0 picks a free one; further arguments are
 * neo4j.conf lines (tests use them for a read-only database). Prints one line
 * `neo4j-server ready bolt://127.0.0.1:PORT VERSION` when it accepts connections, and shuts
 * down cleanly on SIGTERM/SIGINT, or when stdin closes with -Dneo4j.server.stdin=true (so a
 * test server never outlives its parent).
 */
public class Neo4jServer {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    String password = args[1];
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    if (port == 0) try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", 0));
      port = probe.getLocalPort();
    }
    // Settings by name (neo4j.conf syntax), so one launcher serves 5.26 and the calendar releases.
    Path conf = home.resolve("neo4j.conf");
    Files.createDirectories(home);
    Files.writeString(conf, String.join("\n",
        "server.bolt.enabled=true",
        "server.bolt.listen_address=127.0.0.1:" + port,
        "server.bolt.advertised_address=127.0.0.1:" + port,
        "dbms.security.auth_enabled=true",
        "server.memory.pagecache.size=" + (args.length > 3 ? args[3] : "256m"),
        "db.tx_log.rotation.retention_policy=2 files",
        "dbms.usage_report.enabled=false",
        String.join("\n", java.util.Arrays.asList(args).subList(Math.min(args.length, 4), args.length)), ""));
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { dbms.shutdown(); stopped.countDown(); }));
    try {
      setPassword(dbms, password);
      String version = dbms.database("neo4j").executeTransactionally(
          "CALL dbms.components() YIELD versions RETURN versions[0] AS v", Map.of(), r -> r.next().get("v").toString());
      System.out.println("neo4j-server ready bolt://127.0.0.1:" + port + " " + version);
      System.out.flush();
    } catch (RuntimeException e) {
      // Without this the DBMS threads keep the JVM alive and the caller waits for nothing.
      e.printStackTrace();
      System.exit(1);
    }
    if (Boolean.getBoolean("neo4j.server.stdin")) watchStdin();
    stopped.await();
  }

  /**
   * The system database is the only place a password is set; embedded calls bypass auth. On a
   * reused home it may be set already, and Neo4j refuses to "change" it to the same value.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      boolean alreadySet = dbms.database("system").executeTransactionally(
          "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
          Map.of(), r -> r.hasNext() && Boolean.FALSE.equals(r.next().get("passwordChangeRequired")));
      if (!alreadySet) throw e;
    }
  }

  /** For a parent that spawns us with a pipe: when it dies, the pipe closes and we stop. */
  private static void watchStdin() {
    Thread stdinWatch = new Thread(() -> {
      try { while (System.in.read() >= 0) { } } catch (Exception ignored) { }
      System.exit(0);
    });
    stdinWatch.setDaemon(true);
    stdinWatch.start();
  }
}
