package de.erpconnect.interfaces.graphql;

import io.smallrye.graphql.spi.LookupService;
import io.smallrye.graphql.spi.ManagedInstance;

/**
 * SmallRye GraphQL's bean lookup through the WAR's BeanManager. Its default CDI lookup fails at
 * random inside an EAR (WELD-001334); SmallRye prefers a LookupService outside its own packages.
 */
public class BeanManagerLookupService implements LookupService {

    @Override
    public String getName() {
        return "ERP Connect BeanManager lookup";
    }

    @Override
    public <T> ManagedInstance<T> getInstance(Class<T> declaringClass) {
        T instance = ErpServices.reference(declaringClass);
        return () -> instance;
    }

    @Override
    public boolean isResolvable(Class<?> declaringClass) {
        return !ErpServices.beanManager().getBeans(declaringClass).isEmpty();
    }
}
