package de.erpconnect.infrastructure.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.erpconnect.domain.erp.ComparisonOperator;
import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.Operand;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.erp.TableRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTranslationTest {

    static final TableMeta POSTAL = TableRegistry.get().require(ErpTable.POSTAL_ADDRESSES);

    @Test
    void keyPrefixBoundsExpandToNestedComparisons() {
        List<FieldMeta> keys =
                List.of(POSTAL.requireField("AdrNr"), POSTAL.requireField("AnsNr"), POSTAL.requireField("ID"));
        List<Object> params = new ArrayList<>();
        assertEquals(
                "((adr_nr > ? or (adr_nr = ? and (ans_nr > ? or (ans_nr = ? and id > ?)))))",
                JdbcErpRowRepository.prefixBound(keys, List.of("10000", 2, 7L), true, false, params));
        assertEquals(List.of("10000", "10000", 2, 2, 7L), params);
        params.clear();
        assertEquals("(adr_nr <= ?)", JdbcErpRowRepository.prefixBound(keys, List.of("10010"), false, true, params));
        assertEquals(List.of("10010"), params);
    }

    @Test
    void filtersBecomeSqlWithBoundValuesOnly() {
        FieldMeta city = POSTAL.requireField("Ort");
        RowFilter filter = new RowFilter.Any(List.of(
                new RowFilter.Comparison(
                        ComparisonOperator.EQ, new Operand.Field(city), new Operand.Value("x' or '1'='1")),
                new RowFilter.Not(new RowFilter.NullCheck(POSTAL.requireField("EMail1"), true)),
                new RowFilter.In(new Operand.Field(city), List.of("Köln", "Bonn"))));
        List<Object> params = new ArrayList<>();
        assertEquals("(ort = ? or not (email1 is null) or ort in (?, ?))", SqlFilters.toSql(filter, params));
        assertEquals(List.of("x' or '1'='1", "Köln", "Bonn"), params);
    }
}
