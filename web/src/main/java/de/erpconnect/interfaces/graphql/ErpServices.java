package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.erp.ErpDataService;
import de.erpconnect.application.erp.ErpWriteService;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The ERP services of the generated fetchers, handed to them when the schema is built
 * ({@link ErpSchema}): SmallRye creates the schema's event service through the service loader, not
 * through CDI, so this is the one place that looks beans up — through the WAR's own
 * {@code java:comp/BeanManager}, because {@code CDI.current()} is unreliable in an EAR (verified:
 * WELD-001334 on redeploys). {@link BeanManagerLookupService} uses the same lookup for SmallRye.
 */
record ErpServices(ErpDataService data, ErpWriteService writes) {

    static ErpServices lookUp() {
        return new ErpServices(reference(ErpDataService.class), reference(ErpWriteService.class));
    }

    static BeanManager beanManager() {
        try {
            return (BeanManager) new InitialContext().lookup("java:comp/BeanManager");
        } catch (NamingException e) {
            throw new IllegalStateException("The WAR's BeanManager is not available", e);
        }
    }

    static <T> T reference(Class<T> type) {
        BeanManager bm = beanManager();
        Bean<?> bean = bm.resolve(bm.getBeans(type));
        CreationalContext<?> ctx = bm.createCreationalContext(bean);
        return type.cast(bm.getReference(bean, type, ctx));
    }
}
