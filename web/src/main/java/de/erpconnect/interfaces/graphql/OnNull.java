package de.erpconnect.interfaces.graphql;

import graphql.execution.directives.QueryAppliedDirective;
import graphql.execution.directives.QueryAppliedDirectiveArgument;
import graphql.introspection.Introspection;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import java.util.List;

/**
 * {@code @onNull(errorMessage: "…")} (reference §2.5): a field that resolves to null becomes an
 * error with this message instead — e.g. to make an optimistic-locking conflict
 * ({@code rowModify(…, modifyLSN: …)} answering null) fail the whole mutation loudly.
 * {@code @onNull(returnValue: …)} substitutes a value on scalar fields.
 */
final class OnNull {

    static final GraphQLDirective DIRECTIVE = GraphQLDirective.newDirective()
            .name("onNull")
            .description("When the field resolves to null: raise errorMessage, or answer returnValue.")
            .validLocation(Introspection.DirectiveLocation.FIELD)
            .argument(GraphQLArgument.newArgument().name("errorMessage").type(graphql.Scalars.GraphQLString))
            .argument(GraphQLArgument.newArgument().name("returnValue").type(AnyScalar.TYPE))
            .build();

    private OnNull() {}

    /** The value to answer for a null result: null, the returnValue, or an error result. */
    static Object apply(DataFetchingEnvironment env, Object value) {
        if (value != null || env.getQueryDirectives() == null) {
            return value;
        }
        List<QueryAppliedDirective> applied = env.getQueryDirectives().getImmediateAppliedDirective("onNull");
        if (applied == null || applied.isEmpty()) {
            return null;
        }
        QueryAppliedDirective directive = applied.get(0);
        QueryAppliedDirectiveArgument message = directive.getArgument("errorMessage");
        if (message != null && message.getValue() != null) {
            return GraphqlErrors.error(env, message.getValue().toString(), "ON_NULL");
        }
        QueryAppliedDirectiveArgument substitute = directive.getArgument("returnValue");
        return substitute == null ? null : substitute.getValue();
    }
}
