/**
 * The pages at the root ({@code webapp/*.xhtml}: the start page and the login page) and what every
 * Faces page shares: pages whose view expired are shown afresh, addresses people type lead to pages.
 */
package de.erpconnect.interfaces.pages;
