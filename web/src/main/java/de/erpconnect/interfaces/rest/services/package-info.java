/** Admin REST for the automation services: the GraphQL-Server's start, stop and interactive flag. */
package de.erpconnect.interfaces.rest.services;
