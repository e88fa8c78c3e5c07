package de.erpconnect.interfaces.graphql;

import static graphql.schema.FieldCoordinates.coordinates;

import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.InvalidInputException;
import graphql.Directives;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * Generates the microtech-style schema (reference §2) from the {@link TableRegistry}: per table a
 * {@code tbl…} field with {@code rowRead}/{@code rowsRead}, a row type with {@code fld…} fields
 * (lenient {@code Any} with {@code as:}) and {@code lnk…} links, and the key input types of its
 * {@code by…} indexes. Fetchers are generic closures over the metadata; links are batched with a
 * DataLoader per request, so a page costs the same number of statements whatever its size.
 */
final class SchemaGenerator {

    /** rowsRead answers at most this many rows; larger results need conRead paging. */
    static final int MAX_ROWS = 1000;

    private final GraphQLCodeRegistry.Builder code;
    private final GraphQLScalarType string;
    private final GraphQLScalarType intType;
    private final GraphQLScalarType floatType;
    private final List<GraphQLType> types = new ArrayList<>();
    private final GraphQLEnumType fieldFormat;

    SchemaGenerator(GraphQLSchema base, GraphQLCodeRegistry.Builder code) {
        this.code = code;
        this.string = scalar(base, "String", Scalars.GraphQLString);
        this.intType = scalar(base, "Int", Scalars.GraphQLInt);
        this.floatType = scalar(base, "Float", Scalars.GraphQLFloat);
        GraphQLEnumType.Builder format = GraphQLEnumType.newEnum()
                .name("FieldFormat")
                .description(
                        "How a fld… field answers (as:): TEXT/DISPLAY_TEXT localized, STRING raw, FLOAT, INT, BOOLEAN.");
        Arrays.stream(FieldFormat.values()).forEach(f -> format.value(f.name(), f));
        this.fieldFormat = format.build();
        types.add(fieldFormat);
        types.add(AnyScalar.TYPE);
    }

    private static GraphQLScalarType scalar(GraphQLSchema base, String name, GraphQLScalarType fallback) {
        GraphQLType existing = base.getType(name);
        return existing instanceof GraphQLScalarType s ? s : fallback;
    }

    List<GraphQLType> types() {
        return types;
    }

    void addTable(TableMeta table, GraphQLObjectType.Builder query) {
        String tableType = "Tbl" + table.table().wireName().substring(3);
        types.add(rowType(table));
        List<GraphQLArgument> selection = selectionArguments(table);
        GraphQLObjectType tbl = GraphQLObjectType.newObject()
                .name(tableType)
                .description("Reads of " + table.table().wireName() + ".")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowRead")
                        .description("One row, or null when none matches.")
                        .arguments(selection)
                        .type(GraphQLTypeReference.typeRef(table.singular())))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowsRead")
                        .description("All matching rows in index order (at most " + MAX_ROWS + ").")
                        .arguments(selection)
                        .type(GraphQLNonNull.nonNull(GraphQLList.list(
                                GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(table.singular()))))))
                .build();
        types.add(tbl);
        query.field(GraphQLFieldDefinition.newFieldDefinition()
                .name(table.table().wireName())
                .description("The ERP table " + table.table().wireName() + ".")
                .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(tableType))));
        code.dataFetcher(coordinates("Query", table.table().wireName()), (DataFetcher<?>) env -> Map.of());
        code.dataFetcher(coordinates(tableType, "rowRead"), GraphqlErrors.guarded(env -> {
            List<ErpRow> rows =
                    ErpServices.data().read(table.table(), KeySelection.fromArguments(table, env.getArguments()), 0, 1);
            return rows.isEmpty() ? null : rows.get(0);
        }));
        code.dataFetcher(coordinates(tableType, "rowsRead"), GraphqlErrors.guarded(env -> {
            List<ErpRow> rows = ErpServices.data()
                    .read(table.table(), KeySelection.fromArguments(table, env.getArguments()), 0, MAX_ROWS + 1);
            if (rows.size() > MAX_ROWS) {
                throw new InvalidInputException(
                        "rowsRead",
                        "More than " + MAX_ROWS + " rows match; narrow the selection or page with conRead.");
            }
            return rows;
        }));
    }

    private GraphQLObjectType rowType(TableMeta table) {
        GraphQLObjectType.Builder row = GraphQLObjectType.newObject()
                .name(table.singular())
                .description("A row of " + table.table().wireName() + ".");
        for (FieldMeta field : table.fields()) {
            row.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(field.graphqlName())
                    .description(field.description() + " Natural type: " + field.type() + "."
                            + (field.protectedField() ? " Protected field." : ""))
                    .argument(GraphQLArgument.newArgument().name("as").type(fieldFormat))
                    .type(AnyScalar.TYPE));
            code.dataFetcher(coordinates(table.singular(), field.graphqlName()), GraphqlErrors.guarded(env -> {
                ErpRow source = env.getSource();
                Object value = source.get(field.name());
                if (value == ErpRow.WITHHELD) {
                    return GraphqlErrors.error(
                            env,
                            "The field " + field.graphqlName() + " is protected for this user.",
                            "FORBIDDEN_FIELD");
                }
                FieldFormat as = env.getArgument("as");
                return as == null ? FieldFormat.natural(value) : as.apply(field.graphqlName(), field.type(), value);
            }));
        }
        for (LinkMeta link : table.links()) {
            TableMeta target = TableRegistry.get().require(link.target());
            String linkType = table.singular() + "Lnk" + link.name();
            types.add(GraphQLObjectType.newObject()
                    .name(linkType)
                    .description("The " + target.table().wireName() + " rows of this " + table.singular() + ".")
                    .field(GraphQLFieldDefinition.newFieldDefinition()
                            .name("rowsRead")
                            .type(GraphQLNonNull.nonNull(GraphQLList.list(
                                    GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(target.singular()))))))
                    .build());
            row.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(link.graphqlName())
                    .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(linkType))));
            code.dataFetcher(
                    coordinates(table.singular(), link.graphqlName()), (DataFetcher<?>) env -> env.getSource());
            String loaderName = "lnk:" + table.singular() + "." + link.name();
            code.dataFetcher(coordinates(linkType, "rowsRead"), GraphqlErrors.guarded(env -> {
                ErpRow parent = env.getSource();
                Object key = parent.get(link.parentField());
                if (key == null) {
                    return CompletableFuture.completedFuture(List.of());
                }
                DataLoader<Object, List<ErpRow>> loader = env.getDataLoaderRegistry()
                        .computeIfAbsent(
                                loaderName,
                                n -> DataLoaderFactory.newMappedDataLoader(keys -> {
                                    try {
                                        return CompletableFuture.completedFuture(
                                                ErpServices.data().readLinked(link, keys));
                                    } catch (RuntimeException e) {
                                        return CompletableFuture.failedFuture(e);
                                    }
                                }));
                return loader.load(key);
            }));
        }
        return row.build();
    }

    /** {@code exactMatch} on any index, and the shorthand {@code kf1…} on the default one. */
    private List<GraphQLArgument> selectionArguments(TableMeta table) {
        GraphQLInputObjectType.Builder exact = GraphQLInputObjectType.newInputObject()
                .name(table.singular() + "ExactMatch")
                .description("Exact key lookup on one index (by…).")
                .withAppliedDirective(Directives.OneOfDirective.toAppliedDirective());
        GraphQLInputObjectType defaultFirstKey = null;
        for (IndexMeta index : table.indexes()) {
            GraphQLInputObjectType firstKey = keyType(table, index, 0);
            if (index == table.defaultIndex()) {
                defaultFirstKey = firstKey;
            }
            GraphQLInputObjectType byType = GraphQLInputObjectType.newInputObject()
                    .name(table.singular() + "By" + index.name())
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name(index.keyFieldName(0))
                            .type(firstKey))
                    .build();
            types.add(byType);
            exact.field(GraphQLInputObjectField.newInputObjectField()
                    .name(index.graphqlName())
                    .type(byType));
        }
        GraphQLInputObjectType exactType = exact.build();
        types.add(exactType);
        return List.of(
                GraphQLArgument.newArgument().name("exactMatch").type(exactType).build(),
                GraphQLArgument.newArgument()
                        .name(table.defaultIndex().keyFieldName(0))
                        .description("Shorthand for exactMatch on "
                                + table.defaultIndex().graphqlName() + ".")
                        .type(defaultFirstKey)
                        .build());
    }

    private GraphQLInputObjectType keyType(TableMeta table, IndexMeta index, int position) {
        GraphQLInputObjectType.Builder key = GraphQLInputObjectType.newInputObject()
                .name(table.singular() + "By" + index.name() + "Kf" + (position + 1))
                .description("Value of " + index.keyFieldName(position) + ": exactly one of string, text, int, float.")
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("string")
                        .type(string))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("text")
                        .type(string))
                .field(GraphQLInputObjectField.newInputObjectField().name("int").type(intType))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("float")
                        .type(floatType));
        if (position + 1 < index.keyFields().size()) {
            key.field(GraphQLInputObjectField.newInputObjectField()
                    .name(index.keyFieldName(position + 1))
                    .type(keyType(table, index, position + 1)));
        }
        GraphQLInputObjectType built = key.build();
        types.add(built);
        return built;
    }
}
