package de.erpconnect.interfaces.graphql;

import static graphql.schema.FieldCoordinates.coordinates;

import de.erpconnect.domain.erp.AmountGroupMeta;
import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.ErpRight;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
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
import graphql.schema.SelectedField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    MutationGenerator(
            GraphQLCodeRegistry.Builder code,
            List<GraphQLType> types,
            GraphQLScalarType string,
            GraphQLScalarType intType,
            GraphQLScalarType floatType,
            GraphQLScalarType booleanType,
            GraphQLEnumType fieldFormat) {
        this.code = code;
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
        code.dataFetcher(coordinates(tableType, "rowNew"), GraphqlErrors.guarded(env -> {
            ErpServices.writes().requireWrite(table.table(), ErpRight.CREATE, Set.of());
            Object ifNotExists = env.getArgument("ifNotExists");
            if (ifNotExists != null && first(table, Map.of("exactMatch", ifNotExists)) != null) {
                return null;
            }
            return start(
                    env,
                    RowDraft.forNew(table, Map.of(), Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")), null));
        }));
        code.dataFetcher(coordinates(tableType, "rowCopy"), GraphqlErrors.guarded(env -> {
            ErpServices.writes().requireWrite(table.table(), ErpRight.CREATE, Set.of());
            ErpRow original = first(table, selectionOnly(env.getArguments()));
            if (original == null) {
                return null;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            original.values().forEach((k, v) -> {
                if (v != ErpRow.WITHHELD
                        && !Set.of("ID", "InsertLSN", "ModifyLSN").contains(k)) {
                    values.put(k, v);
                }
            });
            List<String> keys = defaultIndex.keyFields();
            values.remove(keys.get(keys.size() - 1));
            if (table.table() == de.erpconnect.domain.erp.ErpTable.TRANSACTIONS) {
                values.keySet().removeIf(k -> k.startsWith("Ges"));
            }
            return start(
                    env,
                    RowDraft.forNew(table, values, Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")), null));
        }));
        code.dataFetcher(coordinates(tableType, "rowModify"), GraphqlErrors.guarded(env -> {
            ErpServices.writes().requireWrite(table.table(), ErpRight.MODIFY, Set.of());
            ErpRow row = selectForWrite(table, env);
            return row == null ? null : start(env, RowDraft.forModify(table, row));
        }));
        code.dataFetcher(coordinates(tableType, "rowDelete"), GraphqlErrors.guarded(env -> {
            ErpServices.writes().requireWrite(table.table(), ErpRight.DELETE, Set.of());
            ErpRow row = selectForWrite(table, env);
            if (row == null) {
                return null;
            }
            return ErpServices.writes().delete(table.table(), (Long) row.get("ID"), (Long) row.get("ModifyLSN"));
        }));
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
            code.dataFetcher(coordinates(name, field.graphqlName()), inBlock(env -> {
                RowDraft draft = env.getSource();
                if (env.containsArgument("set")) {
                    draft.set(field.name(), setValue(field, env.getArgument("set")));
                }
                Object value = draft.get(field.name());
                if (value == ErpRow.WITHHELD) {
                    throw new de.erpconnect.domain.shared.ForbiddenException(
                            "FORBIDDEN_FIELD", "The field " + field.graphqlName() + " is protected for this user.");
                }
                FieldFormat as = env.getArgument("as");
                return as == null ? FieldFormat.natural(value) : as.apply(field.graphqlName(), field.type(), value);
            }));
        }
        context.field(GraphQLFieldDefinition.newFieldDefinition()
                .name("rowSave")
                .description("Saves now and continues reading the saved row (lnk… usable, no more writes).")
                .type(GraphQLTypeReference.typeRef(table.singular())));
        code.dataFetcher(coordinates(name, "rowSave"), inBlock(env -> {
            RowDraft draft = env.getSource();
            return draft.saveAndEndWriting();
        }));
        for (AmountGroupMeta group : table.amountGroups()) {
            context.field(GraphQLFieldDefinition.newFieldDefinition()
                    .name(group.graphqlName())
                    .type(GraphQLTypeReference.typeRef(SchemaGenerator.AMOUNT_GROUP)));
            code.dataFetcher(coordinates(name, group.graphqlName()), inBlock(env -> {
                RowDraft draft = env.getSource();
                Map<String, Object> amounts = new HashMap<>();
                amounts.put("totalGrossAmount", draft.get(group.grossField()));
                amounts.put("totalNetAmount", draft.get(group.netField()));
                amounts.put("totalTaxAmount", draft.get(group.taxField()));
                return amounts;
            }));
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
            code.dataFetcher(coordinates(name, link.graphqlName()), inBlock(env -> {
                RowDraft parent = env.getSource();
                parent.save();
                return parent;
            }));
            code.dataFetcher(coordinates(nestedType, "rowNew"), GraphqlErrors.guarded(env -> {
                RowDraft parent = env.getSource();
                Map<String, Object> initial = new LinkedHashMap<>();
                initial.put(link.childField(), parent.get(link.parentField()));
                return start(
                        env,
                        RowDraft.forNew(
                                child, initial, Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")), parent));
            }));
        }
        types.add(context.build());
        return name;
    }

    /** Registers the block's field count, so that its last field saves the draft. */
    private static RowDraft start(DataFetchingEnvironment env, RowDraft draft) {
        draft.expect((int) env.getSelectionSet().getImmediateFields().stream()
                .map(SelectedField::getResultKey)
                .filter(k -> !k.equals("__typename"))
                .distinct()
                .count());
        return draft;
    }

    /** A field of a row block: counts towards the block's end; a failure stops the saving. */
    private static DataFetcher<Object> inBlock(DataFetcher<Object> field) {
        DataFetcher<Object> guarded = GraphqlErrors.guarded(env -> {
            RowDraft draft = env.getSource();
            try {
                Object value = field.get(env);
                draft.fieldDone();
                return value;
            } catch (RuntimeException e) {
                draft.failed();
                throw e;
            }
        });
        return guarded;
    }

    private static Object setValue(FieldMeta field, Object set) {
        if (!(set instanceof Map<?, ?> wrapper)) {
            return null;
        }
        Object given = FieldValues.single(
                wrapper,
                wrapper.keySet(),
                field.graphqlName(),
                "set takes one of string, text, int, float, boolean (or {} for NULL).");
        return given == null ? null : FieldValues.coerce(field.graphqlName(), field, given);
    }

    private static Map<String, Object> selectionOnly(Map<String, Object> arguments) {
        Map<String, Object> selection = new HashMap<>(arguments);
        selection.remove("allowAutoNrOnSave");
        selection.remove("modifyLSN");
        return selection;
    }

    private static ErpRow first(TableMeta table, Map<String, Object> selection) {
        ReadArguments args = ReadArguments.parse(table, selection);
        if (args.range().lower().isEmpty()) {
            throw new InvalidInputException("exactMatch", "Select the row with exactMatch or the key shorthand.");
        }
        List<ErpRow> rows = ErpServices.data()
                .read(new RowQuery(table, args.index(), args.range(), args.databaseFilter(), List.of(), 1), null)
                .rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The selected row when its fldModifyLSN matches modifyLSN (if given); else null. */
    private static ErpRow selectForWrite(TableMeta table, DataFetchingEnvironment env) {
        ErpRow row = first(table, selectionOnly(env.getArguments()));
        String expected = env.getArgument("modifyLSN");
        if (row == null || (expected != null && !expected.trim().equals(String.valueOf(row.get("ModifyLSN"))))) {
            return null;
        }
        return row;
    }
}
