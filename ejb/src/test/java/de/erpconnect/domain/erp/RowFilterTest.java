package de.erpconnect.domain.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    static final TableMeta PRODUCTS = TableRegistry.get().require(ErpTable.PRODUCTS);
    static final FieldMeta PRICE = PRODUCTS.requireField("Vk0_Preis");
    static final FieldMeta UNIT = PRODUCTS.requireField("Einh");

    static ErpRow row(BigDecimal price, String unit) {
        Map<String, Object> values = new HashMap<>();
        values.put("Vk0_Preis", price);
        values.put("Einh", unit);
        return new ErpRow(PRODUCTS, values);
    }

    static RowFilter compare(ComparisonOperator op, Object value) {
        return new RowFilter.Comparison(op, new Operand.Field(PRICE), new Operand.Value(value));
    }

    @Test
    void comparisonsCompareNumbersByValueWhateverTheirType() {
        ErpRow row = row(new BigDecimal("10.50"), "STK");
        assertTrue(compare(ComparisonOperator.EQ, new BigDecimal("10.5")).test(row));
        assertTrue(compare(ComparisonOperator.GT, 10).test(row));
        assertTrue(compare(ComparisonOperator.LE, 10.5d).test(row));
        assertFalse(compare(ComparisonOperator.LT, 10L).test(row));
        assertTrue(compare(ComparisonOperator.NE, 11).test(row));
        assertFalse(compare(ComparisonOperator.GE, 11).test(row));
    }

    @Test
    void nullNeverComparesButIsNullSeesIt() {
        ErpRow row = row(null, null);
        assertFalse(compare(ComparisonOperator.EQ, 1).test(row));
        assertFalse(compare(ComparisonOperator.NE, 1).test(row), "NULL <> 1 is not true in SQL either");
        assertTrue(new RowFilter.NullCheck(UNIT, true).test(row));
        assertFalse(new RowFilter.NullCheck(UNIT, false).test(row));
    }

    @Test
    void booleanCombinationsAndIn() {
        ErpRow row = row(new BigDecimal("5"), "PAK");
        RowFilter cheap = compare(ComparisonOperator.LT, 6);
        RowFilter pack = new RowFilter.In(new Operand.Field(UNIT), List.of("KAR", "PAK"));
        assertTrue(new RowFilter.All(List.of(cheap, pack)).test(row));
        assertFalse(new RowFilter.All(List.of(cheap, new RowFilter.Not(pack))).test(row));
        assertTrue(new RowFilter.Any(List.of(new RowFilter.Not(cheap), pack)).test(row));
        assertFalse(new RowFilter.In(new Operand.Field(UNIT), List.of("STK")).test(row));
        assertEquals(
                List.of(PRICE, UNIT),
                new RowFilter.All(List.of(cheap, pack)).fields().toList());
    }
}
