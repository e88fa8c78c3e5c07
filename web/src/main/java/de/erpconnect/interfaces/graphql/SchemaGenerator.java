package de.erpconnect.interfaces.graphql;

import static graphql.schema.FieldCoordinates.coordinates;

import de.erpconnect.domain.erp.AmountGroupMeta;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
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

    /** conRead's page size without first:. */
    static final int DEFAULT_PAGE = 100;

    static final String PAGE_INFO = "PageInfo";

    static final String AMOUNT_GROUP = "AmountGroup";

    private final GraphQLCodeRegistry.Builder code;
    private final ErpServices services;
    private final ReadFetchers fetchers;
    private final GraphQLScalarType string;
    private final GraphQLScalarType intType;
    private final GraphQLScalarType floatType;
    private final GraphQLScalarType booleanType;
    private final List<GraphQLType> types = new ArrayList<>();
    private final GraphQLEnumType fieldFormat;
    private final GraphQLEnumType usingType = GraphQLEnumType.newEnum()
            .name("Using")
            .description("A selection by context: current = the calling user.")
            .value("current", "current")
            .build();

    SchemaGenerator(GraphQLSchema base, GraphQLCodeRegistry.Builder code, ErpServices services) {
        this.code = code;
        this.services = services;
        this.fetchers = new ReadFetchers(services.data());
        this.string = scalar(base, "String", Scalars.GraphQLString);
        this.intType = scalar(base, "Int", Scalars.GraphQLInt);
        this.floatType = scalar(base, "Float", Scalars.GraphQLFloat);
        this.booleanType = scalar(base, "Boolean", Scalars.GraphQLBoolean);
        GraphQLEnumType.Builder format = GraphQLEnumType.newEnum()
                .name("FieldFormat")
                .description(
                        "How a fld… field answers (as:): TEXT/DISPLAY_TEXT localized, STRING raw, FLOAT, INT, BOOLEAN.");
        Arrays.stream(FieldFormat.values()).forEach(f -> format.value(f.name(), f));
        this.fieldFormat = format.build();
        types.add(fieldFormat);
        types.add(usingType);
        types.add(AnyScalar.TYPE);
        types.add(pageInfo());
        types.add(GraphQLObjectType.newObject()
                .name(AMOUNT_GROUP)
                .description("An amount group (aco…): gross, net and tax.")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("totalGrossAmount")
                        .type(floatType))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("totalNetAmount")
                        .type(floatType))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("totalTaxAmount")
                        .type(floatType))
                .build());
    }

    private static GraphQLScalarType scalar(GraphQLSchema base, String name, GraphQLScalarType fallback) {
        GraphQLType existing = base.getType(name);
        return existing instanceof GraphQLScalarType s ? s : fallback;
    }

    /** The generator of the mutation side, sharing this one's scalars and types. */
    MutationGenerator mutations() {
        return new MutationGenerator(code, types, string, intType, floatType, booleanType, fieldFormat, services);
    }

    List<GraphQLType> types() {
        return types;
    }

    void addTable(TableMeta table, GraphQLObjectType.Builder query) {
        String tableType = "Tbl" + table.table().wireName().substring(3);
        types.add(rowType(table));
        List<GraphQLArgument> selection = selectionArguments(table);
        GraphQLTypeReference rowRef = GraphQLTypeReference.typeRef(table.singular());
        String edgeType = table.singular() + "Edge";
        String connectionType = table.singular() + "Connection";
        types.add(GraphQLObjectType.newObject()
                .name(edgeType)
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("cursor")
                        .description("Opaque position of this row; pass it as after: to continue behind it.")
                        .type(GraphQLNonNull.nonNull(string)))
                .field(GraphQLFieldDefinition.newFieldDefinition().name("node").type(GraphQLNonNull.nonNull(rowRef)))
                .build());
        types.add(GraphQLObjectType.newObject()
                .name(connectionType)
                .description("A page of " + table.table().wireName() + " in index order.")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("edges")
                        .type(GraphQLNonNull.nonNull(
                                GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(edgeType))))))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("pageInfo")
                        .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(PAGE_INFO))))
                .build());
        List<GraphQLArgument> paging = new ArrayList<>(selection);
        paging.add(GraphQLArgument.newArgument()
                .name("first")
                .description("Rows per page: 0 to " + MAX_ROWS + ", default " + DEFAULT_PAGE + ".")
                .type(intType)
                .build());
        paging.add(GraphQLArgument.newArgument()
                .name("after")
                .description("The endCursor of the previous page.")
                .type(string)
                .build());
        GraphQLObjectType tbl = GraphQLObjectType.newObject()
                .name(tableType)
                .description("Reads of " + table.table().wireName() + ".")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowRead")
                        .description("The first matching row in index order, or null when none matches.")
                        .arguments(selection)
                        .type(rowRef))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowsRead")
                        .description("All matching rows in index order (at most " + MAX_ROWS + "; page with conRead).")
                        .arguments(selection)
                        .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(rowRef)))))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("conRead")
                        .description("Matching rows page by page (Relay connection with opaque, stable cursors).")
                        .arguments(paging)
                        .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(connectionType))))
                .build();
        types.add(tbl);
        query.field(GraphQLFieldDefinition.newFieldDefinition()
                .name(table.table().wireName())
                .description("The ERP table " + table.table().wireName() + ".")
                .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(tableType))));
        code.dataFetcher(coordinates("Query", table.table().wireName()), (DataFetcher<?>) env -> Map.of());
        code.dataFetcher(coordinates(tableType, "rowRead"), fetchers.rowRead(table));
        code.dataFetcher(coordinates(tableType, "rowsRead"), fetchers.rowsRead(table));
        code.dataFetcher(coordinates(tableType, "conRead"), fetchers.conRead(table));
    }

    private GraphQLObjectType pageInfo() {
        return GraphQLObjectType.newObject()
                .name(PAGE_INFO)
                .description("Where a conRead page stands. There is no total count: page on while hasNextPage.")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("hasNextPage")
                        .type(GraphQLNonNull.nonNull(booleanType)))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("endCursor")
                        .type(string))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("startCursor")
                        .type(string))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("edgeCount")
                        .description("The number of edges in this page.")
                        .type(GraphQLNonNull.nonNull(intType)))
                .build();
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
            code.dataFetcher(coordinates(table.singular(), field.graphqlName()), fetchers.field(field));
        }
        for (LinkMeta link : table.links()) {
            TableMeta target = TableRegistry.get().require(link.target());
            DataFetcher<Object> load = fetchers.link(table, link);
            if (link.kind() == LinkMeta.Kind.REFERENCE) {
                row.field(GraphQLFieldDefinition.newFieldDefinition()
                        .name(link.graphqlName())
                        .description("The " + target.table().wireName() + " row whose fld" + link.childField()
                                + " is this row's fld" + link.parentField() + " (null when there is none).")
                        .type(GraphQLTypeReference.typeRef(target.singular())));
                code.dataFetcher(coordinates(table.singular(), link.graphqlName()), load);
                continue;
            }
            String linkType = table.singular() + (link.kind() == LinkMeta.Kind.NESTED ? "Tbl" : "Lnk") + link.name();
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
            code.dataFetcher(coordinates(linkType, "rowsRead"), load);
        }
        for (AmountGroupMeta group : table.amountGroups()) {
            row.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(group.graphqlName())
                    .description("Gross, net and tax amount in EUR.")
                    .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(AMOUNT_GROUP))));
            code.dataFetcher(coordinates(table.singular(), group.graphqlName()), fetchers.amounts(group));
        }
        return row.build();
    }

    /**
     * {@code exactMatch}, {@code nearestMatch}, {@code allBetween} on any index (with its
     * {@code keyFilter}), the shorthand {@code kf1…} on the default one, {@code fastFilter} and
     * {@code slowFilter}.
     */
    private List<GraphQLArgument> selectionArguments(TableMeta table) {
        GraphQLInputObjectType.Builder selection = GraphQLInputObjectType.newInputObject()
                .name(table.singular() + "IndexSelection")
                .description("One index (by…) and its key.")
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
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name("keyFilter")
                            .description("A filter on the key fields of this index.")
                            .type(keyFilterType(table, index)))
                    .build();
            types.add(byType);
            selection.field(GraphQLInputObjectField.newInputObjectField()
                    .name(index.graphqlName())
                    .type(byType));
        }
        GraphQLInputObjectType selectionType = selection.build();
        types.add(selectionType);
        GraphQLEnumType.Builder fastFields = GraphQLEnumType.newEnum()
                .name(table.singular() + "FastAnyFields")
                .description("The fields a fastFilter of " + table.table().wireName() + " can compare.");
        GraphQLEnumType.Builder slowFields = GraphQLEnumType.newEnum()
                .name(table.singular() + "SlowAnyFields")
                .description("The fields a slowFilter of " + table.table().wireName() + " can compare.");
        table.fields().forEach(f -> {
            fastFields.value(f.graphqlName(), f.graphqlName());
            slowFields.value(f.graphqlName(), f.graphqlName());
        });
        List<GraphQLArgument> arguments = new ArrayList<>();
        if (TableRegistry.get().currentUserKey(table.table()).isPresent()) {
            arguments.add(GraphQLArgument.newArgument()
                    .name("using")
                    .description("current: the row of the calling user.")
                    .type(usingType)
                    .build());
        }
        arguments.addAll(List.of(
                GraphQLArgument.newArgument()
                        .name("exactMatch")
                        .description("The rows whose key (or key prefix) equals the given one.")
                        .type(selectionType)
                        .build(),
                GraphQLArgument.newArgument()
                        .name("nearestMatch")
                        .description("The rows from the given key on, in index order.")
                        .type(selectionType)
                        .build(),
                GraphQLArgument.newArgument()
                        .name("allBetween")
                        .description("The rows between kf1….from and kf1….to (toExclusive excludes to).")
                        .type(selectionType)
                        .build(),
                GraphQLArgument.newArgument()
                        .name(table.defaultIndex().keyFieldName(0))
                        .description("Shorthand for exactMatch (a value) or allBetween (from/to) on "
                                + table.defaultIndex().graphqlName() + ".")
                        .type(defaultFirstKey)
                        .build(),
                GraphQLArgument.newArgument()
                        .name("fastFilter")
                        .description("A filter the database applies.")
                        .type(filterType(table.singular() + "Fast", fastFields.build(), false))
                        .build(),
                GraphQLArgument.newArgument()
                        .name("slowFilter")
                        .description("A filter the application applies (also in).")
                        .type(filterType(table.singular() + "Slow", slowFields.build(), true))
                        .build()));
        return arguments;
    }

    private GraphQLInputObjectType keyFilterType(TableMeta table, IndexMeta index) {
        GraphQLEnumType.Builder keys = GraphQLEnumType.newEnum()
                .name(table.singular() + "By" + index.name() + "KeyFields")
                .description("The key fields of " + index.graphqlName() + ".");
        for (int p = 0; p < index.keyFields().size(); p++) {
            keys.value(index.keyFieldName(p), index.keyFieldName(p));
        }
        return filterType(table.singular() + "By" + index.name() + "Key", keys.build(), false);
    }

    /**
     * A {@code @oneOf} filter type: {@code eq ne gt lt ge le} over two operands, {@code isNull},
     * {@code isNotNull}, {@code and}, {@code or}, {@code not}, and {@code in} when allowed.
     */
    private GraphQLInputObjectType filterType(String prefix, GraphQLEnumType fields, boolean withIn) {
        types.add(fields);
        GraphQLInputObjectType operand = GraphQLInputObjectType.newInputObject()
                .name(prefix + "Operand")
                .description("A field or a value (a string or a number).")
                .withAppliedDirective(Directives.OneOfDirective.toAppliedDirective())
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("field")
                        .type(fields))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("value")
                        .type(AnyScalar.TYPE))
                .build();
        GraphQLInputObjectType fieldRef = GraphQLInputObjectType.newInputObject()
                .name(prefix + "FieldRef")
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("field")
                        .type(GraphQLNonNull.nonNull(fields)))
                .build();
        types.add(operand);
        types.add(fieldRef);
        GraphQLTypeReference self = GraphQLTypeReference.typeRef(prefix + "Filter");
        GraphQLInputObjectType.Builder filter = GraphQLInputObjectType.newInputObject()
                .name(prefix + "Filter")
                .description("Exactly one operator; combine with and/or/not.")
                .withAppliedDirective(Directives.OneOfDirective.toAppliedDirective());
        for (String comparison : FilterInput.COMPARISONS) {
            filter.field(GraphQLInputObjectField.newInputObjectField()
                    .name(comparison)
                    .type(GraphQLList.list(GraphQLNonNull.nonNull(operand))));
        }
        filter.field(GraphQLInputObjectField.newInputObjectField()
                        .name("isNull")
                        .type(fieldRef))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("isNotNull")
                        .type(fieldRef))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("and")
                        .type(GraphQLList.list(GraphQLNonNull.nonNull(self))))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("or")
                        .type(GraphQLList.list(GraphQLNonNull.nonNull(self))))
                .field(GraphQLInputObjectField.newInputObjectField().name("not").type(self));
        if (withIn) {
            GraphQLInputObjectType in = GraphQLInputObjectType.newInputObject()
                    .name(prefix + "In")
                    .description("left is one of the values in list (all of one type).")
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name("left")
                            .type(GraphQLNonNull.nonNull(operand)))
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name("list")
                            .type(GraphQLNonNull.nonNull(GraphQLList.list(GraphQLNonNull.nonNull(AnyScalar.TYPE)))))
                    .build();
            types.add(in);
            filter.field(
                    GraphQLInputObjectField.newInputObjectField().name("in").type(in));
        }
        GraphQLInputObjectType built = filter.build();
        types.add(built);
        return built;
    }

    private GraphQLInputObjectType keyType(TableMeta table, IndexMeta index, int position) {
        String name = table.singular() + "By" + index.name() + "Kf" + (position + 1);
        GraphQLInputObjectType.Builder key = GraphQLInputObjectType.newInputObject()
                .name(name)
                .description("Value of " + index.keyFieldName(position) + ": exactly one of string, text, int, float"
                        + (position == 0 ? "; or from/to for a range." : "."))
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
        if (position == 0) {
            key.field(GraphQLInputObjectField.newInputObjectField()
                            .name("from")
                            .type(GraphQLTypeReference.typeRef(name)))
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name("to")
                            .type(GraphQLTypeReference.typeRef(name)))
                    .field(GraphQLInputObjectField.newInputObjectField()
                            .name("toExclusive")
                            .type(booleanType));
        }
        GraphQLInputObjectType built = key.build();
        types.add(built);
        return built;
    }
}
