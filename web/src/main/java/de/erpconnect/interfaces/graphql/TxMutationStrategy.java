package de.erpconnect.interfaces.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.logging.Logger;

/**
 * One JTA transaction per mutation request (DESIGN §7): the top-level fields run serially in
 * document order inside it; any error rolls back everything and the answer is {@code data: null}
 * with the errors — never values that were not committed.
 */
final class TxMutationStrategy extends AsyncSerialExecutionStrategy {

    private static final Logger LOG = Logger.getLogger(TxMutationStrategy.class);

    @Override
    public CompletableFuture<ExecutionResult> execute(
            ExecutionContext context, ExecutionStrategyParameters parameters) {
        UserTransaction tx = transaction();
        try {
            tx.begin();
        } catch (Exception e) {
            throw new IllegalStateException("The mutation's transaction could not be started", e);
        }
        ExecutionResult result;
        try {
            result = super.execute(context, parameters).join();
        } catch (RuntimeException | Error e) {
            rollback(tx);
            throw e;
        }
        if (!result.getErrors().isEmpty()) {
            rollback(tx);
            return CompletableFuture.completedFuture(rolledBack(result));
        }
        try {
            if (tx.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                rollback(tx);
                return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                        .addError(GraphqlErrorBuilder.newError()
                                .message("The mutation was rolled back.")
                                .extensions(Map.of("code", "ROLLED_BACK"))
                                .build())
                        .build());
            }
            tx.commit();
        } catch (Exception e) {
            LOG.warnf("ERPC0041: a GraphQL mutation could not be committed: %s", e.toString());
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError()
                            .message("The mutation could not be committed; nothing was changed.")
                            .extensions(Map.of("code", "ROLLED_BACK"))
                            .build())
                    .build());
        }
        return CompletableFuture.completedFuture(result);
    }

    private static ExecutionResult rolledBack(ExecutionResult result) {
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put("transaction", "ROLLED_BACK");
        return ExecutionResultImpl.newExecutionResult()
                .errors(result.getErrors())
                .data(null)
                .extensions(extensions)
                .build();
    }

    private static void rollback(UserTransaction tx) {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.warnf("ERPC0042: rolling back a GraphQL mutation failed: %s", e.toString());
        }
    }

    private static UserTransaction transaction() {
        try {
            return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        } catch (NamingException e) {
            throw new IllegalStateException("java:comp/UserTransaction is not available", e);
        }
    }
}
