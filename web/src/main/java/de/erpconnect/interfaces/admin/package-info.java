/**
 * The admin pages' backing beans (DESIGN §10), one per page under {@code webapp/admin/<section>},
 * plus the layout's. They call the same EJB services as the admin REST API and never the
 * EntityManager; a refused action becomes a message on the page.
 */
package de.erpconnect.interfaces.admin;
