package de.erpconnect.application;

import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.ErpRowRepository;
import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.erp.LinkMeta;
import de.erpconnect.domain.erp.RowCondition;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.ForbiddenException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.ErpRight;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ERP rows for the GraphQL API with the caller's own ERP rights (DESIGN §7): the caller must
 * be an active user with GraphQL access and hold the read right on every table it touches.
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

    public List<ErpRow> read(ErpTable table, List<RowCondition> conditions, int offset, int limit) {
        CallerState caller = requireRead(table);
        TableMeta meta = TableRegistry.get().require(table);
        return hideProtected(caller, rows.select(meta, conditions, meta.defaultIndex(), offset, limit));
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
        CallerState caller = callers.find(RealmId.ERP, login)
                .filter(CallerState::mayUseGraphql)
                .orElseThrow(() -> new ForbiddenException("FORBIDDEN", "The user has no GraphQL access."));
        if (!caller.allows(table, ErpRight.READ)) {
            throw new ForbiddenException(
                    "FORBIDDEN", "The user '" + caller.login() + "' has no read right on " + table.wireName() + ".");
        }
        return caller;
    }

    /** Protected fields the caller was not granted are read as null and marked as withheld. */
    private static List<ErpRow> hideProtected(CallerState caller, List<ErpRow> found) {
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
