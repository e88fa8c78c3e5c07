package de.erpconnect.application.erp;

import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.ErpRowRepository;
import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.ForbiddenException;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.ErpRight;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ERP rows for the GraphQL API with the caller's own ERP rights (DESIGN §7): the caller holds
 * the read right on every table it touches and sees protected fields only when granted. That the
 * caller is an active user with GraphQL access and a token with the scope {@code graphql} is decided
 * once per request, by the authentication of {@code /graphql}.
 */
@Stateless
@PermitAll
public class ErpDataService {

    @Inject
    ErpRowRepository rows;

    @Inject
    CallerDirectory callers;

    @Resource
    SessionContext session;

    /** Rows the application scans at most to fill one page through a slowFilter. */
    public static final int SLOW_FILTER_SCAN_LIMIT = 100_000;

    /**
     * One page of a read: at most {@code limit} rows of the query that also pass {@code slowFilter}
     * (evaluated here, after the database), and whether more follow. Filters on protected fields
     * the caller was not granted are refused, so that they cannot be probed.
     */
    public RowPage read(RowQuery query, RowFilter slowFilter) {
        CallerState caller = requireRead(query.table().table());
        requireVisible(caller, query.filter());
        requireVisible(caller, slowFilter);
        int limit = query.limit();
        if (slowFilter == null) {
            List<ErpRow> found = rows.select(new RowQuery(
                    query.table(), query.index(), query.range(), query.filter(), query.after(), limit + 1));
            boolean more = found.size() > limit;
            return new RowPage(hideProtected(caller, more ? found.subList(0, limit) : found), more);
        }
        int batch = Math.max(100, Math.min(1000, 4 * (limit + 1)));
        List<ErpRow> passed = new ArrayList<>();
        RowQuery next = new RowQuery(query.table(), query.index(), query.range(), query.filter(), query.after(), batch);
        int scanned = 0;
        while (passed.size() <= limit) {
            List<ErpRow> found = rows.select(next);
            for (ErpRow row : found) {
                if (slowFilter.test(row)) {
                    passed.add(row);
                    if (passed.size() > limit) {
                        break;
                    }
                }
            }
            scanned += found.size();
            if (found.size() < batch) {
                break;
            }
            if (scanned >= SLOW_FILTER_SCAN_LIMIT) {
                throw new InvalidInputException(
                        "slowFilter",
                        "The slowFilter had to examine more than " + SLOW_FILTER_SCAN_LIMIT
                                + " rows; narrow the selection with an index range, keyFilter or fastFilter.");
            }
            next = next.continueAfter(position(query, found.get(found.size() - 1)));
        }
        boolean more = passed.size() > limit;
        return new RowPage(hideProtected(caller, more ? passed.subList(0, limit) : passed), more);
    }

    /** The login of the caller ({@code using: current}). */
    public String callerLogin() {
        return session.getCallerPrincipal().getName();
    }

    /** The row with this record id, read again with the caller's rights (e.g. after a write). */
    public java.util.Optional<ErpRow> reread(TableMeta table, long id) {
        CallerState caller = requireRead(table.table());
        return rows.findById(table, id)
                .map(row -> hideProtected(caller, List.of(row)).get(0));
    }

    /** The keyset position of a row in the order of a query (its index key values and id). */
    public static List<Object> position(RowQuery query, ErpRow row) {
        return query.orderFields().stream().map(f -> row.get(f.name())).toList();
    }

    /** A page of rows and whether more rows follow it. */
    public record RowPage(List<ErpRow> rows, boolean hasMore) {}

    private static void requireVisible(CallerState caller, RowFilter filter) {
        if (filter == null) {
            return;
        }
        filter.fields()
                .filter(f -> f.protectedField() && !caller.mayAccessProtectedField(f.graphqlName()))
                .findFirst()
                .ifPresent(f -> {
                    throw new ForbiddenException(
                            "FORBIDDEN_FIELD",
                            "The field " + f.graphqlName() + " is protected for this user and cannot be filtered on.");
                });
    }

    /** The rows of a link for many parents at once: parent key value to its child rows. */
    public Map<Object, List<ErpRow>> readLinked(LinkMeta link, Collection<Object> parentValues) {
        CallerState caller = requireRead(link.target());
        TableMeta target = TableRegistry.get().require(link.target());
        Map<Object, List<ErpRow>> byParent = new LinkedHashMap<>();
        parentValues.forEach(v -> byParent.put(v, new java.util.ArrayList<>()));
        for (ErpRow row : hideProtected(
                caller,
                rows.selectIn(target, target.requireField(link.childField()), parentValues, target.defaultIndex()))) {
            byParent.computeIfAbsent(row.get(link.childField()), k -> new java.util.ArrayList<>())
                    .add(row);
        }
        return byParent;
    }

    private CallerState requireRead(ErpTable table) {
        String login = session.getCallerPrincipal().getName();
        // whether the caller may use GraphQL at all was decided once, when /graphql authenticated the
        // request; the state is read for the caller's rights
        CallerState caller = callers.find(RealmId.ERP, login)
                .orElseThrow(() -> new ForbiddenException("FORBIDDEN", "The user has no GraphQL access."));
        if (!caller.allows(table, ErpRight.READ)) {
            throw new ForbiddenException(
                    "FORBIDDEN", "The user '" + caller.login() + "' has no read right on " + table.wireName() + ".");
        }
        return caller;
    }

    /** Protected fields the caller was not granted are read as null and marked as withheld. */
    static List<ErpRow> hideProtected(CallerState caller, List<ErpRow> found) {
        return found.stream()
                .map(row -> {
                    Map<String, Object> values = new LinkedHashMap<>(row.values());
                    row.table().fields().stream()
                            .filter(f -> f.protectedField() && !caller.mayAccessProtectedField(f.graphqlName()))
                            .forEach(f -> values.put(f.name(), ErpRow.WITHHELD));
                    return new ErpRow(row.table(), values);
                })
                .toList();
    }
}
