package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.AmountGroupMeta;
import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.ErpRight;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of the generated schema (DESIGN §7): {@code rowNew}, {@code rowCopy},
 * {@code rowModify}, {@code rowDelete} of a table and the fields of a row block ({@code fld…(set:)}
 * in document order, {@code rowSave}, nested item writes), each through the ERP services with the
 * caller's rights, inside the mutation's one transaction ({@link TxMutationStrategy}).
 * {@link MutationGenerator} builds the types these fetchers answer.
 */
final class WriteFetchers {

    private final ErpServices services;

    WriteFetchers(ErpServices services) {
        this.services = services;
    }

    DataFetcher<Object> rowNew(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            services.writes().requireWrite(table.table(), ErpRight.CREATE, Set.of());
            Object ifNotExists = env.getArgument("ifNotExists");
            if (ifNotExists != null && first(table, Map.of("exactMatch", ifNotExists)) != null) {
                return null;
            }
            return start(
                    env,
                    RowDraft.forNew(
                            services,
                            table,
                            Map.of(),
                            Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")),
                            null));
        });
    }

    DataFetcher<Object> rowCopy(TableMeta table) {
        IndexMeta defaultIndex = table.defaultIndex();
        return GraphqlErrors.guarded(env -> {
            services.writes().requireWrite(table.table(), ErpRight.CREATE, Set.of());
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
                    RowDraft.forNew(
                            services, table, values, Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")), null));
        });
    }

    DataFetcher<Object> rowModify(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            services.writes().requireWrite(table.table(), ErpRight.MODIFY, Set.of());
            ErpRow row = selectForWrite(table, env);
            return row == null ? null : start(env, RowDraft.forModify(services, table, row));
        });
    }

    DataFetcher<Object> rowDelete(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            services.writes().requireWrite(table.table(), ErpRight.DELETE, Set.of());
            ErpRow row = selectForWrite(table, env);
            if (row == null) {
                return null;
            }
            return services.writes().delete(table.table(), (Long) row.get("ID"), (Long) row.get("ModifyLSN"));
        });
    }

    /** A {@code fld…(set:, as:)} field of a row block. */
    DataFetcher<Object> field(FieldMeta field) {
        return inBlock(env -> {
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
        });
    }

    /** {@code rowSave}: saves now and continues reading the saved row. */
    DataFetcher<Object> rowSave() {
        return inBlock(env -> {
            RowDraft draft = env.getSource();
            return draft.saveAndEndWriting();
        });
    }

    DataFetcher<Object> amounts(AmountGroupMeta group) {
        return inBlock(env -> {
            RowDraft draft = env.getSource();
            Map<String, Object> amounts = new HashMap<>();
            amounts.put("totalGrossAmount", draft.get(group.grossField()));
            amounts.put("totalNetAmount", draft.get(group.netField()));
            amounts.put("totalTaxAmount", draft.get(group.taxField()));
            return amounts;
        });
    }

    /** The nested table of a row block (its items): saves the row first. */
    DataFetcher<Object> nested() {
        return inBlock(env -> {
            RowDraft parent = env.getSource();
            parent.save();
            return parent;
        });
    }

    /** {@code rowNew} of a nested table, with the parent's key. */
    DataFetcher<Object> nestedRowNew(LinkMeta link, TableMeta child) {
        return GraphqlErrors.guarded(env -> {
            RowDraft parent = env.getSource();
            Map<String, Object> initial = new LinkedHashMap<>();
            initial.put(link.childField(), parent.get(link.parentField()));
            return start(
                    env,
                    RowDraft.forNew(
                            services,
                            child,
                            initial,
                            Boolean.TRUE.equals(env.getArgument("allowAutoNrOnSave")),
                            parent));
        });
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

    private ErpRow first(TableMeta table, Map<String, Object> selection) {
        ReadArguments args = ReadArguments.parse(table, selection);
        if (args.range().lower().isEmpty()) {
            throw new InvalidInputException("exactMatch", "Select the row with exactMatch or the key shorthand.");
        }
        List<ErpRow> rows = services.data()
                .read(new RowQuery(table, args.index(), args.range(), args.databaseFilter(), List.of(), 1), null)
                .rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The selected row when its fldModifyLSN matches modifyLSN (if given); else null. */
    private ErpRow selectForWrite(TableMeta table, DataFetchingEnvironment env) {
        ErpRow row = first(table, selectionOnly(env.getArguments()));
        String expected = env.getArgument("modifyLSN");
        if (row == null || (expected != null && !expected.trim().equals(String.valueOf(row.get("ModifyLSN"))))) {
            return null;
        }
        return row;
    }
}
