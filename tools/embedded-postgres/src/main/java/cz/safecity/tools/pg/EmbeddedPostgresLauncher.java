package cz.safecity.tools.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Starts a real PostgreSQL server (io.zonky binaries from Maven Central) for the local stack when no PostgreSQL
 * answers on localhost:5432, creates role and database {@code safecity} when missing, and exits: the server
 * keeps running on its own (no JVM stays behind). Stop it with SIGINT ("fast" shutdown) to the PID in
 * {@code <dir>/data/postmaster.pid} (first line) — {@code ./safecity down} does that.
 *
 * <p>Usage: {@code EmbeddedPostgresLauncher <dir> <logfile> [port]} where {@code dir} holds {@code data/} (kept
 * across restarts), {@code work/} (extracted binaries) and the files this launcher writes: {@code port} (the
 * port in use) and {@code ready} (written once role and database exist). Port: the given one, else 5432 when
 * free, else the first free port from 5433 up. The server listens on 127.0.0.1 only and logs to
 * {@code logfile}. Exit code 0 when ready, 1 when the server cannot start.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedPostgresLauncher <dir> <logfile> [port]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        File log = Path.of(args[1]).toAbsolutePath().toFile();
        int port = args.length > 2 ? Integer.parseInt(args[2]) : choosePort();
        Path data = dir.resolve("data");
        Path work = dir.resolve("work");
        Files.createDirectories(data);
        Files.createDirectories(work);
        Files.deleteIfExists(dir.resolve("ready"));
        Files.writeString(dir.resolve("port"), port + "\n", StandardCharsets.US_ASCII);

        long started = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "64MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (Exception | Error e) {
            System.err.println("embedded PostgreSQL did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        try {
            provision(pg);
        } catch (SQLException e) {
            System.err.println("embedded PostgreSQL started but role/database safecity could not be created: " + e);
            pg.close();
            System.exit(1);
        }
        Files.writeString(dir.resolve("ready"), port + "\n", StandardCharsets.US_ASCII);
        System.out.printf("embedded PostgreSQL ready on 127.0.0.1:%d (data %s) in %d ms%n", port, data,
                (System.nanoTime() - started) / 1_000_000);
        // the postmaster runs on (pg_ctl started it detached); leave without closing it
        System.exit(0);
    }

    /** Role and database {@code safecity}, created only when missing. */
    private static void provision(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", "safecity")) {
                s.execute("create role safecity login password 'safecity'");
                System.out.println("created role safecity");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", "safecity")) {
                s.execute("create database safecity owner safecity encoding 'UTF8'");
                System.out.println("created database safecity");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static int choosePort() {
        for (int p = 5432; p < 5532; p++) {
            if (free(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port in 5432..5531");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
