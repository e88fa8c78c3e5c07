package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;

/**
 * The list queries of the admin pages: the records of one realm, optionally filtered by a
 * case-insensitive text (LIKE wildcards in it match literally), one page of them and their count.
 * The entity alias is {@code e}; {@code textCondition} compares against {@code :q}; {@code listed}
 * (optional) says which records the pages show at all.
 */
final class RealmSearch<T> {

    private final Class<T> type;
    private final String textCondition;
    private final String orderBy;
    private final String listed;

    RealmSearch(Class<T> type, String textCondition, String orderBy) {
        this(type, textCondition, orderBy, null);
    }

    RealmSearch(Class<T> type, String textCondition, String orderBy, String listed) {
        this.type = type;
        this.textCondition = textCondition;
        this.orderBy = orderBy;
        this.listed = listed == null ? "" : " and (" + listed + ")";
    }

    List<T> page(EntityManager em, RealmId realm, String text, int offset, int limit) {
        TypedQuery<T> q = em.createQuery(
                "select e from " + type.getSimpleName() + " e where e.realm = :realm" + listed + filter(text)
                        + " order by " + orderBy,
                type);
        bind(q, realm, text);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    long count(EntityManager em, RealmId realm, String text) {
        TypedQuery<Long> q = em.createQuery(
                "select count(e) from " + type.getSimpleName() + " e where e.realm = :realm" + listed + filter(text),
                Long.class);
        bind(q, realm, text);
        return q.getSingleResult();
    }

    private String filter(String text) {
        return text == null || text.isBlank() ? "" : " and (" + textCondition + ")";
    }

    private static void bind(TypedQuery<?> q, RealmId realm, String text) {
        q.setParameter("realm", realm);
        if (text != null && !text.isBlank()) {
            q.setParameter("q", Like.contains(text.toLowerCase(Locale.ROOT)));
        }
    }
}
