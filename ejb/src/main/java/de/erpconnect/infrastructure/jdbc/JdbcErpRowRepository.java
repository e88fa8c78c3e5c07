package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.ErpRowRepository;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.KeyRange;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.TimeLimitException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The {@link ErpRowRepository} over the application datasource (joins the caller's JTA transaction). */
@ApplicationScoped
public class JdbcErpRowRepository implements ErpRowRepository {

    /** Batches larger than this are split, to stay below every driver's parameter limit. */
    static final int MAX_IN = 1000;

    /** A single statement ends after this long ({@code erpconnect.graphql.timeout-seconds}). */
    int queryTimeoutSeconds = 20;

    @jakarta.annotation.PostConstruct
    void readTimeout() {
        queryTimeoutSeconds = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("erpconnect.graphql.timeout-seconds", Integer.class)
                .orElse(20);
    }

    /** Marks a transaction that holds the number-range lock already. */
    private static final String NUMBERING_LOCKED = JdbcErpRowRepository.class.getName() + ".numberingLocked";

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public List<ErpRow> select(RowQuery query) {
        TableMeta table = query.table();
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<FieldMeta> keys =
                query.index().keyFields().stream().map(table::requireField).toList();
        KeyRange range = query.range();
        if (!range.lower().isEmpty()) {
            where.add(prefixBound(keys, range.lower(), true, range.lowerInclusive(), params));
        }
        if (!range.upper().isEmpty()) {
            where.add(prefixBound(keys, range.upper(), false, range.upperInclusive(), params));
        }
        if (query.filter() != null) {
            where.add(SqlFilters.toSql(query.filter(), params));
        }
        if (!query.after().isEmpty()) {
            where.add(prefixBound(query.orderFields(), query.after(), true, false, params));
        }
        StringBuilder sql = new StringBuilder(selectClause(table));
        if (!where.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", where));
        }
        sql.append(" order by ")
                .append(query.orderFields().stream().map(FieldMeta::column).collect(Collectors.joining(", ")))
                .append(" limit ?");
        params.add(query.limit());
        return query(table, sql.toString(), params);
    }

    /**
     * The rows whose first {@code values.size()} ordering columns compare above (or below) the
     * given tuple: {@code c1 > v1 or (c1 = v1 and (c2 > v2 or (… cm >= vm)))}.
     */
    static String prefixBound(
            List<FieldMeta> columns, List<Object> values, boolean above, boolean inclusive, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        int m = Math.min(columns.size(), values.size());
        String strict = above ? " > ?" : " < ?";
        for (int i = 0; i < m; i++) {
            String column = columns.get(i).column();
            if (i == m - 1) {
                sql.append(column).append(inclusive ? (above ? " >= ?" : " <= ?") : strict);
                params.add(values.get(i));
            } else {
                sql.append("(")
                        .append(column)
                        .append(strict)
                        .append(" or (")
                        .append(column)
                        .append(" = ? and ");
                params.add(values.get(i));
                params.add(values.get(i));
            }
        }
        sql.append(")".repeat(2 * (m - 1)));
        return "(" + sql + ")";
    }

    @Override
    public List<ErpRow> selectIn(TableMeta table, FieldMeta field, Collection<?> values, IndexMeta index) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<Object> all = new ArrayList<>(values);
        List<ErpRow> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IN) {
            List<Object> chunk = all.subList(from, Math.min(all.size(), from + MAX_IN));
            String placeholders = chunk.stream().map(v -> "?").collect(Collectors.joining(","));
            String sql = selectClause(table) + " where " + field.column() + " in (" + placeholders + ")"
                    + orderBy(table, index);
            rows.addAll(query(table, sql, chunk));
        }
        return rows;
    }

    @Override
    public java.util.Optional<ErpRow> findById(TableMeta table, long id) {
        List<ErpRow> rows = query(table, selectClause(table) + " where id = ?", List.of(id));
        return rows.stream().findFirst();
    }

    @Override
    public long nextLsn() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select nextval('erp_lsn_seq')")) {
            StatementCounter.executed();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the LSN sequence failed", e);
        }
    }

    @Override
    public void lockNumbering() {
        // once per transaction: the lock is held until it ends
        boolean inTransaction = transactions.getTransactionKey() != null;
        if (inTransaction && transactions.getResource(NUMBERING_LOCKED) != null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update erp_numbering set uses = uses + 1 where name = 'erp'")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            StatementCounter.executed();
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("The number range row 'erp' is missing");
            }
        } catch (SQLException e) {
            if (ConstraintErrors.isTimeout(e)) {
                throw new TimeLimitException("Numbering the new row did not finish within " + queryTimeoutSeconds
                        + " s: another save holds the number ranges. Nothing was changed; try again.");
            }
            throw new IllegalStateException("Locking the number ranges failed", e);
        }
        if (inTransaction) {
            transactions.putResource(NUMBERING_LOCKED, Boolean.TRUE);
        }
    }

    @Override
    public ErpRow insert(TableMeta table, Map<String, Object> values) {
        long lsn = nextLsn();
        List<FieldMeta> fields = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (FieldMeta f : table.fields()) {
            if (f.name().equals("ID")) {
                continue;
            }
            if (f.name().equals("InsertLSN") || f.name().equals("ModifyLSN")) {
                fields.add(f);
                params.add(lsn);
            } else if (values.containsKey(f.name())) {
                fields.add(f);
                params.add(values.get(f.name()));
            }
        }
        String sql = "insert into " + table.sqlTable() + " ("
                + fields.stream().map(FieldMeta::column).collect(Collectors.joining(", ")) + ") values ("
                + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            StatementCounter.executed();
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return findById(table, id).orElseThrow();
            }
        } catch (SQLException e) {
            throw ConstraintErrors.translate(table, e, queryTimeoutSeconds);
        }
    }

    @Override
    public boolean update(TableMeta table, long id, long expectedLsn, Map<String, Object> changes) {
        long lsn = nextLsn();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("update " + table.sqlTable() + " set ");
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            sql.append(table.requireField(change.getKey()).column()).append(" = ?, ");
            params.add(change.getValue());
        }
        sql.append("modify_lsn = ? where id = ? and modify_lsn = ?");
        params.add(lsn);
        params.add(id);
        params.add(expectedLsn);
        return execute(table, sql.toString(), params) == 1;
    }

    @Override
    public boolean delete(TableMeta table, long id, long expectedLsn) {
        return execute(
                        table,
                        "delete from " + table.sqlTable() + " where id = ? and modify_lsn = ?",
                        List.of(id, expectedLsn))
                == 1;
    }

    @Override
    public Object max(TableMeta table, FieldMeta field, RowFilter where) {
        List<Object> params = new ArrayList<>();
        String sql = "select max(" + field.column() + ") from " + table.sqlTable()
                + (where == null ? "" : " where " + SqlFilters.toSql(where, params));
        return single(table, sql, params);
    }

    @Override
    public Optional<String> lastNumber(TableMeta table, FieldMeta field) {
        String last = (String) single(
                table, "select last_number from erp_numbering where name = ?", List.of(numberRange(table, field)));
        if (last != null) {
            return Optional.of(last);
        }
        // no number issued here yet: the greatest in the table, numbers kept as text compared by
        // length first ("99999" < "100000") — one scan, then the range remembers its last number
        Object greatest = single(
                table,
                "select " + field.column() + " from " + table.sqlTable() + " order by length(" + field.column()
                        + ") desc, " + field.column() + " desc limit 1",
                List.of());
        return Optional.ofNullable(greatest).map(Object::toString);
    }

    @Override
    public void rememberNumber(TableMeta table, FieldMeta field, String number) {
        String name = numberRange(table, field);
        // under the number-range lock: nobody else creates the range's row meanwhile
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement("update erp_numbering set uses = uses + 1, last_number = ? where name = ?")) {
                ps.setString(1, number);
                ps.setString(2, name);
                StatementCounter.executed();
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into erp_numbering (name, uses, last_number) values (?, 1, ?)")) {
                ps.setString(1, name);
                ps.setString(2, number);
                StatementCounter.executed();
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Remembering the number range of " + name + " failed", e);
        }
    }

    private static String numberRange(TableMeta table, FieldMeta field) {
        return table.sqlTable() + "." + field.column();
    }

    private Object single(TableMeta table, String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            StatementCounter.executed();
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + table.sqlTable() + " failed", e);
        }
    }

    private int execute(TableMeta table, String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            StatementCounter.executed();
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw ConstraintErrors.translate(table, e, queryTimeoutSeconds);
        }
    }

    /** Binds the parameters; every statement ends after the query timeout. */
    private void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        ps.setQueryTimeout(queryTimeoutSeconds);
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static String selectClause(TableMeta table) {
        return "select " + table.fields().stream().map(FieldMeta::column).collect(Collectors.joining(", ")) + " from "
                + table.sqlTable();
    }

    private static String orderBy(TableMeta table, IndexMeta index) {
        return " order by "
                + index.keyFields().stream()
                        .map(f -> table.requireField(f).column())
                        .collect(Collectors.joining(", "));
    }

    private List<ErpRow> query(TableMeta table, String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<ErpRow> rows = new ArrayList<>();
            StatementCounter.executed();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    int col = 1;
                    for (FieldMeta f : table.fields()) {
                        values.put(f.name(), read(rs, col++, f));
                    }
                    rows.add(new ErpRow(table, values));
                }
            }
            return rows;
        } catch (SQLException e) {
            if (ConstraintErrors.isTimeout(e)) {
                throw new TimeLimitException("Reading " + table.table().wireName() + " took longer than "
                        + queryTimeoutSeconds + " s; narrow the selection.");
            }
            throw new IllegalStateException("Reading " + table.sqlTable() + " failed: " + e.getMessage(), e);
        }
    }

    private static Object read(ResultSet rs, int col, FieldMeta f) throws SQLException {
        Object value = switch (f.type()) {
            case STRING, GUID -> rs.getString(col);
            case INT -> rs.getInt(col);
            case BIGINT -> rs.getLong(col);
            case DECIMAL -> rs.getBigDecimal(col);
            case BOOLEAN -> rs.getBoolean(col);
            case BINARY -> rs.getBytes(col);
            case DATE -> rs.getObject(col, java.time.LocalDate.class);
            case TIMESTAMP -> {
                Timestamp ts = rs.getTimestamp(col);
                yield ts == null ? null : ts.toInstant();
            }
        };
        return rs.wasNull() ? null : value;
    }
}
