/** {@code /api/admin/platforms}: the e-commerce platform profiles and their link through the vendor cloud. */
package de.erpconnect.interfaces.rest.platforms;
