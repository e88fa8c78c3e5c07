package de.erpconnect.interfaces.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import java.util.concurrent.CompletableFuture;

/**
 * The execution-time limit of a GraphQL request (DESIGN §7): every field fetch checks the
 * request's deadline, so a query that runs too long stops with a clear error instead of holding
 * a worker thread (single SQL statements are bounded by the JDBC query timeout as well).
 */
final class DeadlineInstrumentation extends SimplePerformantInstrumentation {

    private final long timeoutNanos;
    private final int timeoutSeconds;

    DeadlineInstrumentation(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    }

    /** When the request started. */
    private record Started(long nanos) implements InstrumentationState {}

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Started(System.nanoTime()));
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (state instanceof Started started && System.nanoTime() - started.nanos() > timeoutNanos) {
            throw new AbortExecutionException("The request ran longer than " + timeoutSeconds
                    + " s and was stopped; narrow the selection or page with conRead.");
        }
        return super.beginFieldFetch(parameters, state);
    }
}
