package dev.mentoring.notification.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The copies of participants. */
@ApplicationScoped
public class ParticipantCopyRepository implements PanacheRepositoryBase<ParticipantCopy, UUID> {
}
