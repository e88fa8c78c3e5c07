package de.erpconnect.infrastructure.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of rotations against a real (in-memory H2) database: single use stays a rule
 * of the conditional UPDATE, also within one group, and every caller gets its own outcome.
 */
class RotationGroupCommitTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);

    JdbcDataSource h2;
    ExecutorService pool;

    @BeforeEach
    void createTable() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rotations" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        execute("create table refresh_chain (id bigint primary key, grant_id bigint not null,"
                + " generation bigint not null check (generation >= 1), scopes varchar(200) not null,"
                + " issued_at timestamp with time zone not null, expires_at timestamp with time zone not null)");
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        pool.shutdownNow();
        execute("shutdown");
    }

    @Test
    void concurrentRotationsOfOneGenerationAdvanceItExactlyOnce() throws Exception {
        int chains = 40;
        int contenders = 4;
        int generations = 25;
        for (int id = 1; id <= chains; id++) {
            insertChain(id, 1);
        }
        ScriptedDataSource counted = new ScriptedDataSource(h2, null, n -> false);
        RotationGroupCommit group = new RotationGroupCommit(counted, pool);
        Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
        List<Future<?>> callers = new ArrayList<>();
        for (int id = 1; id <= chains; id++) {
            for (int k = 0; k < contenders; k++) {
                long chain = id;
                callers.add(pool.submit(() -> {
                    // each contender presents every generation in turn, racing the others; the
                    // winner of one generation presents the next, so every generation is reached
                    for (long g = 1; g <= generations; g++) {
                        if (group.advance(chain, g, NOW, LATER).join()) {
                            winners.computeIfAbsent(chain + "/" + g, x -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : callers) {
            f.get(2, TimeUnit.MINUTES);
        }
        assertEquals(chains * generations, winners.size(), "every generation of every chain advanced");
        winners.forEach((generation, count) -> assertEquals(1, count.get(), "winners of " + generation));
        for (int id = 1; id <= chains; id++) {
            assertEquals(generations + 1, currentGeneration(id));
        }
        int rotations = chains * contenders * generations;
        System.out.printf(
                "%d rotations (%d successful) in %d commits%n", rotations, chains * generations, counted.opened.get());
    }

    @Test
    void rotationsQueuedDuringACommitShareTheNextOneAndStillCountOnce() throws Exception {
        insertChain(1, 1);
        insertChain(2, 7);
        ScriptedDataSource blocking = new ScriptedDataSource(h2, new CountDownLatch(1), n -> false);
        CountingExecutor committer = new CountingExecutor(pool);
        // two callers present the same generation of chain 1, one the generation of chain 2 that
        // the first caller spends
        List<Boolean> advanced = holdFirstCommitWhileOthersQueue(
                blocking, committer, new long[] {2, 7}, new long[][] {{1, 1}, {1, 1}, {2, 7}});
        assertTrue(advanced.get(0));
        assertEquals(
                1, (advanced.get(1) ? 1 : 0) + (advanced.get(2) ? 1 : 0), "one of two rotations of one generation");
        assertEquals(false, advanced.get(3), "generation 7 of chain 2 was spent");
        assertEquals(2, blocking.opened.get(), "the three queued rotations shared one commit");
        assertEquals(1, committer.tasks.get(), "the committer committed the queued group");
        assertEquals(2, currentGeneration(1));
        assertEquals(8, currentGeneration(2));
    }

    @Test
    void aGroupsCallersLearnTheirOutcomeOnlyAfterTheNextGroupIsHandedOn() throws Exception {
        insertChain(1, 1);
        insertChain(2, 1);
        insertChain(3, 1);
        ScriptedDataSource held = new ScriptedDataSource(h2, new CountDownLatch(1), n -> false);
        held.secondRelease = new CountDownLatch(1);
        AtomicReference<CompletableFuture<Boolean>> committersGroup = new AtomicReference<>();
        List<Boolean> groupSettledWhenHandedOn = new CopyOnWriteArrayList<>();
        Executor committer = task -> {
            CompletableFuture<Boolean> g = committersGroup.get();
            if (g != null) {
                groupSettledWhenHandedOn.add(g.isDone());
            }
            pool.execute(task);
        };
        RotationGroupCommit group = new RotationGroupCommit(held, committer);
        Future<Boolean> first =
                pool.submit(() -> group.advance(1, 1, NOW, LATER).join());
        assertTrue(held.entered.await(1, TimeUnit.MINUTES));
        // queued during the first commit: the committer commits it, held in its commit in turn
        committersGroup.set(group.advance(2, 1, NOW, LATER));
        held.release.countDown();
        assertTrue(held.secondEntered.await(1, TimeUnit.MINUTES));
        // queued during the committer's commit: handed on when that commit ends
        CompletableFuture<Boolean> last = group.advance(3, 1, NOW, LATER);
        held.secondRelease.countDown();
        assertTrue(first.get(1, TimeUnit.MINUTES));
        assertTrue(committersGroup.get().get(1, TimeUnit.MINUTES));
        assertTrue(last.get(1, TimeUnit.MINUTES));
        // handed to the committer (not yet committed); then, committed, it hands on the next group
        // before its caller learns the outcome
        assertEquals(List.of(false, false), groupSettledWhenHandedOn);
        assertEquals(3, held.opened.get());
    }

    @Test
    void aFailedGroupIsCommittedOneByOne() throws Exception {
        insertChain(1, 1);
        insertChain(2, 1);
        // the second connection, the group's, fails on commit
        ScriptedDataSource blocking = new ScriptedDataSource(h2, new CountDownLatch(1), n -> n == 2);
        List<Boolean> advanced = holdFirstCommitWhileOthersQueue(
                blocking, pool, new long[] {1, 1}, new long[][] {{1, 2}, {2, 1}, {2, 1}});
        assertTrue(advanced.get(0));
        assertTrue(advanced.get(1));
        assertEquals(1, (advanced.get(2) ? 1 : 0) + (advanced.get(3) ? 1 : 0), "one by one, single use still holds");
        assertEquals(5, blocking.opened.get(), "one alone, one failed group, three alone");
        assertEquals(3, currentGeneration(1));
        assertEquals(2, currentGeneration(2));
    }

    @Test
    void withoutACommitterTheQueuedRotationsAreCommittedByTheLastCommitsThread() throws Exception {
        queuedRotationsAreCommittedByTheLastCommitsThreadWhenTheCommitterThrows(
                new RejectedExecutionException("shutting down"));
    }

    @Test
    void aCommitterFailingOtherwiseLeavesNoRotationBehind() throws Exception {
        queuedRotationsAreCommittedByTheLastCommitsThreadWhenTheCommitterThrows(
                new IllegalStateException("the executor is not available"));
    }

    private void queuedRotationsAreCommittedByTheLastCommitsThreadWhenTheCommitterThrows(RuntimeException refusal)
            throws Exception {
        insertChain(1, 1);
        insertChain(2, 1);
        ScriptedDataSource blocking = new ScriptedDataSource(h2, new CountDownLatch(1), n -> false);
        Executor refusing = task -> {
            throw refusal;
        };
        List<Boolean> advanced =
                holdFirstCommitWhileOthersQueue(blocking, refusing, new long[] {1, 1}, new long[][] {{2, 1}, {1, 2}});
        assertEquals(List.of(true, true, true), advanced);
        assertEquals(2, blocking.opened.get(), "the queued rotations still shared one commit");
        assertEquals(3, currentGeneration(1));
        assertEquals(2, currentGeneration(2));
    }

    @Test
    void aRotationThatCannotBeCommittedFailsItsCallerAndChangesNothing() throws Exception {
        insertChain(1, 1);
        RotationGroupCommit group = new RotationGroupCommit(new ScriptedDataSource(h2, null, n -> true), pool);
        CompletionException e = assertThrows(
                CompletionException.class, () -> group.advance(1, 1, NOW, LATER).join());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertInstanceOf(SQLException.class, e.getCause().getCause());
        assertEquals(1, currentGeneration(1));
        // the next caller is not stuck behind the failed one
        assertTrue(new RotationGroupCommit(h2, pool).advance(1, 1, NOW, LATER).join());
        assertEquals(2, currentGeneration(1));
    }

    @Test
    void theDatabaseRefusesAGenerationBelowOne() throws Exception {
        SQLException refused = assertThrows(SQLException.class, () -> insertChain(3, 0));
        assertTrue(refused.getMessage().toLowerCase().contains("check"), refused.getMessage());
    }

    /**
     * The first rotation commits alone, on its caller's thread, and is held inside its commit while
     * the others queue: their callers get an unfinished outcome and go on at once. Returns every
     * caller's outcome, the first one's first.
     */
    private List<Boolean> holdFirstCommitWhileOthersQueue(
            ScriptedDataSource held, Executor committer, long[] first, long[][] queued) throws Exception {
        RotationGroupCommit group = new RotationGroupCommit(held, committer);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        outcomes.add(
                pool.submit(() -> group.advance(first[0], first[1], NOW, LATER).join()));
        assertTrue(held.entered.await(1, TimeUnit.MINUTES));
        for (long[] rotation : queued) {
            CompletableFuture<Boolean> outcome = group.advance(rotation[0], rotation[1], NOW, LATER);
            assertFalse(outcome.isDone(), "a queued rotation is committed after the running commit");
            outcomes.add(outcome);
        }
        held.release.countDown();
        List<Boolean> advanced = new ArrayList<>();
        for (Future<Boolean> outcome : outcomes) {
            advanced.add(outcome.get(1, TimeUnit.MINUTES));
        }
        return advanced;
    }

    /** Runs tasks on a pool and counts them. */
    static final class CountingExecutor implements Executor {
        final Executor target;
        final AtomicInteger tasks = new AtomicInteger();

        CountingExecutor(Executor target) {
            this.target = target;
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            target.execute(task);
        }
    }

    private void insertChain(long id, long generation) throws SQLException {
        try (Connection c = h2.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into refresh_chain values (?, 1, ?, 'offline_access',"
                        + " current_timestamp, current_timestamp)")) {
            ps.setLong(1, id);
            ps.setLong(2, generation);
            ps.executeUpdate();
        }
    }

    private long currentGeneration(long id) throws SQLException {
        try (Connection c = h2.getConnection();
                PreparedStatement ps = c.prepareStatement("select generation from refresh_chain where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Counts the connections taken, may hold the first one's caller until released (a commit
     * that takes long), and lets the connections the predicate picks fail: on commit, or on
     * their statement when they commit alone.
     */
    static class ScriptedDataSource implements DataSource {
        final DataSource target;
        final CountDownLatch release;
        final IntPredicate failing;
        final CountDownLatch entered = new CountDownLatch(1);
        /** Holds the second connection's caller too, until counted down (null: no hold). */
        CountDownLatch secondRelease;

        final CountDownLatch secondEntered = new CountDownLatch(1);
        final AtomicInteger opened = new AtomicInteger();

        ScriptedDataSource(DataSource target, CountDownLatch release, IntPredicate failing) {
            this.target = target;
            this.release = release;
            this.failing = failing;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return scripted(target.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return scripted(target.getConnection(user, password));
        }

        private Connection scripted(Connection c) throws SQLException {
            int number = opened.incrementAndGet();
            if (number == 1 && release != null) {
                hold(entered, release);
            }
            if (number == 2 && secondRelease != null) {
                hold(secondEntered, secondRelease);
            }
            boolean fails = failing.test(number);
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (fails
                                && (method.getName().equals("commit")
                                        || method.getName().equals("prepareStatement") && c.getAutoCommit())) {
                            throw new SQLException("injected failure");
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static void hold(CountDownLatch entered, CountDownLatch release) {
            entered.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
