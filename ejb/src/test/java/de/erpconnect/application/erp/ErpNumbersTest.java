package de.erpconnect.application.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The next number of an ERP number range, and the natural order of numbers kept as text. */
class ErpNumbersTest {

    @Test
    void theNextNumberCountsOnInItsDigits() {
        assertEquals("10200", ErpWriteService.increment("10199"));
        assertEquals("100000", ErpWriteService.increment("99999"));
        assertEquals("RE12500008", ErpWriteService.increment("RE12500007"));
        assertEquals("A-10", ErpWriteService.increment("A-9"));
    }

    @Test
    void aLongerNumberComesAfterAShorterOne() {
        assertTrue(ErpWriteService.comesAfter("100000", "99999"), "not as text: \"100000\" < \"99999\"");
        assertTrue(ErpWriteService.comesAfter("10201", "10200"));
        assertFalse(ErpWriteService.comesAfter("10200", "10200"));
        assertFalse(ErpWriteService.comesAfter("9999", "10000"));
    }
}
