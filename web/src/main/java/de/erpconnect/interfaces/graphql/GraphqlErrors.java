package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.shared.BusinessException;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.ejb.EJBAccessException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one mapping of business failures to GraphQL errors: the message for the developer and a
 * stable {@code extensions.code} ({@code FORBIDDEN}, {@code FORBIDDEN_FIELD},
 * {@code BAD_USER_INPUT}, …). Unexpected failures are left to SmallRye ("System error", logged).
 */
final class GraphqlErrors {

    private GraphqlErrors() {}

    /** Wraps a generated fetcher so that its business exceptions become field errors. */
    static DataFetcher<Object> guarded(DataFetcher<?> fetcher) {
        return env -> {
            try {
                Object result = fetcher.get(env);
                if (result instanceof CompletionStage<?> stage) {
                    return stage.handle(
                            (value, failure) -> failure == null ? OnNull.apply(env, value) : asResult(env, failure));
                }
                return OnNull.apply(env, result);
            } catch (BusinessException | EJBAccessException e) {
                return asResult(env, e);
            }
        };
    }

    static Object asResult(DataFetchingEnvironment env, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BusinessException e) {
            return error(env, e.getMessage(), e.code());
        }
        if (cause instanceof EJBAccessException) {
            return error(env, "Access denied.", "FORBIDDEN");
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        throw new CompletionException(cause);
    }

    static DataFetcherResult<Object> error(DataFetchingEnvironment env, String message, String code) {
        return DataFetcherResult.newResult()
                .error(GraphqlErrorBuilder.newError(env)
                        .message(message)
                        .extensions(Map.of("code", code))
                        .build())
                .build();
    }

    static CompletableFuture<Object> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }
}
