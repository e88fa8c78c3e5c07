/**
 * The pages of a user's own authorizations ({@code webapp/auth/*.xhtml}): the OAuth consent page and
 * "Meine Freigaben". One page, one bean; the consent's answer is the OAuth consent endpoint's.
 */
package de.erpconnect.interfaces.auth;
