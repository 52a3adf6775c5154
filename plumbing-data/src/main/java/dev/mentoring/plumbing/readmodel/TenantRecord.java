package dev.mentoring.plumbing.readmodel;

/** A read-model row that belongs to one tenant: what {@link ReadModelCopies} checks before it changes the row. */
public interface TenantRecord {

    /** The tenant the row belongs to. */
    String tenant();
}
