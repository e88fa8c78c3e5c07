package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.event.Event;
import de.erpconnect.domain.event.EventRepository;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The event log in JPA. */
@ApplicationScoped
public class JpaEventRepository implements EventRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public void add(Event event) {
        em.persist(event);
    }

    @Override
    public List<Event> search(RealmId realm, EventType type, String query, int offset, int limit) {
        TypedQuery<Event> q = em.createQuery(
                "select e from Event e where e.realm = :realm" + filter(type, query) + " order by e.id desc",
                Event.class);
        bind(q, realm, type, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(RealmId realm, EventType type, String query) {
        TypedQuery<Long> q =
                em.createQuery("select count(e) from Event e where e.realm = :realm" + filter(type, query), Long.class);
        bind(q, realm, type, query);
        return q.getSingleResult();
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return em.createQuery("delete from Event e where e.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    @Override
    public int pseudonymize(RealmId realm, String login, String pseudonym) {
        String quoted = "'" + login + "'";
        List<Event> named = em.createQuery(
                        "select e from Event e where e.realm = :realm and (lower(e.actor) = :login"
                                + " or lower(e.message) like :quoted escape '\\')",
                        Event.class)
                .setParameter("realm", realm)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .setParameter("quoted", Like.contains(quoted.toLowerCase(Locale.ROOT)))
                .getResultList();
        for (Event e : named) {
            e.pseudonymize(login, pseudonym);
        }
        return named.size();
    }

    private static String filter(EventType type, String query) {
        return (type == null ? "" : " and e.type = :type")
                + (query == null || query.isBlank() ? "" : " and lower(e.message) like :q escape '\\'");
    }

    private static void bind(TypedQuery<?> q, RealmId realm, EventType type, String query) {
        q.setParameter("realm", realm);
        if (type != null) {
            q.setParameter("type", type);
        }
        if (query != null && !query.isBlank()) {
            q.setParameter("q", Like.contains(query.toLowerCase(Locale.ROOT)));
        }
    }
}
