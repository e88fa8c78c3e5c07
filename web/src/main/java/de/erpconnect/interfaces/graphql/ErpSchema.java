package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.TableRegistry;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.spi.EventingService;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Hooks the generated ERP schema into SmallRye GraphQL (registered in {@code META-INF/services};
 * always on). {@code beforeSchemaBuild} adds the {@code tbl…} fields next to SmallRye's annotated
 * ones; {@code beforeGraphQLBuild} adds the per-request DataLoader registry.
 */
public class ErpSchema implements EventingService {

    private static final Logger LOG = Logger.getLogger(ErpSchema.class);

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        long start = System.nanoTime();
        GraphQLSchema base = builder.build();
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry(base.getCodeRegistry());
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject(base.getQueryType());
        GraphQLObjectType.Builder mutation = base.getMutationType() != null
                ? GraphQLObjectType.newObject(base.getMutationType())
                : GraphQLObjectType.newObject().name("Mutation");
        SchemaGenerator generator = new SchemaGenerator(base, code, ErpServices.lookUp());
        MutationGenerator writes = generator.mutations();
        TableRegistry.get().tables().forEach(t -> {
            generator.addTable(t, query);
            writes.addTable(t, mutation);
        });
        builder.query(query.build())
                .mutation(mutation.build())
                .codeRegistry(code.build())
                .additionalDirective(OnNull.DIRECTIVE);
        generator.types().forEach(builder::additionalType);
        LOG.infof(
                "ERPC0040: GraphQL schema generated for %d tables in %d ms",
                TableRegistry.get().tables().size(), (System.nanoTime() - start) / 1_000_000);
        return builder;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation existing = builder.build().getInstrumentation();
        List<Instrumentation> chain =
                new java.util.ArrayList<>(List.of(existing, new DataLoaderRegistryInstrumentation()));
        if ("dev"
                .equals(ConfigProvider.getConfig()
                        .getOptionalValue("erpconnect.mode", String.class)
                        .orElse("prod"))) {
            chain.add(new StatementCountInstrumentation());
        }
        GraphqlLimits limits = new GraphqlLimits();
        chain.add(new MaxQueryDepthInstrumentation(limits.maxDepth()));
        chain.add(new MaxQueryComplexityInstrumentation(limits.maxComplexity()));
        chain.add(new DeadlineInstrumentation(limits.timeoutSeconds()));
        builder.instrumentation(new ChainedInstrumentation(chain));
        builder.mutationExecutionStrategy(new TxMutationStrategy());
        return builder;
    }
}
