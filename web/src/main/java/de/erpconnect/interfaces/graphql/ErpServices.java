package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.erp.ErpDataService;
import de.erpconnect.application.erp.ErpWriteService;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks up EJB services for the generated fetchers, which SmallRye does not create through CDI.
 * Uses the WAR's own {@code java:comp/BeanManager}: {@code CDI.current()} is unreliable in an EAR
 * (verified: WELD-001334 on redeploys).
 */
final class ErpServices {

    private static volatile ErpDataService dataService;
    private static volatile ErpWriteService writeService;

    private ErpServices() {}

    static ErpDataService data() {
        ErpDataService service = dataService;
        if (service == null) {
            service = reference(ErpDataService.class);
            dataService = service;
        }
        return service;
    }

    static ErpWriteService writes() {
        ErpWriteService service = writeService;
        if (service == null) {
            service = reference(ErpWriteService.class);
            writeService = service;
        }
        return service;
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
