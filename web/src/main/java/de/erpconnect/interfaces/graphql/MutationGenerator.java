package de.erpconnect.interfaces.graphql;

import static graphql.schema.FieldCoordinates.coordinates;

import de.erpconnect.domain.erp.AmountGroupMeta;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeReference;
import java.util.List;
import java.util.Map;

/**
 * Generates the mutation side (reference §3) from the {@link TableRegistry}: per writable table
 * {@code tbl…} with {@code rowNew} (+ {@code ifNotExists}, {@code allowAutoNrOnSave}),
 * {@code rowCopy}, {@code rowModify} / {@code rowDelete} (with {@code modifyLSN}: a stale LSN
 * selects nothing and yields null), a row context whose {@code fld…(set: …)} fields write in
 * document order, {@code rowSave}, and nested child tables ({@code tblTransactionItems { rowNew …
 * }}). The whole request is one JTA transaction ({@link TxMutationStrategy}).
 */
final class MutationGenerator {

    static final String SET_VALUE = "SetValue";

    private final GraphQLCodeRegistry.Builder code;
    private final List<GraphQLType> types;
    private final GraphQLScalarType string;
    private final GraphQLScalarType intType;
    private final GraphQLScalarType floatType;
    private final GraphQLScalarType booleanType;
    private final GraphQLEnumType fieldFormat;
    private final WriteFetchers fetchers;

    MutationGenerator(
            GraphQLCodeRegistry.Builder code,
            List<GraphQLType> types,
            GraphQLScalarType string,
            GraphQLScalarType intType,
            GraphQLScalarType floatType,
            GraphQLScalarType booleanType,
            GraphQLEnumType fieldFormat,
            ErpServices services) {
        this.code = code;
        this.fetchers = new WriteFetchers(services);
        this.types = types;
        this.string = string;
        this.intType = intType;
        this.floatType = floatType;
        this.booleanType = booleanType;
        this.fieldFormat = fieldFormat;
        types.add(GraphQLInputObjectType.newInputObject()
                .name(SET_VALUE)
                .description("The new value: one of string, text (German forms such as \"99,95\" or \"24.12.2023\"),"
                        + " int, float, boolean; {} sets NULL.")
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("string")
                        .type(string))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("text")
                        .type(string))
                .field(GraphQLInputObjectField.newInputObjectField().name("int").type(intType))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("float")
                        .type(floatType))
                .field(GraphQLInputObjectField.newInputObjectField()
                        .name("boolean")
                        .type(booleanType))
                .build());
    }

    void addTable(TableMeta table, GraphQLObjectType.Builder mutation) {
        if (!table.table().writable()) {
            return;
        }
        String contextType = rowContextType(table);
        String tableType = "Tbl" + table.table().wireName().substring(3) + "Mutation";
        GraphQLTypeReference selection = GraphQLTypeReference.typeRef(table.singular() + "IndexSelection");
        IndexMeta defaultIndex = table.defaultIndex();
        GraphQLArgument shorthand = GraphQLArgument.newArgument()
                .name(defaultIndex.keyFieldName(0))
                .description("Shorthand for exactMatch on " + defaultIndex.graphqlName() + ".")
                .type(GraphQLTypeReference.typeRef(table.singular() + "By" + defaultIndex.name() + "Kf1"))
                .build();
        GraphQLArgument exact =
                GraphQLArgument.newArgument().name("exactMatch").type(selection).build();
        GraphQLArgument autoNr = GraphQLArgument.newArgument()
                .name("allowAutoNrOnSave")
                .description("Take the next free number when the given one is taken.")
                .type(booleanType)
                .build();
        GraphQLArgument modifyLsn = GraphQLArgument.newArgument()
                .name("modifyLSN")
                .description("Optimistic locking: only if the row's fldModifyLSN is still this value (else null).")
                .type(string)
                .build();
        types.add(GraphQLObjectType.newObject()
                .name(tableType)
                .description("Writes of " + table.table().wireName() + ".")
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowNew")
                        .description("A new row, saved at the end of the block (or by rowSave).")
                        .argument(GraphQLArgument.newArgument()
                                .name("ifNotExists")
                                .description("Create only if no row has this key; null otherwise.")
                                .type(selection))
                        .argument(autoNr)
                        .type(GraphQLTypeReference.typeRef(contextType)))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowCopy")
                        .description("A new row with the values of the selected one; its number is new.")
                        .argument(exact)
                        .argument(shorthand)
                        .argument(autoNr)
                        .type(GraphQLTypeReference.typeRef(contextType)))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowModify")
                        .description("Changes the selected row; null when none matches or modifyLSN is stale.")
                        .argument(exact)
                        .argument(shorthand)
                        .argument(modifyLsn)
                        .type(GraphQLTypeReference.typeRef(contextType)))
                .field(GraphQLFieldDefinition.newFieldDefinition()
                        .name("rowDelete")
                        .description("Deletes the selected row and answers its last values; null when none matches"
                                + " or modifyLSN is stale.")
                        .argument(exact)
                        .argument(shorthand)
                        .argument(modifyLsn)
                        .type(GraphQLTypeReference.typeRef(table.singular())))
                .build());
        mutation.field(GraphQLFieldDefinition.newFieldDefinition()
                .name(table.table().wireName())
                .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(tableType))));
        code.dataFetcher(coordinates("Mutation", table.table().wireName()), (DataFetcher<?>) env -> Map.of());
        code.dataFetcher(coordinates(tableType, "rowNew"), fetchers.rowNew(table));
        code.dataFetcher(coordinates(tableType, "rowCopy"), fetchers.rowCopy(table));
        code.dataFetcher(coordinates(tableType, "rowModify"), fetchers.rowModify(table));
        code.dataFetcher(coordinates(tableType, "rowDelete"), fetchers.rowDelete(table));
    }

    /** The row context type {@code <Singular>RowMutation} with its fields and fetchers. */
    private String rowContextType(TableMeta table) {
        String name = table.singular() + "RowMutation";
        GraphQLObjectType.Builder context = GraphQLObjectType.newObject()
                .name(name)
                .description("Writing a row of " + table.table().wireName() + ": fld…(set: …) in document order.");
        for (FieldMeta field : table.fields()) {
            context.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(field.graphqlName())
                    .description(field.description() + " Natural type: " + field.type() + ".")
                    .argument(GraphQLArgument.newArgument().name("set").type(GraphQLTypeReference.typeRef(SET_VALUE)))
                    .argument(GraphQLArgument.newArgument().name("as").type(fieldFormat))
                    .type(AnyScalar.TYPE));
            code.dataFetcher(coordinates(name, field.graphqlName()), fetchers.field(field));
        }
        context.field(GraphQLFieldDefinition.newFieldDefinition()
                .name("rowSave")
                .description("Saves now and continues reading the saved row (lnk… usable, no more writes).")
                .type(GraphQLTypeReference.typeRef(table.singular())));
        code.dataFetcher(coordinates(name, "rowSave"), fetchers.rowSave());
        for (AmountGroupMeta group : table.amountGroups()) {
            context.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(group.graphqlName())
                    .type(GraphQLTypeReference.typeRef(SchemaGenerator.AMOUNT_GROUP)));
            code.dataFetcher(coordinates(name, group.graphqlName()), fetchers.amounts(group));
        }
        for (LinkMeta link : table.links()) {
            if (link.kind() != LinkMeta.Kind.NESTED || !link.target().writable()) {
                continue;
            }
            TableMeta child = TableRegistry.get().require(link.target());
            String nestedType = name + "Tbl" + link.name();
            types.add(GraphQLObjectType.newObject()
                    .name(nestedType)
                    .description("Writing the " + child.table().wireName() + " of this row.")
                    .field(GraphQLFieldDefinition.newFieldDefinition()
                            .name("rowNew")
                            .argument(GraphQLArgument.newArgument()
                                    .name("allowAutoNrOnSave")
                                    .type(booleanType))
                            .type(GraphQLTypeReference.typeRef(child.singular() + "RowMutation")))
                    .build());
            context.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(link.graphqlName())
                    .description("The " + child.table().wireName() + " of this row; saves the row first.")
                    .type(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(nestedType))));
            code.dataFetcher(coordinates(name, link.graphqlName()), fetchers.nested());
            code.dataFetcher(coordinates(nestedType, "rowNew"), fetchers.nestedRowNew(link, child));
        }
        types.add(context.build());
        return name;
    }
}
