package de.erpconnect.interfaces.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.dataloader.DataLoaderRegistry;

/**
 * Gives every request its own DataLoader registry. SmallRye sets one only when its annotated
 * model has batch fields; otherwise graphql-java's empty registry refuses registrations and
 * batching is off (verified with SmallRye 2.17 / graphql-java 24.3).
 */
final class DataLoaderRegistryInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (input.getDataLoaderRegistry() != EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY) {
            return input;
        }
        return input.transform(b -> b.dataLoaderRegistry(new DataLoaderRegistry()));
    }
}
