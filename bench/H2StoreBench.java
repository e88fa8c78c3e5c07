import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Analysis tool (not a test) for the embedded H2 database's file store under the refresh grant's
 * write pattern: one conditional UPDATE per commit with WRITE_DELAY=0, as the datasource runs it.
 *
 * <pre>
 * java -cp h2.jar bench/H2StoreBench.java load   DIR RETENTION THREADS SECONDS
 * java -cp h2.jar bench/H2StoreBench.java reopen DIR RETENTION ROUNDS
 * </pre>
 *
 * RETENTION is H2's RETENTION_TIME in ms, or "default". {@code load}: THREADS connections rotate
 * rows of a 2,000-row table (read the generation, UPDATE ... WHERE generation = ?, autocommit) and
 * every 5 s it prints commits/s, the slowest rotation and the file size. {@code reopen}: ROUNDS
 * times, 16 connections open the database at once, update one row at the same moment and close
 * it again (the database closes with the last one); it prints how many statements failed (a
 * corrupted file fails every later round). The database file is deleted before and after.
 */
public class H2StoreBench {

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (NumberFormatException e) {
            System.err.println("not a number: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean load = args.length == 5 && args[0].equals("load");
        boolean reopen = args.length == 4 && args[0].equals("reopen");
        if (!load && !reopen) {
            System.err.println("usage: load DIR RETENTION THREADS SECONDS | reopen DIR RETENTION ROUNDS");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Path file = dir.resolve("h2store.mv.db");
        Files.deleteIfExists(file);
        String url = "jdbc:h2:" + dir.resolve("h2store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
                + (args[2].equals("default") ? "" : ";RETENTION_TIME=" + Integer.parseInt(args[2]));
        try {
            if (load) {
                load(url, file, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            } else {
                reopen(url, args[2], Integer.parseInt(args[3]));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void load(String url, Path file, String retention, int threads, int seconds)
            throws Exception {
        System.out.printf(
                "H2 %s, WRITE_DELAY=0, RETENTION_TIME=%s: %d threads, one conditional UPDATE per commit"
                        + " on 2,000 rows, %d s, no warm-up%n",
                org.h2.engine.Constants.FULL_VERSION, retention, threads, seconds);
        try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                Statement s = c.createStatement()) {
            s.execute("create table chain (id bigint primary key, generation bigint not null,"
                    + " scopes varchar(200), issued_at timestamp, expires_at timestamp)");
            try (PreparedStatement insert = c.prepareStatement("insert into chain values"
                    + " (?, 1, 'graphql offline_access', localtimestamp, localtimestamp)")) {
                for (int id = 1; id <= 2000; id++) {
                    insert.setLong(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            AtomicLong commits = new AtomicLong();
            AtomicLong slowest = new AtomicLong();
            AtomicInteger errors = new AtomicInteger();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                pool.submit(() -> rotate(url, random, end, commits, slowest, errors));
            }
            long last = 0;
            for (int i = 1; i <= seconds / 5; i++) {
                Thread.sleep(5000);
                long now = commits.get();
                System.out.printf(
                        "t=%3ds commits/s=%6d slowest_ms=%7.1f file_mb=%8.1f errors=%d%n",
                        i * 5, (now - last) / 5, slowest.getAndSet(0) / 1e6, Files.size(file) / 1e6, errors.get());
                last = now;
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            System.out.printf("total commits=%d errors=%d%n", commits.get(), errors.get());
        }
    }

    private static void rotate(
            String url, Random random, long end, AtomicLong commits, AtomicLong slowest, AtomicInteger errors) {
        try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                PreparedStatement read = c.prepareStatement("select generation from chain where id = ?");
                PreparedStatement advance = c.prepareStatement("update chain set generation = generation + 1,"
                        + " issued_at = ?, expires_at = ? where id = ? and generation = ?")) {
            while (System.nanoTime() < end) {
                long id = 1 + random.nextInt(2000);
                long start = System.nanoTime();
                read.setLong(1, id);
                long generation;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    generation = rs.getLong(1);
                }
                Timestamp now = new Timestamp(System.currentTimeMillis());
                advance.setTimestamp(1, now);
                advance.setTimestamp(2, now);
                advance.setLong(3, id);
                advance.setLong(4, generation);
                advance.executeUpdate();
                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                commits.incrementAndGet();
            }
        } catch (SQLException e) {
            errors.incrementAndGet();
            System.err.println("rotation failed: " + e.getMessage());
        }
    }

    private static void reopen(String url, String retention, int rounds) throws Exception {
        System.out.printf(
                "H2 %s, WRITE_DELAY=0, RETENTION_TIME=%s: %d rounds of 16 connections opening the"
                        + " database, updating one row at once and closing it%n",
                org.h2.engine.Constants.FULL_VERSION, retention, rounds);
        try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                Statement s = c.createStatement()) {
            s.execute("create table grant_use (id bigint primary key, last_used_at timestamp)");
            s.execute("insert into grant_use values (1, timestamp '2000-01-01 00:00:00')");
        }
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        for (int round = 0; round < rounds; round++) {
            int number = round + 1;
            CyclicBarrier together = new CyclicBarrier(16);
            long usedAt = System.currentTimeMillis() + round * 120_000L;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int t = 0; t < 16; t++) {
                pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                            PreparedStatement ps = c.prepareStatement(
                                    "update grant_use set last_used_at = ? where id = 1 and last_used_at < ?")) {
                        ps.setTimestamp(1, new Timestamp(usedAt));
                        ps.setTimestamp(2, new Timestamp(usedAt - 60_000));
                        together.await(30, TimeUnit.SECONDS);
                        updated.addAndGet(ps.executeUpdate());
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "round " + number + ": " + e.getMessage());
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.printf("rounds=%d updated=%d (expected %d) failed=%d%n", rounds, updated.get(), rounds, failed.get());
        if (firstFailure.get() != null) {
            System.out.println("first failure: " + firstFailure.get().lines().findFirst().orElse(""));
        }
    }
}
