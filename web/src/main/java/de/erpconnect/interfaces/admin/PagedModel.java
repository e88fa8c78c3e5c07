package de.erpconnect.interfaces.admin;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy PrimeFaces table over a service's paged search (the same {@link Page} the admin REST API
 * returns): the table asks for one page at a time, never more than {@link PageRequest#MAX_SIZE}.
 */
public final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The search of one page; serializable, as the view-scoped bean holding it. */
    public interface Search<T> extends Serializable {
        Page<T> page(PageRequest request);
    }

    /** The row key of the table. */
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Search<T> search;
    private final Key<T> key;

    public PagedModel(Search<T> search, Key<T> key) {
        this.search = search;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        return (int) search.page(new PageRequest(0, 1)).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        int size = Math.min(pageSize, PageRequest.MAX_SIZE);
        Page<T> page = search.page(new PageRequest(first / size, size));
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
