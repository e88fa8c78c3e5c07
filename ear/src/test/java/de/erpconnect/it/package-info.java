/**
 * Black-box integration tests (STYLE tier 3): the built EAR on a managed WildFly, exercised over
 * HTTP like an integrator, a partner app and an attacker would. Every test seeds its own data.
 */
package de.erpconnect.it;
