package de.erpconnect.interfaces.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The lenient scalar {@code Any} of the reference API: {@code fld…} fields take {@code as:}, so one
 * field may answer a number, a text or a boolean. The natural type of each field is named in its
 * description.
 */
final class AnyScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("Any")
            .description("A field value: its natural type (see the field's description) or the form chosen with as:.")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof String
                            || value instanceof Boolean
                            || value instanceof Integer
                            || value instanceof Long
                            || value instanceof Double
                            || value instanceof BigDecimal
                            || value instanceof BigInteger) {
                        return value;
                    }
                    if (value instanceof Instant || value instanceof LocalDate) {
                        return value.toString();
                    }
                    throw new CoercingSerializeException(
                            "Cannot serialize " + value.getClass().getSimpleName());
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue s) {
                        return s.getValue();
                    }
                    if (input instanceof IntValue i) {
                        return i.getValue();
                    }
                    if (input instanceof FloatValue f) {
                        return f.getValue();
                    }
                    if (input instanceof BooleanValue b) {
                        return b.isValue();
                    }
                    if (input instanceof NullValue) {
                        return null;
                    }
                    throw new CoercingParseLiteralException("Any accepts strings, numbers and booleans.");
                }
            })
            .build();

    private AnyScalar() {}
}
