package de.erpconnect.interfaces.admin;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import java.io.Serializable;

/**
 * A view-scoped admin page with a search field over one lazy table of a service's paged search:
 * the search text and the table's model, for the pages that list users, applications, access
 * credentials and events.
 */
public abstract class SearchPage<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private String query = "";
    private final PagedModel<T> model;

    protected SearchPage(PagedModel.Key<T> key) {
        model = new PagedModel<>(request -> search(query, request), key);
    }

    /** One page of the list for the search text (stripped, "" for all). */
    protected abstract Page<T> search(String query, PageRequest request);

    public PagedModel<T> getModel() {
        return model;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.strip();
    }
}
