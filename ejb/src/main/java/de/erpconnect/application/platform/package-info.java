/**
 * E-commerce platforms of the ERP (DESIGN §9): the profiles, their registration in the cloud and
 * their login status.
 */
package de.erpconnect.application.platform;
