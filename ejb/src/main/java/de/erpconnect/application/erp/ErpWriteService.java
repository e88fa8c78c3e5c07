package de.erpconnect.application.erp;

import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.erp.ComparisonOperator;
import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.ErpRowRepository;
import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.Operand;
import de.erpconnect.domain.erp.RowChangedException;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import de.erpconnect.domain.shared.ForbiddenException;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.ErpRight;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes ERP rows for GraphQL mutations (DESIGN §7) with the caller's ERP rights and the ERP's
 * server-side rules: the next free number when none is given (or {@code allowAutoNrOnSave}), a
 * blocked address refused for new transactions, the totals of a transaction recomputed from its
 * items, keys that do not change. Every call joins the mutation's one JTA transaction; optimistic
 * locking is a conditional update on fldModifyLSN.
 */
@Stateless
@PermitAll
@DeclareRoles(ErpWriteService.WRITE_ROLE)
public class ErpWriteService {

    /** The role a bearer caller has when its token carries the scope {@code graphql.write}. */
    public static final String WRITE_ROLE = "graphql.write";

    static final Set<String> SYSTEM_FIELDS = Set.of("ID", "InsertLSN", "ModifyLSN");

    @Inject
    ErpRowRepository rows;

    @Inject
    CallerDirectory callers;

    @Resource
    SessionContext session;

    /**
     * Checks up front that the caller may write these fields of this table with this right, so
     * that a forbidden mutation fails before anything is written.
     */
    public CallerState requireWrite(ErpTable table, ErpRight right, Set<String> fieldNames) {
        if (!table.writable()) {
            throw new ForbiddenException("FORBIDDEN", table.wireName() + " is read-only.");
        }
        if (!session.isCallerInRole(WRITE_ROLE)) {
            throw new ForbiddenException("FORBIDDEN", "Writing needs a token with the scope 'graphql.write'.");
        }
        // whether the caller may use GraphQL at all was decided once, when /graphql authenticated the
        // request; the state is read for the caller's rights
        CallerState caller = callers.find(
                        RealmId.ERP, session.getCallerPrincipal().getName())
                .orElseThrow(() -> new ForbiddenException("FORBIDDEN", "The user has no GraphQL access."));
        if (!caller.allows(table, right)) {
            throw new ForbiddenException(
                    "FORBIDDEN",
                    "The user '" + caller.login() + "' has no " + right.wireName() + " right on " + table.wireName()
                            + ".");
        }
        TableMeta meta = TableRegistry.get().require(table);
        for (String name : fieldNames) {
            FieldMeta field = meta.requireField(name);
            if (SYSTEM_FIELDS.contains(name)) {
                throw new InvalidInputException(field.graphqlName(), field.graphqlName() + " is set by the server.");
            }
            if (field.protectedField() && !caller.mayAccessProtectedField(field.graphqlName())) {
                throw new ForbiddenException(
                        "FORBIDDEN_FIELD", "The field " + field.graphqlName() + " is protected for this user.");
            }
        }
        return caller;
    }

    public ErpRow insert(ErpTable table, Map<String, Object> given, boolean allowAutoNr) {
        CallerState caller = requireWrite(table, ErpRight.CREATE, given.keySet());
        TableMeta meta = TableRegistry.get().require(table);
        Map<String, Object> values = new LinkedHashMap<>(given);
        // every new row may need a number the server computes: one lock for all number ranges (held
        // until the mutation commits) keeps concurrent saves from computing the same one, and cannot
        // deadlock between tables
        rows.lockNumbering();
        switch (table) {
            case ADDRESSES -> {
                values.putIfAbsent("SuchBeg", "");
                values.putIfAbsent("GspKz", false);
                values.put("AdrNr", number(meta, "AdrNr", (String) values.get("AdrNr"), allowAutoNr, "10000"));
            }
            case POSTAL_ADDRESSES -> {
                requireValue(meta, values, "AdrNr");
                values.computeIfAbsent("AnsNr", k -> nextInt(meta, "AnsNr", "AdrNr", values.get("AdrNr")));
            }
            case CONTACT_PEOPLE -> {
                requireValue(meta, values, "AdrNr");
                requireValue(meta, values, "NNa");
                values.computeIfAbsent("AspNr", k -> nextInt(meta, "AspNr", "AdrNr", values.get("AdrNr")));
            }
            case PRODUCT_GROUPS -> {
                requireValue(meta, values, "Bez");
                values.put("WgrNr", number(meta, "WgrNr", (String) values.get("WgrNr"), allowAutoNr, "100"));
            }
            case PRODUCTS -> {
                requireValue(meta, values, "ArtNr");
                values.put("ArtNr", number(meta, "ArtNr", (String) values.get("ArtNr"), allowAutoNr, null));
                Object bez = values.get("Bez1");
                values.putIfAbsent("SuchBeg", bez == null ? "" : bez.toString().toUpperCase(java.util.Locale.GERMAN));
                values.putIfAbsent("LagMge", BigDecimal.ZERO);
                values.putIfAbsent("GspKz", false);
            }
            case TRANSACTIONS -> {
                requireValue(meta, values, "Art");
                requireValue(meta, values, "AdrNr");
                requireUnblockedAddress(values.get("AdrNr").toString());
                values.putIfAbsent("Dat", LocalDate.now(java.time.ZoneId.of("Europe/Berlin")));
                String prefix = prefixOf(values.get("Art").toString());
                String belegNr = (String) values.get("BelegNr");
                if (belegNr == null) {
                    belegNr = nextBelegNr(meta, prefix);
                }
                values.put("BelegNr", number(meta, "BelegNr", belegNr, allowAutoNr, null));
                values.put("GesNetto", BigDecimal.ZERO);
                values.put("GesSteuer", BigDecimal.ZERO);
                values.put("GesBrutto", BigDecimal.ZERO);
            }
            case TRANSACTION_ITEMS -> {
                requireValue(meta, values, "BelegNr");
                values.computeIfAbsent("ZeilenNr", k -> nextInt(meta, "ZeilenNr", "BelegNr", values.get("BelegNr")));
                Object artNr = values.get("ArtNr");
                if (artNr != null) {
                    TableMeta products = TableRegistry.get().require(ErpTable.PRODUCTS);
                    ErpRow product = firstWhere(products, "ArtNr", artNr.toString());
                    if (product == null) {
                        throw new InvalidInputException("fldArtNr", "The product \"" + artNr + "\" does not exist.");
                    }
                    values.putIfAbsent("Bez", product.get("Bez1"));
                    values.putIfAbsent("EPreis", product.get("Vk0_Preis"));
                }
                values.putIfAbsent("Mge", BigDecimal.ONE);
                values.putIfAbsent("EPreis", BigDecimal.ZERO);
                values.putIfAbsent("UStSatz", new BigDecimal("19.00"));
            }
            default -> {}
        }
        ErpRow inserted = rows.insert(meta, values);
        if (table == ErpTable.TRANSACTION_ITEMS) {
            recomputeTotals(inserted.get("BelegNr").toString());
        }
        return visible(caller, inserted);
    }

    /** Changes the row, which the caller read with fldModifyLSN {@code expectedLsn}. */
    public ErpRow update(ErpTable table, long id, long expectedLsn, Map<String, Object> changes) {
        CallerState caller = requireWrite(table, ErpRight.MODIFY, changes.keySet());
        TableMeta meta = TableRegistry.get().require(table);
        for (String key : meta.defaultIndex().keyFields()) {
            if (changes.containsKey(key)) {
                throw new InvalidInputException(
                        meta.requireField(key).graphqlName(),
                        meta.requireField(key).graphqlName()
                                + " is part of the key and cannot be changed; use rowCopy.");
            }
        }
        if (table == ErpTable.TRANSACTIONS && changes.keySet().stream().anyMatch(f -> f.startsWith("Ges"))) {
            throw new InvalidInputException("acoGPreis", "The totals are computed from the items.");
        }
        if (table == ErpTable.TRANSACTIONS && changes.containsKey("AdrNr")) {
            requireUnblockedAddress(String.valueOf(changes.get("AdrNr")));
        }
        if (!changes.isEmpty() && !rows.update(meta, id, expectedLsn, changes)) {
            throw new RowChangedException(table.wireName());
        }
        ErpRow updated = rows.findById(meta, id).orElseThrow(() -> new RowChangedException(table.wireName()));
        if (table == ErpTable.TRANSACTION_ITEMS) {
            recomputeTotals(updated.get("BelegNr").toString());
        }
        return visible(caller, updated);
    }

    /** Deletes the row, which the caller read with fldModifyLSN {@code expectedLsn}; returns it. */
    public ErpRow delete(ErpTable table, long id, long expectedLsn) {
        CallerState caller = requireWrite(table, ErpRight.DELETE, Set.of());
        TableMeta meta = TableRegistry.get().require(table);
        ErpRow before = rows.findById(meta, id).orElseThrow(() -> new RowChangedException(table.wireName()));
        if (!rows.delete(meta, id, expectedLsn)) {
            throw new RowChangedException(table.wireName());
        }
        if (table == ErpTable.TRANSACTION_ITEMS) {
            recomputeTotals(before.get("BelegNr").toString());
        }
        return visible(caller, before);
    }

    private static ErpRow visible(CallerState caller, ErpRow row) {
        return ErpDataService.hideProtected(caller, List.of(row)).get(0);
    }

    private void requireUnblockedAddress(String adrNr) {
        ErpRow address = firstWhere(TableRegistry.get().require(ErpTable.ADDRESSES), "AdrNr", adrNr);
        if (address == null) {
            throw new InvalidInputException("fldAdrNr", "Address \"" + adrNr + "\" does not exist.");
        }
        if (Boolean.TRUE.equals(address.get("GspKz"))) {
            throw new InvalidInputException("fldAdrNr", "Address \"" + adrNr + "\" is blocked.");
        }
    }

    /** Net = Σ quantity × unit price (rounded per line), tax per the line's rate, gross = net + tax. */
    private void recomputeTotals(String belegNr) {
        TableMeta items = TableRegistry.get().require(ErpTable.TRANSACTION_ITEMS);
        TableMeta heads = TableRegistry.get().require(ErpTable.TRANSACTIONS);
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (ErpRow item :
                rows.selectIn(items, items.requireField("BelegNr"), List.of(belegNr), items.defaultIndex())) {
            BigDecimal line = ((BigDecimal) item.get("Mge"))
                    .multiply((BigDecimal) item.get("EPreis"))
                    .setScale(2, RoundingMode.HALF_UP);
            net = net.add(line);
            tax = tax.add(line.multiply((BigDecimal) item.get("UStSatz"))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }
        ErpRow head = firstWhere(heads, "BelegNr", belegNr);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("GesNetto", net);
        totals.put("GesSteuer", tax);
        totals.put("GesBrutto", net.add(tax));
        if (head == null || !rows.update(heads, (Long) head.get("ID"), (Long) head.get("ModifyLSN"), totals)) {
            throw new RowChangedException(ErpTable.TRANSACTIONS.wireName());
        }
    }

    private ErpRow firstWhere(TableMeta table, String field, Object value) {
        List<ErpRow> found = rows.selectIn(table, table.requireField(field), List.of(value), table.defaultIndex());
        return found.isEmpty() ? null : found.get(0);
    }

    private static void requireValue(TableMeta meta, Map<String, Object> values, String field) {
        if (values.get(field) == null) {
            throw new InvalidInputException(
                    meta.requireField(field).graphqlName(),
                    meta.requireField(field).graphqlName() + " is required for a new row of "
                            + meta.table().wireName() + ".");
        }
    }

    /**
     * A number field of a new row: the given one when it is free; otherwise, with
     * {@code allowAutoNr}, the next free one (as when none is given); else an error.
     */
    private String number(TableMeta meta, String field, String given, boolean allowAutoNr, String first) {
        FieldMeta f = meta.requireField(field);
        if (given != null) {
            if (firstWhere(meta, field, given) == null) {
                return given;
            }
            if (!allowAutoNr) {
                throw new InvalidInputException(
                        f.graphqlName(), "The number \"" + given + "\" of " + f.graphqlName() + " is already taken.");
            }
        }
        String last = rows.lastNumber(meta, f).orElse(null);
        String candidate = given != null ? increment(given) : last == null ? first : increment(last);
        if (candidate == null) {
            throw new InvalidInputException(f.graphqlName(), f.graphqlName() + " is required.");
        }
        for (int tries = 0; firstWhere(meta, field, candidate) != null; tries++) {
            if (tries > 1000) {
                throw new InvalidInputException(f.graphqlName(), "No free number found for " + f.graphqlName() + ".");
            }
            candidate = increment(candidate);
        }
        if (last == null || comesAfter(candidate, last)) {
            rows.rememberNumber(meta, f, candidate);
        }
        return candidate;
    }

    /** Numbers kept as text in their natural order: the longer one first ("100000" after "99999"). */
    static boolean comesAfter(String number, String other) {
        return number.length() != other.length() ? number.length() > other.length() : number.compareTo(other) > 0;
    }

    /** "10199" → "10200", "RE12500007" → "RE12500008", "A-9" → "A-10". */
    static String increment(String number) {
        int end = number.length();
        int start = end;
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return number + "1";
        }
        String digits = number.substring(start, end);
        String next =
                new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        if (next.length() < digits.length()) {
            next = "0".repeat(digits.length() - next.length()) + next;
        }
        return number.substring(0, start) + next;
    }

    private Integer nextInt(TableMeta meta, String field, String parentField, Object parent) {
        Object max = rows.max(
                meta,
                meta.requireField(field),
                new RowFilter.Comparison(
                        ComparisonOperator.EQ,
                        new Operand.Field(meta.requireField(parentField)),
                        new Operand.Value(parent)));
        return max == null ? 1 : ((Number) max).intValue() + 1;
    }

    /** The number after the highest one with this prefix ("RE12500041" → "RE12500042"). */
    private String nextBelegNr(TableMeta meta, String prefix) {
        FieldMeta belegNr = meta.requireField("BelegNr");
        String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
        Object max = rows.max(
                meta,
                belegNr,
                new RowFilter.All(List.of(
                        new RowFilter.Comparison(
                                ComparisonOperator.GE, new Operand.Field(belegNr), new Operand.Value(prefix)),
                        new RowFilter.Comparison(
                                ComparisonOperator.LT, new Operand.Field(belegNr), new Operand.Value(upper)))));
        return max == null ? prefix + "12500001" : increment(max.toString());
    }

    private static String prefixOf(String art) {
        return switch (art.trim().toLowerCase(java.util.Locale.GERMAN)) {
            case "angebot" -> "AN";
            case "auftrag", "auftragsbestätigung" -> "AU";
            case "lieferschein" -> "LI";
            case "rechnung" -> "RE";
            case "gutschrift" -> "GU";
            default ->
                throw new InvalidInputException(
                        "fldArt",
                        "Unknown Vorgangsart \"" + art + "\" (Angebot, Auftrag, Lieferschein, Rechnung, Gutschrift).");
        };
    }
}
