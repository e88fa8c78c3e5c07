package de.erpconnect.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.EnumSet;
import java.util.Set;

/** The rights a user holds on one ERP table. */
@Embeddable
public class TableRights {

    @Column(name = "can_read", nullable = false)
    private boolean read;

    @Column(name = "can_create", nullable = false)
    private boolean create;

    @Column(name = "can_modify", nullable = false)
    private boolean modify;

    @Column(name = "can_delete", nullable = false)
    private boolean delete;

    protected TableRights() {}

    public TableRights(Set<ErpRight> rights) {
        this.read = rights.contains(ErpRight.READ);
        this.create = rights.contains(ErpRight.CREATE);
        this.modify = rights.contains(ErpRight.MODIFY);
        this.delete = rights.contains(ErpRight.DELETE);
    }

    public boolean allows(ErpRight right) {
        return switch (right) {
            case READ -> read;
            case CREATE -> create;
            case MODIFY -> modify;
            case DELETE -> delete;
        };
    }

    public Set<ErpRight> asSet() {
        EnumSet<ErpRight> set = EnumSet.noneOf(ErpRight.class);
        for (ErpRight r : ErpRight.values()) {
            if (allows(r)) {
                set.add(r);
            }
        }
        return set;
    }
}
