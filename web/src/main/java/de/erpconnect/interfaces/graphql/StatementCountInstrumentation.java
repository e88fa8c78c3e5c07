package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.erp.StatementCounts;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Dev mode only: answers every GraphQL request with the number of ERP SQL statements it ran, in
 * {@code extensions.erpconnect.sqlStatements} — how the integration suite proves that a page with
 * nested links costs the same few statements for 10 rows as for 500.
 */
final class StatementCountInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        StatementCounts.open();
        return input;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        int statements = StatementCounts.close();
        Map<Object, Object> extensions =
                new LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
        extensions.put("erpconnect", Map.of("sqlStatements", statements));
        return CompletableFuture.completedFuture(result.transform(b -> b.extensions(extensions)));
    }
}
