package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.erp.ErpDataService;
import de.erpconnect.domain.erp.AmountGroupMeta;
import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.InvalidInputException;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * The reads of the generated schema (DESIGN §7): {@code rowRead}, {@code rowsRead} and
 * {@code conRead} of a table, the {@code fld…} fields with {@code as:}, the {@code lnk…}/{@code row…}
 * links batched with a DataLoader per request (a page costs the same statements whatever its
 * size), the amount groups. Everything goes through {@link ErpDataService} with the caller's rights;
 * {@link SchemaGenerator} builds the types these fetchers answer.
 */
final class ReadFetchers {

    private final ErpDataService data;

    ReadFetchers(ErpDataService data) {
        this.data = data;
    }

    DataFetcher<Object> rowRead(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            List<ErpRow> rows = read(table, env.getArguments(), List.of(), 1).rows();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    DataFetcher<Object> rowsRead(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            ErpDataService.RowPage page = read(table, env.getArguments(), List.of(), SchemaGenerator.MAX_ROWS);
            if (page.hasMore()) {
                throw new InvalidInputException(
                        "rowsRead",
                        "More than " + SchemaGenerator.MAX_ROWS
                                + " rows match; narrow the selection or page with conRead.");
            }
            return page.rows();
        });
    }

    DataFetcher<Object> conRead(TableMeta table) {
        return GraphqlErrors.guarded(env -> {
            Integer first = env.getArgument("first");
            int size = first == null ? SchemaGenerator.DEFAULT_PAGE : first;
            if (size < 0 || size > SchemaGenerator.MAX_ROWS) {
                throw new InvalidInputException("first", "first is 0 to " + SchemaGenerator.MAX_ROWS + ".");
            }
            ReadArguments args = ReadArguments.parse(table, withCurrentUser(table, env.getArguments()));
            RowQuery probe = new RowQuery(table, args.index(), args.range(), args.databaseFilter(), List.of(), 0);
            List<Object> after = Cursors.decode(probe, env.getArgument("after"));
            ErpDataService.RowPage page = read(table, args, after, size);
            List<Map<String, Object>> edges = new ArrayList<>();
            for (ErpRow row : page.rows()) {
                edges.add(Map.of(
                        "cursor", Cursors.encode(args.index(), ErpDataService.position(probe, row)), "node", row));
            }
            Map<String, Object> pageInfo = new java.util.HashMap<>();
            pageInfo.put("hasNextPage", page.hasMore());
            pageInfo.put("edgeCount", edges.size());
            pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
            pageInfo.put(
                    "endCursor",
                    edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
            return Map.of("edges", edges, "pageInfo", pageInfo);
        });
    }

    /** A {@code fld…} field of a row; a protected field the caller was not granted is an error. */
    DataFetcher<Object> field(FieldMeta field) {
        return GraphqlErrors.guarded(env -> {
            ErpRow source = env.getSource();
            Object value = source.get(field.name());
            if (value == ErpRow.WITHHELD) {
                return GraphqlErrors.error(
                        env, "The field " + field.graphqlName() + " is protected for this user.", "FORBIDDEN_FIELD");
            }
            FieldFormat as = env.getArgument("as");
            return as == null ? FieldFormat.natural(value) : as.apply(field.graphqlName(), field.type(), value);
        });
    }

    /** A link of a row: its rows (or the one row of a reference), loaded in one batch per request. */
    DataFetcher<Object> link(TableMeta table, LinkMeta link) {
        String loaderName = "link:" + table.singular() + "." + link.graphqlName();
        return GraphqlErrors.guarded(env -> {
            ErpRow parent = env.getSource();
            Object key = parent.get(link.parentField());
            if (key == null) {
                return CompletableFuture.completedFuture(link.kind() == LinkMeta.Kind.REFERENCE ? null : List.of());
            }
            if (env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
                // mutations run serially, without DataLoader dispatching: read at once
                List<ErpRow> rows = data.readLinked(link, List.of(key)).getOrDefault(key, List.of());
                if (link.kind() == LinkMeta.Kind.REFERENCE) {
                    return rows.isEmpty() ? null : rows.get(0);
                }
                return rows;
            }
            DataLoader<Object, List<ErpRow>> loader = env.getDataLoaderRegistry()
                    .computeIfAbsent(
                            loaderName,
                            n -> DataLoaderFactory.newMappedDataLoader(keys -> {
                                try {
                                    return CompletableFuture.completedFuture(data.readLinked(link, keys));
                                } catch (RuntimeException e) {
                                    return CompletableFuture.failedFuture(e);
                                }
                            }));
            CompletableFuture<List<ErpRow>> rows = loader.load(key);
            if (link.kind() == LinkMeta.Kind.REFERENCE) {
                return rows.thenApply(r -> r == null || r.isEmpty() ? null : r.get(0));
            }
            return rows.thenApply(r -> r == null ? List.of() : r);
        });
    }

    /** An amount group of a row: gross, net and tax. */
    DataFetcher<Object> amounts(AmountGroupMeta group) {
        return env -> {
            ErpRow source = env.getSource();
            Map<String, Object> amounts = new java.util.HashMap<>();
            amounts.put("totalGrossAmount", source.get(group.grossField()));
            amounts.put("totalNetAmount", source.get(group.netField()));
            amounts.put("totalTaxAmount", source.get(group.taxField()));
            return amounts;
        };
    }

    private ErpDataService.RowPage read(TableMeta table, Map<String, Object> arguments, List<Object> after, int limit) {
        return read(table, ReadArguments.parse(table, withCurrentUser(table, arguments)), after, limit);
    }

    /** {@code using: current} becomes an exactMatch on the table's login key with the caller's login. */
    private Map<String, Object> withCurrentUser(TableMeta table, Map<String, Object> arguments) {
        if (arguments.get("using") == null) {
            return arguments;
        }
        String key = TableRegistry.get().currentUserKey(table.table()).orElseThrow();
        IndexMeta index = table.indexes().stream()
                .filter(i -> i.keyFields().get(0).equals(key))
                .findFirst()
                .orElseThrow();
        Map<String, Object> replaced = new java.util.HashMap<>(arguments);
        replaced.remove("using");
        if (replaced.keySet().stream().anyMatch(ReadArguments.MODES::contains)
                || replaced.containsKey(table.defaultIndex().keyFieldName(0))) {
            throw new InvalidInputException(
                    "using", "using: current selects the row itself; drop the other selection.");
        }
        replaced.put(
                "exactMatch",
                Map.of(index.graphqlName(), Map.of(index.keyFieldName(0), Map.of("string", data.callerLogin()))));
        return replaced;
    }

    private ErpDataService.RowPage read(TableMeta table, ReadArguments args, List<Object> after, int limit) {
        RowQuery query = new RowQuery(table, args.index(), args.range(), args.databaseFilter(), after, limit);
        return data.read(query, args.slowFilter());
    }
}
