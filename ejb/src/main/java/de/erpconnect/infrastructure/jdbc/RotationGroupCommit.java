package de.erpconnect.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Group commit of the refresh grant's rotations: the conditional UPDATEs of concurrent refreshes
 * are committed together, in one transaction, instead of one commit each. Every UPDATE keeps its
 * own row count, so "exactly one caller advances a generation" stays a rule of the database (two
 * rotations of one generation in one group: the second finds the generation moved); each caller
 * learns its outcome only after the commit.
 *
 * <p>Why: an embedded H2 with {@code WRITE_DELAY=0} writes one chunk per commit and keeps every
 * chunk for its retention time, so ~2,000 single-row commits a second grow the file by hundreds
 * of megabytes and slow every commit; PostgreSQL pays one WAL flush per commit. Grouping is what
 * PostgreSQL's own {@code commit_delay} does, without waiting: a rotation that finds nobody
 * committing is committed at once by its caller (one rotation alone costs what it did before);
 * rotations arriving while a commit runs queue up and are committed together next. The flag that
 * lets one thread commit at a time only orders commits; it decides nothing about tokens.
 *
 * <p>Nobody waits for a commit on a request thread: {@link #advance} returns a future that the
 * commit completes, and the groups that queue up while a commit runs are committed by a task of
 * the given executor (one at a time, each task one group). A request thread that had to wait for
 * PostgreSQL's WAL flush could not serve other requests meanwhile: with as many request threads
 * as a 2-core machine runs well (4), at most 4 rotations could queue for a commit.
 *
 * <p>A group's outcomes are handed to their callers (whose continuations finish the answers)
 * only after the next group has been handed on: the next commit waits for the database while
 * this thread finishes the answers, instead of waiting for all of them first.
 *
 * <p>A group that fails (a lock timeout, a deadlock with another transaction) is rolled back and
 * its rotations are then committed one by one, so one bad rotation does not fail the others.
 * Rows are updated in chain order, so groups of several cluster nodes cannot deadlock each other.
 */
final class RotationGroupCommit {

    /** The most rotations in one commit; the rest wait for the next one. */
    private static final int MAX_GROUP = 128;

    private static final Logger LOG = Logger.getLogger(RotationGroupCommit.class);

    static final String ADVANCE = "update refresh_chain set generation = generation + 1,"
            + " issued_at = ?, expires_at = ? where id = ? and generation = ?";

    private final DataSource dataSource;
    private final Executor committer;
    private final ConcurrentLinkedQueue<Rotation> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

    /**
     * @param committer runs the commits of the rotations that queue up while a commit runs, so
     *     that their callers need not wait
     */
    RotationGroupCommit(DataSource dataSource, Executor committer) {
        this.dataSource = dataSource;
        this.committer = committer;
    }

    /**
     * Moves the chain from the presented generation to the next one once committed; the future
     * yields true for exactly one caller, or fails with an {@link IllegalStateException} when the
     * rotation could not be committed. When nobody is committing, the caller commits its rotation
     * before this returns (the future is then complete); otherwise it returns at once, and the
     * future completes on the thread that committed the group, after it handed on the next group:
     * its continuations must be short.
     */
    CompletableFuture<Boolean> advance(long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt) {
        Rotation mine = new Rotation(chainId, presentedGeneration, issuedAt, expiresAt);
        queue.add(mine);
        if (committing.compareAndSet(false, true)) {
            commitQueued();
        }
        return mine.outcome;
    }

    /**
     * Commits the next group; called holding the flag, releases it. Rotations queued meanwhile
     * are handed to the committer (which takes the flag again), or committed here when the
     * committer refuses work (shutting down); only then are the group's outcomes settled, so
     * that the next commit does not wait for this group's continuations. Whoever queues after
     * the flag is released and the queue was found empty takes the flag itself, so no rotation
     * is left behind.
     */
    private void commitQueued() {
        while (true) {
            List<Rotation> committed;
            try {
                committed = commitNextGroup();
            } finally {
                committing.set(false);
            }
            boolean commitHere;
            try {
                commitHere = handOnQueued();
            } finally {
                committed.forEach(Rotation::settle);
            }
            if (!commitHere) {
                return;
            }
        }
    }

    /**
     * Hands the rotations queued meanwhile (if nobody took the flag for them) to the committer;
     * true when the committer refused them (undeploying) or failed otherwise, and this thread
     * holds the flag to commit them itself.
     */
    private boolean handOnQueued() {
        if (queue.isEmpty() || !committing.compareAndSet(false, true)) {
            return false;
        }
        try {
            committer.execute(this::commitQueued);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Commits the next group; returns its rotations, outcome decided but not yet settled. */
    private List<Rotation> commitNextGroup() {
        List<Rotation> group = new ArrayList<>();
        for (Rotation r; group.size() < MAX_GROUP && (r = queue.poll()) != null; ) {
            group.add(r);
        }
        if (group.isEmpty()) {
            return group;
        }
        try {
            commitTogether(group);
        } catch (SQLException | RuntimeException e) {
            if (group.size() > 1) {
                LOG.warnf(
                        "Committing %d refresh token rotations together failed (%s); committing them one by one",
                        group.size(), e.getMessage());
            }
            for (Rotation r : group) {
                commitAlone(r);
            }
        } catch (Error e) {
            for (Rotation r : group) {
                r.fail(e);
                r.settle();
            }
            throw e;
        }
        return group;
    }

    private void commitTogether(List<Rotation> group) throws SQLException {
        List<Rotation> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparingLong(r -> r.chainId)); // stable: arrival order within a chain
        int[] counts;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                counts = updateInOneRoundTrip(c, ordered);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).succeed(counts[i] == 1);
        }
    }

    /**
     * The group's UPDATEs as one JDBC batch: one round trip, executed in order, one row count
     * each. A round trip per UPDATE kept the transaction open (and its rows locked) while this
     * thread waited for a core between them.
     */
    private static int[] updateInOneRoundTrip(Connection c, List<Rotation> ordered) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
            for (Rotation r : ordered) {
                bind(ps, r);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            if (counts.length != ordered.size() || Arrays.stream(counts).anyMatch(n -> n != 0 && n != 1)) {
                // a driver that does not tell each row count (SUCCESS_NO_INFO) cannot decide
                // single use in a batch: rolled back, then committed one by one
                throw new SQLException("The database did not answer a row count for each update of the group");
            }
            return counts;
        }
    }

    private void commitAlone(Rotation r) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ADVANCE)) {
            bind(ps, r);
            r.succeed(ps.executeUpdate() == 1);
        } catch (SQLException | RuntimeException e) {
            r.fail(e);
        }
    }

    /** Runs {@link #ADVANCE}; the row count is 1 for the caller that advanced the chain. */
    static int update(PreparedStatement ps, long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt)
            throws SQLException {
        bind(ps, chainId, presentedGeneration, issuedAt, expiresAt);
        return ps.executeUpdate();
    }

    private static void bind(PreparedStatement ps, Rotation r) throws SQLException {
        bind(ps, r.chainId, r.presentedGeneration, r.issuedAt, r.expiresAt);
    }

    /** Binds {@link #ADVANCE}'s parameters. */
    private static void bind(
            PreparedStatement ps, long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt)
            throws SQLException {
        ps.setTimestamp(1, Timestamp.from(issuedAt));
        ps.setTimestamp(2, Timestamp.from(expiresAt));
        ps.setLong(3, chainId);
        ps.setLong(4, presentedGeneration);
    }

    /** One caller's rotation: what to update, and its outcome once committed. */
    private static final class Rotation {
        private final long chainId;
        private final long presentedGeneration;
        private final Instant issuedAt;
        private final Instant expiresAt;
        private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        private boolean advanced;
        private Throwable failure;

        Rotation(long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt) {
            this.chainId = chainId;
            this.presentedGeneration = presentedGeneration;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        void succeed(boolean advanced) {
            this.advanced = advanced;
        }

        void fail(Throwable failure) {
            this.failure = failure instanceof Error
                    ? failure
                    : new IllegalStateException("Rotating a refresh token failed", failure);
        }

        /** Completes the caller's future with the decided outcome (runs its continuations). */
        void settle() {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(advanced);
            }
        }
    }
}
