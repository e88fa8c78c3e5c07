package de.erpconnect.interfaces.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/**
 * The one annotated root SmallRye GraphQL needs to bootstrap (without it the generated schema is
 * never built); it answers the API version.
 */
@GraphQLApi
@ApplicationScoped
public class ApiInfo {

    static final String VERSION = "1";

    @Query("apiVersion")
    @Description("Version of the ERP Connect GraphQL API.")
    public String apiVersion() {
        return VERSION;
    }
}
